/**
 * Sections 5 and 6 of the report: the dialogue plans (drafts, planned and cancelled ones)
 * and the held dialogues, each plan as a block of its fields in words, as evidence of how a
 * dialogue was prepared (OECD meaningful engagement; CSDDD art. 13). Invited stakeholders
 * and their representatives are named from the map; codes are written with the dialogue
 * label modules; an empty field shows a dash, so a reader sees what the plan leaves open.
 *
 * A held dialogue is the same record, shorter and with its date first: what was prepared
 * but no longer matters to a reader of the record (why now, language, the form of the
 * information, the mandate) is left out. The plan alerts (`dialogueAlerts`) are worded as
 * the engagement order words a stakeholder's: under the plan they concern, and those about
 * stakeholders invited to no plan at the top of section 5.
 */
import type { EngagementStage } from '../dialogue/EngagementStage'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import {
  DIALOGUE_PLAN_COLUMNS,
  DIALOGUE_PLAN_COLUMN_LABELS,
  type DialoguePlanColumn,
} from '../labels/dialogueFieldLabels'
import {
  BARRIER_KIND_LABELS,
  DIALOGUE_ALERT_LABELS,
  DIALOGUE_FORMAT_LABELS,
  DIALOGUE_PLAN_STATUS_LABELS,
  engagementStageLabel,
} from '../labels/dialogueLabels'
import {
  CONFIDENTIALITY_LABELS,
  DUE_DILIGENCE_STEP_LABELS,
  formatLabel,
} from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import type { DialogueAlert } from '../scoring/dialogueAlerts'
import { alertListHtml } from './alertListHtml'
import { escapeHtml } from './escapeHtml'
import { formatDate, multiline } from './reportFormat'
import type { ReportText } from './reportText'

/** What the plan sections need besides the plans. */
export interface PlanSectionOptions {
  locale: LabelLocale
  /** Stakeholder names by id; an unknown id is written as the id. */
  names: ReadonlyMap<string, string>
  /** The alerts of every plan of the map (`dialogueAlerts`), confidential ones included. */
  alerts: readonly DialogueAlert[]
  /** How many plans of the section were withheld as confidential. */
  withheld: number
  /** The map's engagement stages, for their words; absent: the built-in list's. */
  engagementStages?: readonly EngagementStage[]
}

/** The fields of a plan in section 5: the columns of the exports, less what heads the plan. */
const PLAN_FIELDS: readonly DialoguePlanColumn[] = DIALOGUE_PLAN_COLUMNS.filter(
  (column) => column !== 'id' && column !== 'title' && column !== 'status',
)

/** The fields of a held dialogue in section 6; the date is in its heading. */
const HELD_FIELDS: readonly DialoguePlanColumn[] = [
  'invited',
  'dueDiligenceStep',
  'engagementStage',
  'format',
  'place',
  'goal',
  'barriers',
  'safety',
  'confidentiality',
  'informationBeforehand',
  'companyAttendees',
  'inputUse',
  'feedback',
  'notes',
]

function nameOf(names: ReadonlyMap<string, string>, id: string): string {
  return names.get(id) ?? id
}

function invitedHtml(plan: DialoguePlan, options: PlanSectionOptions, text: ReportText): string {
  if (plan.invited.length === 0) return ''
  return (
    '<ul class="plain">' +
    plan.invited
      .map(({ stakeholderId, representedBy }) => {
        const name = escapeHtml(nameOf(options.names, stakeholderId))
        return representedBy === null
          ? `<li>${name}</li>`
          : `<li>${name} (${escapeHtml(text.representedBy)} ${escapeHtml(nameOf(options.names, representedBy))})</li>`
      })
      .join('') +
    '</ul>'
  )
}

function barriersHtml(plan: DialoguePlan, locale: LabelLocale, text: ReportText): string {
  if (plan.barriers.length === 0) return ''
  return (
    '<ul class="plain">' +
    plan.barriers
      .map(
        (barrier) =>
          `<li><strong>${escapeHtml(BARRIER_KIND_LABELS[locale][barrier.kind])}</strong>` +
          (barrier.description.trim() === '' ? '' : `: ${multiline(barrier.description)}`) +
          (barrier.howLowered.trim() === ''
            ? ''
            : `<br>${escapeHtml(text.barrierLowered)}: ${multiline(barrier.howLowered)}`) +
          '</li>',
      )
      .join('') +
    '</ul>'
  )
}

/** One field of a plan as HTML; empty when the plan leaves it open. */
export function fieldHtml(
  plan: DialoguePlan,
  field: DialoguePlanColumn,
  options: PlanSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  switch (field) {
    case 'date':
      return plan.date === null ? '' : escapeHtml(formatDate(plan.date, locale, false))
    case 'invited':
      return invitedHtml(plan, options, text)
    case 'dueDiligenceStep':
      return plan.dueDiligenceStep === null
        ? escapeHtml(text.notDecided)
        : escapeHtml(DUE_DILIGENCE_STEP_LABELS[locale][plan.dueDiligenceStep])
    case 'engagementStage':
      return escapeHtml(
        engagementStageLabel(locale, plan.engagementStage, options.engagementStages) ??
          text.notDecided,
      )
    case 'format':
      return plan.format === null
        ? escapeHtml(text.notDecided)
        : escapeHtml(DIALOGUE_FORMAT_LABELS[locale][plan.format])
    case 'barriers':
      return barriersHtml(plan, locale, text)
    case 'confidentiality':
      return escapeHtml(CONFIDENTIALITY_LABELS[locale][plan.confidentiality])
    case 'id':
    case 'title':
    case 'status':
      return escapeHtml(plan[field])
    default:
      return multiline(plan[field])
  }
}

export function planAlerts(plan: DialoguePlan, options: PlanSectionOptions) {
  const { locale } = options
  return options.alerts
    .filter((alert) => alert.params.planId === plan.id)
    .map((alert) => ({
      level: alert.level,
      message: formatLabel(locale, DIALOGUE_ALERT_LABELS[locale][alert.code], alert.params),
    }))
}

export function planTitle(plan: DialoguePlan, text: ReportText): string {
  return plan.title.trim() === '' ? text.untitledPlan : plan.title
}

function planHtml(
  plan: DialoguePlan,
  heading: string,
  fields: readonly DialoguePlanColumn[],
  options: PlanSectionOptions,
  text: ReportText,
): string {
  const labels = DIALOGUE_PLAN_COLUMN_LABELS[options.locale]
  const rows = fields
    .map((field) => [field, fieldHtml(plan, field, options, text)] as const)
    // Notes are extra; every other field shows a dash when left open.
    .filter(([field, value]) => field !== 'notes' || value !== '')
    .map(
      ([field, value]) =>
        `<dt>${escapeHtml(labels[field])}</dt><dd>${value === '' ? escapeHtml(text.none) : value}</dd>`,
    )
  return (
    '<div class="plan">' +
    `<h3>${heading}</h3>` +
    `<dl class="details">${rows.join('')}</dl>` +
    `<h4>${escapeHtml(text.alerts)}</h4>` +
    alertListHtml(planAlerts(plan, options), text) +
    '</div>'
  )
}

function withheldHtml(template: string, count: number, locale: LabelLocale): string {
  if (count === 0) return ''
  return `<p class="withheld">${escapeHtml(formatLabel(locale, template, { count }))}</p>`
}

/** Alerts about stakeholders invited to no plan: about the plans as a whole. */
function mapAlertsHtml(options: PlanSectionOptions, text: ReportText): string {
  const { locale } = options
  const alerts = options.alerts
    .filter((alert) => typeof alert.params.stakeholderId === 'string')
    .map((alert) => ({
      level: alert.level,
      message: `${formatLabel(locale, DIALOGUE_ALERT_LABELS[locale][alert.code], alert.params)}: ${nameOf(options.names, String(alert.params.stakeholderId))}`,
    }))
  if (alerts.length === 0) return ''
  return `<h3>${escapeHtml(text.mapPlanAlerts)}</h3>` + alertListHtml(alerts, text)
}

/**
 * Section 5: the plans not held yet, by date, with their alerts; `workshop` (the workshop's
 * case and worksheets, workshopWorksheetsHtml) comes first when there is one.
 */
export function plansSection(
  plans: readonly DialoguePlan[],
  options: PlanSectionOptions,
  text: ReportText,
  workshop = '',
): string {
  const { locale } = options
  const statuses = DIALOGUE_PLAN_STATUS_LABELS[locale]
  return (
    '<section class="report-section" id="plans">' +
    `<h2>${escapeHtml(text.plansHeading)}</h2><p>${escapeHtml(text.plansIntro)}</p>` +
    mapAlertsHtml(options, text) +
    withheldHtml(text.plansWithheld, options.withheld, locale) +
    workshop +
    (plans.length === 0 && options.withheld === 0
      ? workshop === ''
        ? `<p>${escapeHtml(text.noPlans)}</p>`
        : ''
      : plans
          .map((plan) =>
            planHtml(
              plan,
              `${escapeHtml(planTitle(plan, text))} <span class="status">${escapeHtml(statuses[plan.status])}</span>`,
              PLAN_FIELDS,
              options,
              text,
            ),
          )
          .join('')) +
    '</section>'
  )
}

/** Section 6: the held dialogues, by date, each headed by its date. */
export function heldDialoguesSection(
  held: readonly DialoguePlan[],
  options: PlanSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  return (
    '<section class="report-section" id="held">' +
    `<h2>${escapeHtml(text.heldHeading)}</h2><p>${escapeHtml(text.heldIntro)}</p>` +
    withheldHtml(text.heldWithheld, options.withheld, locale) +
    (held.length === 0 && options.withheld === 0
      ? `<p>${escapeHtml(text.noHeld)}</p>`
      : held
          .map((plan) => {
            const title = escapeHtml(planTitle(plan, text))
            const heading =
              plan.date === null
                ? title
                : `${escapeHtml(formatDate(plan.date, locale, false))} — ${title}`
            return planHtml(plan, heading, HELD_FIELDS, options, text)
          })
          .join('')) +
    '</section>'
  )
}
