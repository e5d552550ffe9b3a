/**
 * The printable due-diligence report of a map: one self-contained HTML document (inline CSS
 * with A4 print rules, inline SVG figures, no scripts, no external resources) in English or
 * Dutch. The server serves it (`GET /api/maps/<id>/report.html`) and the client opens it to
 * print to PDF; both call this one pure function, so they print the same thing.
 *
 * Confidential material is left out by default: contacts, log entries marked confidential,
 * and dialogue plans marked confidential with the commitments and evaluations that belong to
 * them (`visibleDialogueRecords`); what was left out is said, not hidden.
 *
 * Every user string is escaped with `escapeHtml`; a Content-Security-Policy meta element
 * forbids scripts and loads as a second line of defence.
 */
import type { EngagementStage } from '../dialogue/EngagementStage'
import {
  ALERT_LABELS,
  PRIORITY_REASON_LABELS,
  PRIORITY_TIER_LABELS,
  QUADRANT_LABELS,
  formatLabel,
  salienceAssessmentLabel,
} from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import type { Commitment } from '../dialogue/Commitment'
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import type { RolePlayObservations } from '../document/observerNotesDocument'
import { dialogueAlerts } from '../scoring/dialogueAlerts'
import { engagementAlerts } from '../scoring/engagementAlerts'
import { engagementQuadrant } from '../scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../scoring/prioritiseStakeholders'
import { salienceAssessment } from '../scoring/salienceAssessment'
import type { Stakeholder } from '../stakeholder/Stakeholder'
import type { RegisterInput } from '../exchange/registerRows'
import { alertListHtml } from './alertListHtml'
import { commitmentSection } from './commitmentSection'
import { heldDialoguesSection, plansSection } from './dialoguePlanSections'
import { escapeHtml } from './escapeHtml'
import { evaluationSection } from './evaluationSection'
import { observerNotesHtml } from './observerNotesHtml'
import { matrixSvg } from './matrixSvg'
import { registerSection } from './registerSection'
import { formatDate } from './reportFormat'
import { REPORT_STYLE } from './reportStyle'
import { REPORT_TEXT } from './reportText'
import type { ReportText } from './reportText'
import { salienceSvg } from './salienceSvg'
import { SELF_ASSESSMENT_REPORT_TEXT, selfAssessmentSection } from './selfAssessmentSection'
import { stakeholderSection } from './stakeholderSection'
import { visibleDialogueRecords } from './visibleDialogueRecords'
import type { CaseCard } from '../workshop/caseCard'
import { worksheetTableOf } from '../workshop/phase2Worksheets'
import {
  type TableWorksheet,
  WORKSHOP_REPORT_TEXT,
  workshopWorksheetsHtml,
  worksheetAnchor,
  worksheetHeading,
} from './workshopWorksheetsHtml'

/** What the report is made from. */
export interface ReportInput {
  /** The map's title. */
  title: string
  /** The company or organisation keeping the map, if known. */
  organisation?: string
  /** ISO 8601 timestamp of when the report is made. */
  generatedAt: string
  /** The saved version the report shows, or null/absent for the current state. */
  version?: { name: string; createdAt: string } | null
  /**
   * The stakeholders, contacts already stripped unless the user asked for them (contacts
   * given here are only shown with `includeContacts`).
   */
  stakeholders: readonly RegisterInput[]
  locale: LabelLocale
  /** Show contacts (personal data). Default false. */
  includeContacts?: boolean
  /**
   * Show engagement log entries and dialogue plans marked confidential (with the commitments
   * and evaluations of such a plan). Default: as `includeContacts`.
   */
  includeConfidential?: boolean
  /** The map's dialogue plans, held ones included (`readMapDialogues`). Default none. */
  dialoguePlans?: readonly DialoguePlan[]
  /** The map's commitments. Default none. */
  commitments?: readonly Commitment[]
  /** The map's dialogue evaluations. Default none. */
  dialogueEvaluations?: readonly DialogueEvaluation[]
  /** The map's engagement stages (`readEngagementStages`); default the built-in list's words. */
  engagementStages?: readonly EngagementStage[]
  /** The map's self-assessments (`readMapDialogues`). Default none. */
  selfAssessments?: readonly SelfAssessment[]
  /** The role play's observer sheets (`readRolePlayObservations`). Default none. */
  observations?: RolePlayObservations
  /** Phase 2's case card as the trainers edited it (`readCaseCard`). Default none. */
  caseCard?: CaseCard | null
}

/** The report's calendar day in UTC (as its dates are printed): what is overdue on it. */
function reportDay(generatedAt: string): string {
  const date = new Date(generatedAt)
  return Number.isNaN(date.getTime()) ? generatedAt.slice(0, 10) : date.toISOString().slice(0, 10)
}

/** The contents' entry of section 5, with the workshop's worksheets under it when there are. */
function plansContents(
  input: ReportInput,
  text: ReportText,
  worksheets: readonly TableWorksheet[],
  workshop: boolean,
): string {
  const heading = escapeHtml(text.plansHeading.replace(/^\d+\.\s*/, ''))
  if (!workshop) return `<li>${heading}</li>`
  const tables = worksheets
    .map(
      (worksheet) =>
        `<li><a href="#${worksheetAnchor(worksheet.table)}">${escapeHtml(worksheetHeading(worksheet, input.locale, text))}</a></li>`,
    )
    .join('')
  return (
    `<li>${heading}<ul class="plain"><li><a href="#workshop">${escapeHtml(WORKSHOP_REPORT_TEXT[input.locale].heading)}</a>` +
    (tables === '' ? '' : `<ul class="plain">${tables}</ul>`) +
    '</li></ul></li>'
  )
}

function titlePage(
  input: ReportInput,
  text: ReportText,
  worksheets: readonly TableWorksheet[] = [],
  workshop = false,
): string {
  const rows: [string, string][] = []
  if (input.organisation?.trim()) rows.push([text.organisation, escapeHtml(input.organisation)])
  rows.push([text.generatedAt, escapeHtml(formatDate(input.generatedAt, input.locale, true))])
  rows.push([
    text.version,
    input.version
      ? `${escapeHtml(input.version.name)} (${escapeHtml(formatDate(input.version.createdAt, input.locale, true))})`
      : escapeHtml(text.versionNone),
  ])
  rows.push([text.stakeholderCount, String(input.stakeholders.length)])
  const confidential = input.includeContacts || input.includeConfidential
  return (
    '<section class="title-page" id="title">' +
    `<h1>${escapeHtml(input.title)}</h1>` +
    `<p class="kind">${escapeHtml(text.documentKind)}</p>` +
    `<table class="meta"><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>` +
    (confidential
      ? `<p class="notice">${escapeHtml(text.confidentialNotice)}</p>`
      : `<p class="notice quiet">${escapeHtml(text.publicNotice)}</p>`) +
    `<h2>${escapeHtml(text.contents)}</h2><ol class="contents">` +
    [
      text.registerHeading,
      text.figuresHeading,
      text.orderHeading,
      text.logHeading,
      null,
      text.heldHeading,
      text.commitmentsHeading,
      text.evaluationsHeading,
      SELF_ASSESSMENT_REPORT_TEXT[input.locale].heading,
      text.methodHeading,
    ]
      .map((heading) =>
        heading === null
          ? plansContents(input, text, worksheets, workshop)
          : `<li>${escapeHtml(heading.replace(/^\d+\.\s*/, ''))}</li>`,
      )
      .join('') +
    '</ol></section>'
  )
}

function figuresSection(input: ReportInput, text: ReportText, ranked: RankedStakeholder[]): string {
  const quadrants = QUADRANT_LABELS[input.locale]
  const notPlaced = ranked.filter(
    ({ stakeholder }) => engagementQuadrant(stakeholder) === 'unassessed',
  )
  const legend =
    `<h4>${escapeHtml(text.legendHeading)}</h4><ol class="legend">` +
    ranked
      .map(
        ({ stakeholder, rank }) =>
          `<li value="${rank}">${escapeHtml(stakeholder.name)} — ${escapeHtml(quadrants[engagementQuadrant(stakeholder)])}; ${escapeHtml(salienceAssessmentLabel(input.locale, salienceAssessment(stakeholder)))}</li>`,
      )
      .join('') +
    '</ol>'
  return (
    '<section class="report-section" id="figures">' +
    `<h2>${escapeHtml(text.figuresHeading)}</h2>` +
    `<figure id="matrix"><h3>${escapeHtml(text.matrixHeading)}</h3>` +
    matrixSvg(input.stakeholders, input.locale) +
    `<figcaption>${escapeHtml(text.matrixCaption)}` +
    (notPlaced.length > 0
      ? ` ${escapeHtml(text.notPlaced)}: ${notPlaced.map(({ stakeholder, rank }) => `${rank}. ${escapeHtml(stakeholder.name)}`).join('; ')}.`
      : '') +
    '</figcaption></figure>' +
    `<figure id="salience"><h3>${escapeHtml(text.salienceHeading)}</h3>` +
    salienceSvg(input.stakeholders, input.locale) +
    `<figcaption>${escapeHtml(text.salienceCaption)}</figcaption></figure>` +
    (ranked.length > 0 ? legend : '') +
    '</section>'
  )
}

interface RankedStakeholder {
  stakeholder: Stakeholder
  rank: number
  tier: ReturnType<typeof prioritiseStakeholders>[number]['tier']
  reasons: ReturnType<typeof prioritiseStakeholders>[number]['reasons']
}

function orderSection(input: ReportInput, text: ReportText, ranked: RankedStakeholder[]): string {
  const { locale } = input
  const all = ranked.map(({ stakeholder }) => stakeholder)
  const items = ranked.map(({ stakeholder, rank, tier, reasons }) => {
    const alerts = engagementAlerts(stakeholder, { stakeholders: all })
    return (
      '<li class="order-item">' +
      `<h3>${rank}. ${escapeHtml(stakeholder.name)}</h3>` +
      `<p><span class="tier">${escapeHtml(PRIORITY_TIER_LABELS[locale][tier])}</span></p>` +
      `<h4>${escapeHtml(text.reasons)}</h4><ul>` +
      reasons
        .map(
          (reason) =>
            `<li>${escapeHtml(formatLabel(locale, PRIORITY_REASON_LABELS[locale][reason.code], reason.params))}</li>`,
        )
        .join('') +
      `</ul><h4>${escapeHtml(text.alerts)}</h4>` +
      alertListHtml(
        alerts.map((alert) => ({
          level: alert.level,
          message: formatLabel(locale, ALERT_LABELS[locale][alert.code], alert.params),
        })),
        text,
      ) +
      '</li>'
    )
  })
  return (
    '<section class="report-section" id="order">' +
    `<h2>${escapeHtml(text.orderHeading)}</h2><p>${escapeHtml(text.orderIntro)}</p>` +
    (items.length === 0
      ? `<p>${escapeHtml(text.emptyMap)}</p>`
      : `<ol class="order">${items.join('')}</ol>`) +
    '</section>'
  )
}

function methodSection(text: ReportText): string {
  return (
    '<section class="report-section" id="method">' +
    `<h2>${escapeHtml(text.methodHeading)}</h2>` +
    text.methodParts
      .map(
        (part) =>
          `<h3>${escapeHtml(part.heading)}</h3>` +
          part.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(''),
      )
      .join('') +
    `<h3>${escapeHtml(text.sourcesHeading)}</h3><ol class="sources">` +
    text.sources.map((source) => `<li>${escapeHtml(source)}</li>`).join('') +
    '</ol></section>'
  )
}

/**
 * The report as one complete HTML document. Sections: title page, register, matrix and
 * salience figures, engagement order with reasons and alerts, engagement log (confidential
 * entries withheld unless asked), dialogue plans, held dialogues, commitments (overdue ones
 * first), evaluations (confidential plans and their records withheld unless asked), the
 * self-assessments, and the method with its sources.
 */
export function renderReport(input: ReportInput): string {
  const text = REPORT_TEXT[input.locale]
  const { locale } = input
  const includeContacts = input.includeContacts ?? false
  const includeConfidential = input.includeConfidential ?? includeContacts
  // Contacts the caller left in are still not shown unless asked: the default is safe.
  const stakeholders: Stakeholder[] = input.stakeholders.map((stakeholder) => ({
    ...stakeholder,
    contacts: includeContacts ? (stakeholder.contacts ?? []) : [],
  }))
  const safeInput: ReportInput = { ...input, stakeholders, includeContacts }
  const ranked: RankedStakeholder[] = prioritiseStakeholders(stakeholders)
  const plans = input.dialoguePlans ?? []
  const dialogues = visibleDialogueRecords(
    { plans, commitments: input.commitments ?? [], evaluations: input.dialogueEvaluations ?? [] },
    { includeConfidential, locale },
  )
  // The workshop's worksheets are printed with the case, under their tables, and not again.
  const worksheets: TableWorksheet[] = [...dialogues.plans, ...dialogues.held]
    .map((plan) => ({ table: worksheetTableOf(plan.id), plan }))
    .filter((each): each is TableWorksheet => each.table !== null)
    .sort((a, b) => a.table - b.table)
  const otherPlans = dialogues.plans.filter((plan) => worksheetTableOf(plan.id) === null)
  const otherHeld = dialogues.held.filter((plan) => worksheetTableOf(plan.id) === null)
  const names = new Map(stakeholders.map(({ id, name }) => [id, name]))
  // Over every plan, withheld ones too: a stakeholder invited to a confidential plan is not
  // "invited to no plan". A withheld plan's own alerts are not printed (its block is not).
  const planOptions = {
    locale,
    names,
    alerts: dialogueAlerts(plans, stakeholders),
    engagementStages: input.engagementStages,
  }
  const workshop = workshopWorksheetsHtml(
    input.caseCard ?? null,
    worksheets,
    { ...planOptions, withheld: 0 },
    text,
  )
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${input.locale}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(`${input.title} — ${text.documentKind}`)}</title>` +
    `<style>${REPORT_STYLE}</style></head><body>` +
    titlePage(safeInput, text, worksheets, workshop !== '') +
    registerSection(stakeholders, input.locale, text) +
    figuresSection(safeInput, text, ranked) +
    orderSection(safeInput, text, ranked) +
    stakeholderSection(ranked, { locale, includeContacts, includeConfidential }, text) +
    plansSection(
      otherPlans,
      { ...planOptions, withheld: dialogues.withheld.plans },
      text,
      workshop,
    ) +
    heldDialoguesSection(otherHeld, { ...planOptions, withheld: dialogues.withheld.held }, text) +
    commitmentSection(
      dialogues.commitments,
      {
        locale,
        today: reportDay(input.generatedAt),
        names,
        planTitles: dialogues.planTitles,
        withheld: dialogues.withheld.commitments,
      },
      text,
    ) +
    evaluationSection(
      dialogues.evaluations,
      {
        locale,
        planTitles: dialogues.planTitles,
        withheld: dialogues.withheld.evaluations,
        observerNotes: input.observations && observerNotesHtml(input.observations, locale, text),
      },
      text,
    ) +
    selfAssessmentSection(input.selfAssessments ?? [], locale) +
    methodSection(text) +
    '</body></html>\n'
  )
}
