/**
 * Names of the columns of the dialogue records as the exports print them (the workbook's
 * sheets and the CSV files), in English and Dutch, beside `fieldLabels.ts` (the stakeholder
 * record's). The words of the records' codes are in `dialogueLabels.ts`.
 */
import type { LabelLocale } from './modelLabels'

type Labels<K extends string> = Readonly<Record<LabelLocale, Readonly<Record<K, string>>>>

/** Columns of the dialogue-plan sheet. */
export const DIALOGUE_PLAN_COLUMNS = [
  'id',
  'title',
  'status',
  'date',
  'goal',
  'whyNow',
  'invited',
  'dueDiligenceStep',
  'engagementStage',
  'format',
  'place',
  'language',
  'interpretation',
  'barriers',
  'barrierAssessment',
  'safety',
  'confidentiality',
  'informationBeforehand',
  'informationForm',
  'companyAttendees',
  'companyMandate',
  'inputUse',
  'feedback',
  'notes',
] as const
/** See {@link DIALOGUE_PLAN_COLUMNS}. */
export type DialoguePlanColumn = (typeof DIALOGUE_PLAN_COLUMNS)[number]

/** Columns of the commitment sheet; `overdue` is derived (`isOverdue`). */
export const COMMITMENT_COLUMNS = [
  'overdue',
  'id',
  'stakeholderId',
  'stakeholder',
  'what',
  'owner',
  'dueDate',
  'status',
  'droppedReason',
  'evidence',
  'dialogue',
] as const
/** See {@link COMMITMENT_COLUMNS}. */
export type CommitmentColumn = (typeof COMMITMENT_COLUMNS)[number]

/** Columns of the evaluation sheet: one row per evaluation and element. */
export const EVALUATION_COLUMNS = [
  'id',
  'dialogue',
  'date',
  'element',
  'count',
  'median',
  'min',
  'max',
  'disagreement',
  'resultImported',
  'elementNotes',
  'notes',
  'stakeholderRemarks',
] as const
/** See {@link EVALUATION_COLUMNS}. */
export type EvaluationColumn = (typeof EVALUATION_COLUMNS)[number]

/** Column names of the dialogue-plan sheet. */
export const DIALOGUE_PLAN_COLUMN_LABELS: Labels<DialoguePlanColumn> = {
  en: {
    id: 'Plan id',
    title: 'Title',
    status: 'Status',
    date: 'Date',
    goal: 'Goal',
    whyNow: 'Why now',
    invited: 'Invited stakeholders',
    dueDiligenceStep: 'Due-diligence step',
    engagementStage: 'Engagement stage',
    format: 'Format',
    place: 'Place',
    language: 'Language',
    interpretation: 'Interpretation',
    barriers: 'Barriers and how they are lowered',
    barrierAssessment: 'Barrier assessment',
    safety: 'Safety and confidentiality',
    confidentiality: 'Confidentiality',
    informationBeforehand: 'Information shared beforehand',
    informationForm: 'Form of the information',
    companyAttendees: 'Attending for the company',
    companyMandate: 'Their mandate',
    inputUse: 'How input is used',
    feedback: 'How stakeholders hear back',
    notes: 'Notes',
  },
  nl: {
    id: 'Plan-id',
    title: 'Titel',
    status: 'Status',
    date: 'Datum',
    goal: 'Doel',
    whyNow: 'Waarom nu',
    invited: 'Uitgenodigde stakeholders',
    dueDiligenceStep: 'Stap van gepaste zorgvuldigheid',
    engagementStage: 'Fase van betrokkenheid',
    format: 'Vorm',
    place: 'Plaats',
    language: 'Taal',
    interpretation: 'Tolk',
    barriers: 'Drempels en hoe ze worden verlaagd',
    barrierAssessment: 'Inschatting van drempels',
    safety: 'Veiligheid en vertrouwelijkheid',
    confidentiality: 'Vertrouwelijkheid',
    informationBeforehand: 'Informatie vooraf gedeeld',
    informationForm: 'Vorm van de informatie',
    companyAttendees: 'Aanwezig namens het bedrijf',
    companyMandate: 'Hun mandaat',
    inputUse: 'Wat met de inbreng gebeurt',
    feedback: 'Hoe stakeholders terughoren',
    notes: 'Notities',
  },
}

/** Column names of the commitment sheet. */
export const COMMITMENT_COLUMN_LABELS: Labels<CommitmentColumn> = {
  en: {
    overdue: 'Overdue',
    id: 'Commitment id',
    stakeholderId: 'Stakeholder id',
    stakeholder: 'Stakeholder',
    what: 'What was promised',
    owner: 'Owner',
    dueDate: 'Due date',
    status: 'Status',
    droppedReason: 'Reason dropped',
    evidence: 'Evidence',
    dialogue: 'Dialogue',
  },
  nl: {
    overdue: 'Te laat',
    id: 'Toezegging-id',
    stakeholderId: 'Stakeholder-id',
    stakeholder: 'Stakeholder',
    what: 'Wat is toegezegd',
    owner: 'Eigenaar',
    dueDate: 'Uiterste datum',
    status: 'Status',
    droppedReason: 'Reden vervallen',
    evidence: 'Bewijs',
    dialogue: 'Dialoog',
  },
}

/** Column names of the evaluation sheet. */
export const EVALUATION_COLUMN_LABELS: Labels<EvaluationColumn> = {
  en: {
    id: 'Evaluation id',
    dialogue: 'Dialogue',
    date: 'Date',
    element: 'Element',
    count: 'Scores',
    median: 'Median',
    min: 'Lowest',
    max: 'Highest',
    disagreement: 'Disagreement',
    resultImported: 'Result from an imported file, taken over on',
    elementNotes: 'Notes on the element',
    notes: 'Notes on the evaluation',
    stakeholderRemarks: 'What the stakeholders said',
  },
  nl: {
    id: 'Evaluatie-id',
    dialogue: 'Dialoog',
    date: 'Datum',
    element: 'Element',
    count: 'Scores',
    median: 'Mediaan',
    min: 'Laagste',
    max: 'Hoogste',
    disagreement: 'Verdeeld',
    resultImported: 'Resultaat uit een geïmporteerd bestand, overgenomen op',
    elementNotes: 'Notities bij het element',
    notes: 'Notities bij de evaluatie',
    stakeholderRemarks: 'Wat de stakeholders zeiden',
  },
}
