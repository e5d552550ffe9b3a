/**
 * The self-assessments as a sheet of the exports (the XLSX workbook and a CSV file of their
 * own): one row per assessment and element, in the model's order, so the nine elements can be
 * filtered and compared across participants. The rating is written as its word (never only a
 * colour), with the step of the plan of approach the element points to and whether that step
 * is a priority; codes are written in the export's language.
 */
import { DIALOGUE_ELEMENTS } from '../dialogue/dialogueVocabulary'
import { DIALOGUE_ELEMENT_LABELS } from '../labels/dialogueLabels'
import {
  SELF_ASSESSMENT_COLUMN_LABELS,
  SELF_ASSESSMENT_COLUMNS,
  SELF_ASSESSMENT_RATING_LABELS,
  type SelfAssessmentColumn,
} from '../labels/selfAssessmentLabels'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import { isPriorityRating } from '../selfAssessment/prioritySteps'
import { PLAN_STEPS } from '../selfAssessment/selfAssessmentVocabulary'
import { REGISTER_LABELS } from './registerLabels'
import type { RegisterLocale } from './registerLabels'
import type { RegisterCell } from './registerRows'
import { WORKBOOK_LABELS } from './workbookLabels'
import type { WorkbookSheet } from './writeXlsx'

/** "Step 3: title" for each step that works on the element, one per line. */
function stepsOf(assessment: SelfAssessment, element: string, locale: RegisterLocale): string {
  const word = locale === 'nl' ? 'Stap' : 'Step'
  return PLAN_STEPS.filter((step) => assessment.steps[step].element === element)
    .map((step) => {
      const title = assessment.steps[step].title.trim()
      return title === '' ? `${word} ${step}` : `${word} ${step}: ${title}`
    })
    .join('\n')
}

/** The self-assessment sheet: assessments by date, then whose, each one's nine elements. */
export function selfAssessmentSheet(
  assessments: readonly SelfAssessment[],
  options: { locale: RegisterLocale },
): WorkbookSheet {
  const { locale } = options
  const { yes, no } = REGISTER_LABELS[locale]
  const sorted = [...assessments].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const rows = sorted.flatMap((assessment) =>
    DIALOGUE_ELEMENTS.map((element) => {
      const { rating, note } = assessment.elements[element]
      const steps = stepsOf(assessment, element, locale)
      const values: Record<SelfAssessmentColumn, RegisterCell> = {
        id: assessment.id,
        subject: assessment.subject,
        date: assessment.date,
        element: DIALOGUE_ELEMENT_LABELS[locale][element],
        rating: rating === null ? null : SELF_ASSESSMENT_RATING_LABELS[locale][rating],
        note,
        step: steps === '' ? null : steps,
        priority: steps === '' ? null : isPriorityRating(rating) ? yes : no,
        notes: assessment.notes,
      }
      return SELF_ASSESSMENT_COLUMNS.map((column) => values[column])
    }),
  )
  return {
    name: WORKBOOK_LABELS[locale].sheets.selfAssessments,
    header: SELF_ASSESSMENT_COLUMNS.map((column) => SELF_ASSESSMENT_COLUMN_LABELS[locale][column]),
    rows,
  }
}
