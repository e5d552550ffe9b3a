/**
 * Section 9 of the report: each self-assessment taken before the workshop, by date (its date
 * first in its heading), as a table of the nine elements of the SER dialogue model in the
 * model's order (the rating as a word with its symbol, never a colour alone, and its note),
 * then the plan of approach's priority steps and the notes. Its words, in English and Dutch,
 * are kept here, beside the section, rather than in reportText.ts.
 */
import { DIALOGUE_ELEMENTS } from '../dialogue/dialogueVocabulary'
import { DIALOGUE_ELEMENT_LABELS } from '../labels/dialogueLabels'
import type { LabelLocale } from '../labels/modelLabels'
import {
  SELF_ASSESSMENT_COLUMN_LABELS,
  SELF_ASSESSMENT_RATING_LABELS,
  SELF_ASSESSMENT_RATING_SYMBOLS,
} from '../labels/selfAssessmentLabels'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import { prioritySteps } from '../selfAssessment/prioritySteps'
import { escapeHtml } from './escapeHtml'
import { formatDate, multiline } from './reportFormat'

/** The section's words in one language. */
export interface SelfAssessmentReportText {
  heading: string
  intro: string
  none: string
  untitled: string
  notRated: string
  prioritiesHeading: string
  noPriorities: string
  step: string
  empty: string
}

/** The section's words per language. */
export const SELF_ASSESSMENT_REPORT_TEXT: Readonly<Record<LabelLocale, SelfAssessmentReportText>> =
  {
    en: {
      heading: '9. Self-assessments',
      intro:
        'The SER self-assessment taken before the workshop: each of the nine elements of the SER model of meaningful dialogue rated green (in place), orange (needs attention) or red (missing). An orange or red element makes the step of the plan of approach that works on it a priority.',
      none: 'No self-assessments recorded.',
      untitled: 'Self-assessment',
      notRated: 'not rated',
      prioritiesHeading: 'Priority steps of the plan of approach',
      noPriorities: 'None: no element is rated orange or red.',
      step: 'Step',
      empty: '—',
    },
    nl: {
      heading: '9. Zelfevaluaties',
      intro:
        'De self-assessment van de SER, ingevuld voor de workshop: elk van de negen elementen van het SER-model voor betekenisvolle dialoog beoordeeld als groen (op orde), oranje (aandacht nodig) of rood (ontbreekt). Een oranje of rood element maakt de stap van het plan van aanpak die eraan werkt een prioriteit.',
      none: 'Geen zelfevaluaties vastgelegd.',
      untitled: 'Zelfevaluatie',
      notRated: 'niet beoordeeld',
      prioritiesHeading: 'Prioritaire stappen van het plan van aanpak',
      noPriorities: 'Geen: geen enkel element is oranje of rood.',
      step: 'Stap',
      empty: '—',
    },
  }

function headingOf(
  assessment: SelfAssessment,
  locale: LabelLocale,
  text: SelfAssessmentReportText,
) {
  const name = assessment.subject.trim() || text.untitled
  return assessment.date === null ? name : `${formatDate(assessment.date, locale, false)} — ${name}`
}

function assessmentHtml(
  assessment: SelfAssessment,
  locale: LabelLocale,
  text: SelfAssessmentReportText,
): string {
  const labels = SELF_ASSESSMENT_COLUMN_LABELS[locale]
  const rows = DIALOGUE_ELEMENTS.map((element) => {
    const { rating, note } = assessment.elements[element]
    const word =
      rating === null
        ? `<td class="quiet">${escapeHtml(text.notRated)}</td>`
        : `<td class="rating rating--${rating}">${escapeHtml(
            `${SELF_ASSESSMENT_RATING_SYMBOLS[rating]} ${SELF_ASSESSMENT_RATING_LABELS[locale][rating]}`,
          )}</td>`
    return (
      `<tr><th scope="row">${escapeHtml(DIALOGUE_ELEMENT_LABELS[locale][element])}</th>` +
      `${word}<td>${multiline(note)}</td></tr>`
    )
  })
  const priorities = prioritySteps(assessment).map((step) => {
    const { title, element } = assessment.steps[step]
    const about = element === null ? '' : ` (${DIALOGUE_ELEMENT_LABELS[locale][element]})`
    const name = title.trim() === '' ? '' : `: ${title.trim()}`
    return `<li>${escapeHtml(`${text.step} ${step}${name}${about}`)}</li>`
  })
  return (
    '<div class="evaluation self-assessment">' +
    `<h3>${escapeHtml(headingOf(assessment, locale, text))}</h3>` +
    '<table><thead><tr>' +
    [labels.element, labels.rating, labels.note]
      .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
      .join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `<h4>${escapeHtml(text.prioritiesHeading)}</h4>` +
    (priorities.length === 0
      ? `<p>${escapeHtml(text.noPriorities)}</p>`
      : `<ol class="priority-steps">${priorities.join('')}</ol>`) +
    '<dl class="details">' +
    `<dt>${escapeHtml(labels.notes)}</dt><dd>${
      assessment.notes.trim() === '' ? escapeHtml(text.empty) : multiline(assessment.notes)
    }</dd></dl></div>`
  )
}

/** Section 9: every self-assessment, by date, then whose. */
export function selfAssessmentSection(
  assessments: readonly SelfAssessment[],
  locale: LabelLocale,
): string {
  const text = SELF_ASSESSMENT_REPORT_TEXT[locale]
  const sorted = [...assessments].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  return (
    '<section class="report-section" id="self-assessments">' +
    `<h2>${escapeHtml(text.heading)}</h2><p>${escapeHtml(text.intro)}</p>` +
    (sorted.length === 0
      ? `<p>${escapeHtml(text.none)}</p>`
      : sorted.map((assessment) => assessmentHtml(assessment, locale, text)).join('')) +
    '</section>'
  )
}
