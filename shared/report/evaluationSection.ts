/**
 * Section 8 of the report: each dialogue evaluation, by date (its date first in its heading),
 * as a table of the nine elements of the SER dialogue model in the model's order (median,
 * lowest–highest, number of scores, a disagreement mark in words, the group's notes), then
 * the general notes and what the stakeholders themselves said. An element not revealed yet
 * says so; results taken from an imported file say that, with the day they were taken.
 */
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import { importedResultDate } from '../dialogue/importedResultDate'
import { DIALOGUE_ELEMENTS } from '../dialogue/dialogueVocabulary'
import { REGISTER_LABELS } from '../exchange/registerLabels'
import { EVALUATION_COLUMN_LABELS } from '../labels/dialogueFieldLabels'
import { DIALOGUE_ELEMENT_LABELS } from '../labels/dialogueLabels'
import { formatLabel } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { escapeHtml } from './escapeHtml'
import { formatDate, formatNumber, multiline } from './reportFormat'
import type { ReportText } from './reportText'

/** What the evaluation section needs besides the evaluations. */
export interface EvaluationSectionOptions {
  locale: LabelLocale
  /** Titles of the plans printed, by id. */
  planTitles: ReadonlyMap<string, string>
  /** How many evaluations were withheld with their confidential dialogue. */
  withheld: number
  /** The role play's observer sheets, as HTML (observerNotesHtml.ts); '' or absent: none. */
  observerNotes?: string
}

/** Its date first, as a held dialogue's, then the dialogue it evaluates. */
function headingOf(
  evaluation: DialogueEvaluation,
  options: EvaluationSectionOptions,
  text: ReportText,
): string {
  const { dialogueId, date } = evaluation
  const title = dialogueId === null ? undefined : options.planTitles.get(dialogueId)
  const name =
    dialogueId === null
      ? text.evaluationWithoutPlan
      : title === undefined
        ? dialogueId
        : title || text.untitledPlan
  return date === null ? name : `${formatDate(date, options.locale, false)} — ${name}`
}

function elementRows(evaluation: DialogueEvaluation, locale: LabelLocale, text: ReportText) {
  const { yes, no } = REGISTER_LABELS[locale]
  const number = (value: number | null) =>
    value === null ? escapeHtml(text.none) : escapeHtml(formatNumber(value, locale))
  return DIALOGUE_ELEMENTS.map((element) => {
    const { result, notes } = evaluation.elements[element]
    const name = `<th scope="row">${escapeHtml(DIALOGUE_ELEMENT_LABELS[locale][element])}</th>`
    const notesCell = `<td>${multiline(notes)}</td>`
    if (result === null || result.count === 0) {
      return `<tr>${name}<td colspan="4" class="quiet">${escapeHtml(text.notScored)}</td>${notesCell}</tr>`
    }
    const range =
      result.min === null || result.max === null
        ? escapeHtml(text.none)
        : `${number(result.min)}–${number(result.max)}`
    const disagreement = result.disagreement
      ? `<strong class="disagreement-mark">${escapeHtml(yes)}</strong>`
      : escapeHtml(no)
    return (
      `<tr${result.disagreement ? ' class="disagreement"' : ''}>${name}` +
      `<td class="number">${number(result.median)}</td>` +
      `<td class="number">${range}</td>` +
      `<td class="number">${escapeHtml(String(result.count))}</td>` +
      `<td>${disagreement}</td>${notesCell}</tr>`
    )
  })
}

function evaluationHtml(
  evaluation: DialogueEvaluation,
  options: EvaluationSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  const labels = EVALUATION_COLUMN_LABELS[locale]
  const header = [
    labels.element,
    labels.median,
    text.range,
    labels.count,
    labels.disagreement,
    labels.elementNotes,
  ]
  const imported = importedResultDate(evaluation)
  const provenance =
    imported === null
      ? ''
      : `<p class="imported-results">${escapeHtml(
          text.importedResults.replace('{date}', formatDate(imported, locale, false)),
        )}</p>`
  const details: [string, string][] = [
    [labels.notes, multiline(evaluation.notes)],
    [labels.stakeholderRemarks, multiline(evaluation.stakeholderRemarks)],
  ]
  return (
    '<div class="evaluation">' +
    `<h3>${escapeHtml(headingOf(evaluation, options, text))}</h3>` +
    '<table><thead><tr>' +
    header.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('') +
    `</tr></thead><tbody>${elementRows(evaluation, locale, text).join('')}</tbody></table>` +
    provenance +
    '<dl class="details">' +
    details
      .map(
        ([label, value]) =>
          `<dt>${escapeHtml(label)}</dt><dd>${value === '' ? escapeHtml(text.none) : value}</dd>`,
      )
      .join('') +
    '</dl></div>'
  )
}

/** Section 8: every evaluation printed, by date. */
export function evaluationSection(
  evaluations: readonly DialogueEvaluation[],
  options: EvaluationSectionOptions,
  text: ReportText,
): string {
  const { locale, withheld } = options
  return (
    '<section class="report-section" id="evaluations">' +
    `<h2>${escapeHtml(text.evaluationsHeading)}</h2><p>${escapeHtml(text.evaluationsIntro)}</p>` +
    (withheld === 0
      ? ''
      : `<p class="withheld">${escapeHtml(formatLabel(locale, text.evaluationsWithheld, { count: withheld }))}</p>`) +
    (evaluations.length === 0 && withheld === 0
      ? `<p>${escapeHtml(text.noEvaluations)}</p>`
      : evaluations.map((evaluation) => evaluationHtml(evaluation, options, text)).join('')) +
    (options.observerNotes ?? '') +
    '</section>'
  )
}
