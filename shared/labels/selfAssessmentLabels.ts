/**
 * Words of the self-assessment, in English and Dutch: its ratings, the pre-filled titles of
 * the plan's phases, and the column names of its export sheet. The record holds codes (and
 * the texts a trainer typed).
 *
 * The Dutch phase titles are the SER manual's names of the workshop's four phases, whose
 * structure follows the plan of approach (../seed/ser-workshop-handleiding-stakeholderdialoog.txt,
 * lines 23 and 79–89); the English ones are our translations. See docs/self-assessment.md.
 */
import type { PlanPhase, SelfAssessmentRating } from '../selfAssessment/selfAssessmentVocabulary'
import type { LabelLocale } from './modelLabels'

type Labels<K extends string> = Readonly<Record<LabelLocale, Readonly<Record<K, string>>>>

/** A rating in words: shown beside its colour, never the colour alone. */
export const SELF_ASSESSMENT_RATING_LABELS: Labels<SelfAssessmentRating> = {
  en: { green: 'Green: in place', orange: 'Orange: needs attention', red: 'Red: missing' },
  nl: { green: 'Groen: op orde', orange: 'Oranje: aandacht nodig', red: 'Rood: ontbreekt' },
}

/** The symbol shown with a rating's colour, so the rating reads without colour too. */
export const SELF_ASSESSMENT_RATING_SYMBOLS: Readonly<Record<SelfAssessmentRating, string>> = {
  green: '✓',
  orange: '!',
  red: '✕',
}

/** The phase titles a new self-assessment starts with (verified; see the module). */
export const PLAN_PHASE_DEFAULT_TITLES: Labels<PlanPhase> = {
  en: {
    'run-up': 'Run-up to a stakeholder dialogue',
    preparation: 'Preparation of a stakeholder dialogue',
    execution: 'Execution of a stakeholder dialogue',
    'follow-up': 'Follow-up of a stakeholder dialogue',
  },
  nl: {
    'run-up': 'In aanloop naar stakeholderdialoog',
    preparation: 'Voorbereiding op een stakeholderdialoog',
    execution: 'Uitvoering van een stakeholderdialoog',
    'follow-up': 'Opvolging van een stakeholderdialoog',
  },
}

/** Columns of the self-assessment sheet: one row per assessment and element. */
export const SELF_ASSESSMENT_COLUMNS = [
  'id',
  'subject',
  'date',
  'element',
  'rating',
  'note',
  'step',
  'priority',
  'notes',
] as const
/** See {@link SELF_ASSESSMENT_COLUMNS}. */
export type SelfAssessmentColumn = (typeof SELF_ASSESSMENT_COLUMNS)[number]

/** Column names of the self-assessment sheet, and the panel's field labels. */
export const SELF_ASSESSMENT_COLUMN_LABELS: Labels<SelfAssessmentColumn> = {
  en: {
    id: 'Self-assessment id',
    subject: 'Whose assessment',
    date: 'Date',
    element: 'Element',
    rating: 'Rating',
    note: 'Note on the element',
    step: 'Step of the plan of approach',
    priority: 'Priority step',
    notes: 'Notes on the self-assessment',
  },
  nl: {
    id: 'Zelfevaluatie-id',
    subject: 'Van wie',
    date: 'Datum',
    element: 'Element',
    rating: 'Beoordeling',
    note: 'Toelichting bij het element',
    step: 'Stap van het plan van aanpak',
    priority: 'Prioritaire stap',
    notes: 'Notities bij de zelfevaluatie',
  },
}
