/**
 * The workshop's phase 2 in the report (issue 21): the case the tables prepared their
 * dialogue on, as the trainers edited it, and each table's worksheet — the dialogue plan
 * bound to it (phase2Worksheets.ts) — in the worksheet's sections, headed by its table, so
 * the trainer can send the participants the report as "the filled-in worksheet" and each
 * finds their own table's. It opens section 5 on a page of its own; the worksheets' plans
 * are printed here only, not again among the other plans.
 */
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import { WORKSHEET_SECTIONS, WORKSHEET_SECTION_FIELDS } from '../dialogue/worksheetSections'
import { CASE_CARD_FIELD_LABELS } from '../labels/caseCardLabels'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../labels/dialogueFieldLabels'
import { DIALOGUE_PLAN_STATUS_LABELS } from '../labels/dialogueLabels'
import { type LabelLocale, formatLabel } from '../labels/modelLabels'
import { WORKSHEET_SECTION_LABELS } from '../labels/worksheetSectionLabels'
import { CASE_CARD_FIELDS, type CaseCard, isCaseCardEmpty } from '../workshop/caseCard'
import { alertListHtml } from './alertListHtml'
import { type PlanSectionOptions, fieldHtml, planAlerts, planTitle } from './dialoguePlanSections'
import { escapeHtml } from './escapeHtml'
import { multiline } from './reportFormat'
import type { ReportText } from './reportText'

/** A table's worksheet: the table (1-based) and the plan bound to it. */
export interface TableWorksheet {
  table: number
  plan: DialoguePlan
}

/** The words of the workshop part, per language. */
export const WORKSHOP_REPORT_TEXT: Readonly<
  Record<
    LabelLocale,
    {
      heading: string
      intro: string
      caseHeading: string
      noCase: string
      worksheetsHeading: string
      /** "Worksheet of table {table}". */
      worksheet: string
    }
  >
> = {
  en: {
    heading: 'Workshop, phase 2: the case and each table’s worksheet',
    intro:
      'The filled-in worksheets of the workshop: each table prepared a dialogue on the case below. Find your table’s worksheet under its number.',
    caseHeading: 'The case',
    noCase: 'The trainers did not describe the case.',
    worksheetsHeading: 'The worksheets',
    worksheet: 'Worksheet of table {table}',
  },
  nl: {
    heading: 'Workshop, fase 2: de casus en het werkblad van elke tafel',
    intro:
      'De ingevulde werkbladen van de workshop: elke tafel bereidde een dialoog voor over de casus hieronder. Het werkblad van je tafel staat onder het nummer van je tafel.',
    caseHeading: 'De casus',
    noCase: 'De trainers hebben de casus niet beschreven.',
    worksheetsHeading: 'De werkbladen',
    worksheet: 'Werkblad van tafel {table}',
  },
}

/** The anchor of table `table`'s worksheet, for the contents. */
export function worksheetAnchor(table: number): string {
  return `worksheet-table-${table}`
}

/** "Worksheet of table n — its plan's title", unescaped. */
export function worksheetHeading(
  worksheet: TableWorksheet,
  locale: LabelLocale,
  text: ReportText,
): string {
  return `${worksheetName(worksheet, locale)} — ${planTitle(worksheet.plan, text)}`
}

/** "Worksheet of table n". */
function worksheetName(worksheet: TableWorksheet, locale: LabelLocale): string {
  return formatLabel(locale, WORKSHOP_REPORT_TEXT[locale].worksheet, { table: worksheet.table })
}

function caseHtml(card: CaseCard | null, locale: LabelLocale, text: ReportText): string {
  const words = WORKSHOP_REPORT_TEXT[locale]
  if (card === null || isCaseCardEmpty(card)) return `<p>${escapeHtml(words.noCase)}</p>`
  const labels = CASE_CARD_FIELD_LABELS[locale]
  const rows = CASE_CARD_FIELDS.map(
    (field) =>
      `<dt>${escapeHtml(labels[field])}</dt><dd>${card[field].trim() === '' ? escapeHtml(text.none) : multiline(card[field])}</dd>`,
  )
  return `<dl class="details" data-part="case">${rows.join('')}</dl>`
}

function worksheetHtml(
  worksheet: TableWorksheet,
  options: PlanSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  const labels = DIALOGUE_PLAN_COLUMN_LABELS[locale]
  const status = DIALOGUE_PLAN_STATUS_LABELS[locale][worksheet.plan.status]
  const sections = WORKSHEET_SECTIONS.map((section) => {
    const rows = WORKSHEET_SECTION_FIELDS[section].map((field) => {
      const value = fieldHtml(worksheet.plan, field, options, text)
      return `<dt>${escapeHtml(labels[field])}</dt><dd>${value === '' ? escapeHtml(text.none) : value}</dd>`
    })
    return (
      `<h5>${escapeHtml(WORKSHEET_SECTION_LABELS[locale][section])}</h5>` +
      `<dl class="details">${rows.join('')}</dl>`
    )
  })
  return (
    `<div class="plan worksheet" id="${worksheetAnchor(worksheet.table)}">` +
    `<h4>${escapeHtml(worksheetName(worksheet, locale))} <span class="status">${escapeHtml(status)}</span></h4>` +
    `<p class="worksheet__title">${escapeHtml(planTitle(worksheet.plan, text))}</p>` +
    sections.join('') +
    `<h5>${escapeHtml(text.alerts)}</h5>` +
    alertListHtml(planAlerts(worksheet.plan, options), text) +
    '</div>'
  )
}

/**
 * The workshop part of section 5, or '' when the map has neither a case nor a worksheet
 * (a map used without the workshop prints as before).
 */
export function workshopWorksheetsHtml(
  card: CaseCard | null,
  worksheets: readonly TableWorksheet[],
  options: PlanSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  if (worksheets.length === 0 && (card === null || isCaseCardEmpty(card))) return ''
  const words = WORKSHOP_REPORT_TEXT[locale]
  const index =
    worksheets.length === 0
      ? ''
      : `<h4>${escapeHtml(words.worksheetsHeading)}</h4><ul class="plain">` +
        worksheets
          .map(
            (worksheet) =>
              `<li><a href="#${worksheetAnchor(worksheet.table)}">${escapeHtml(worksheetHeading(worksheet, locale, text))}</a></li>`,
          )
          .join('') +
        '</ul>'
  return (
    '<div class="workshop" id="workshop">' +
    `<h3>${escapeHtml(words.heading)}</h3><p>${escapeHtml(words.intro)}</p>` +
    `<h4>${escapeHtml(words.caseHeading)}</h4>` +
    caseHtml(card, locale, text) +
    index +
    worksheets.map((worksheet) => worksheetHtml(worksheet, options, text)).join('') +
    '</div>'
  )
}
