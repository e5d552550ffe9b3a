/**
 * The dialogue records as sheets of the exports, one per record type: dialogue plans (by
 * date), commitments (overdue ones first, then by due date, as the register shows them) and
 * evaluations (one row per evaluation and element, so the nine elements can be filtered and
 * compared). Codes are written as words in the export's language; a stakeholder or plan is
 * named, with its id where a lookup needs one. The same sheets feed the XLSX workbook and the
 * per-record CSV files.
 */
import type { EngagementStage } from '../dialogue/EngagementStage'
import type { Commitment } from '../dialogue/Commitment'
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import { DIALOGUE_ELEMENTS } from '../dialogue/dialogueVocabulary'
import { isOverdue } from '../dialogue/isOverdue'
import {
  COMMITMENT_COLUMN_LABELS,
  COMMITMENT_COLUMNS,
  DIALOGUE_PLAN_COLUMN_LABELS,
  DIALOGUE_PLAN_COLUMNS,
  EVALUATION_COLUMN_LABELS,
  EVALUATION_COLUMNS,
} from '../labels/dialogueFieldLabels'
import type {
  CommitmentColumn,
  DialoguePlanColumn,
  EvaluationColumn,
} from '../labels/dialogueFieldLabels'
import {
  BARRIER_KIND_LABELS,
  COMMITMENT_STATUS_LABELS,
  DIALOGUE_ELEMENT_LABELS,
  DIALOGUE_FORMAT_LABELS,
  DIALOGUE_PLAN_STATUS_LABELS,
  engagementStageLabel,
} from '../labels/dialogueLabels'
import { CONFIDENTIALITY_LABELS, DUE_DILIGENCE_STEP_LABELS } from '../labels/modelLabels'
import { sortCommitments, sortDialoguePlans } from '../register/sortDialogueRecords'
import { REGISTER_LABELS } from './registerLabels'
import type { RegisterLocale } from './registerLabels'
import type { RegisterCell } from './registerRows'
import { WORKBOOK_LABELS } from './workbookLabels'
import type { WorkbookSheet } from './writeXlsx'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import { selfAssessmentSheet } from './selfAssessmentSheet'

/** The map's dialogue records, as `readDialogueRecords` gives them. */
export interface DialogueRecords {
  plans: readonly DialoguePlan[]
  commitments: readonly Commitment[]
  evaluations: readonly DialogueEvaluation[]
  /** The map's engagement stages (`readEngagementStages`); absent: the built-in list's words. */
  engagementStages?: readonly EngagementStage[]
  /** The self-assessments (selfAssessmentSheet.ts); absent: none. */
  selfAssessments?: readonly SelfAssessment[]
}

/** The record types, each a sheet of the workbook and a CSV file of its own. */
export const DIALOGUE_RECORD_SHEETS = [
  'dialogue-plans',
  'commitments',
  'evaluations',
  'self-assessments',
] as const
/** See {@link DIALOGUE_RECORD_SHEETS}. */
export type DialogueRecordSheet = (typeof DIALOGUE_RECORD_SHEETS)[number]

/** What the sheets need besides the records. */
export interface DialogueSheetOptions {
  locale: RegisterLocale
  /** The reader's calendar date, `YYYY-MM-DD`: what is overdue (see `isOverdue`). */
  today: string
  /** Stakeholder names by id; an unknown id is written as the id. */
  stakeholderNames: ReadonlyMap<string, string>
}

function rowOf<C extends string>(columns: readonly C[], values: Record<C, RegisterCell>) {
  return columns.map((column) => values[column])
}

/** A plan's name for the other sheets: its title, or its id when it has none or is gone. */
function planNames(plans: readonly DialoguePlan[]): (id: string | null) => string | null {
  const titles = new Map(plans.map((plan) => [plan.id, plan.title.trim()]))
  return (id) => (id === null ? null : titles.get(id) || id)
}

/** The dialogue-plan sheet: plans by date, undated last. */
export function dialoguePlanSheet(
  records: DialogueRecords,
  options: DialogueSheetOptions,
): WorkbookSheet {
  const { locale } = options
  const nameOf = (id: string) => options.stakeholderNames.get(id) ?? id
  const { representedBy } = WORKBOOK_LABELS[locale]
  const rows = sortDialoguePlans(records.plans, 'date', 'ascending', locale).map((plan) => {
    const values: Record<DialoguePlanColumn, RegisterCell> = {
      id: plan.id,
      title: plan.title,
      status: DIALOGUE_PLAN_STATUS_LABELS[locale][plan.status],
      date: plan.date,
      goal: plan.goal,
      whyNow: plan.whyNow,
      // One per line; a representative attends on the rightsholder's behalf.
      invited: plan.invited
        .map(({ stakeholderId, representedBy: by }) =>
          by === null
            ? nameOf(stakeholderId)
            : `${nameOf(stakeholderId)} (${representedBy} ${nameOf(by)})`,
        )
        .join('\n'),
      dueDiligenceStep:
        plan.dueDiligenceStep === null
          ? null
          : DUE_DILIGENCE_STEP_LABELS[locale][plan.dueDiligenceStep],
      engagementStage: engagementStageLabel(locale, plan.engagementStage, records.engagementStages),
      format: plan.format === null ? null : DIALOGUE_FORMAT_LABELS[locale][plan.format],
      place: plan.place,
      language: plan.language,
      interpretation: plan.interpretation,
      barriers: plan.barriers
        .map((barrier) =>
          [BARRIER_KIND_LABELS[locale][barrier.kind], barrier.description, barrier.howLowered]
            .filter((part) => part.trim() !== '')
            .join(' — '),
        )
        .join('\n'),
      barrierAssessment: plan.barrierAssessment,
      safety: plan.safety,
      confidentiality: CONFIDENTIALITY_LABELS[locale][plan.confidentiality],
      informationBeforehand: plan.informationBeforehand,
      informationForm: plan.informationForm,
      companyAttendees: plan.companyAttendees,
      companyMandate: plan.companyMandate,
      inputUse: plan.inputUse,
      feedback: plan.feedback,
      notes: plan.notes,
    }
    return rowOf(DIALOGUE_PLAN_COLUMNS, values)
  })
  return {
    name: WORKBOOK_LABELS[locale].sheets.dialoguePlans,
    header: DIALOGUE_PLAN_COLUMNS.map((column) => DIALOGUE_PLAN_COLUMN_LABELS[locale][column]),
    rows,
  }
}

/** The commitment sheet: overdue ones first, then by due date (`sortCommitments`). */
export function commitmentSheet(
  records: DialogueRecords,
  options: DialogueSheetOptions,
): WorkbookSheet {
  const { locale, today, stakeholderNames } = options
  const { yes, no } = REGISTER_LABELS[locale]
  const planName = planNames(records.plans)
  const sorted = sortCommitments(records.commitments, 'due', 'ascending', {
    today,
    locale,
    stakeholderNames,
  })
  const rows = sorted.map((commitment) => {
    const values: Record<CommitmentColumn, RegisterCell> = {
      overdue: isOverdue(commitment, today) ? yes : no,
      id: commitment.id,
      stakeholderId: commitment.stakeholderId,
      stakeholder: stakeholderNames.get(commitment.stakeholderId) ?? commitment.stakeholderId,
      what: commitment.what,
      owner: commitment.owner,
      dueDate: commitment.dueDate,
      status: COMMITMENT_STATUS_LABELS[locale][commitment.status],
      droppedReason: commitment.droppedReason,
      evidence: commitment.evidence,
      dialogue: planName(commitment.dialogueId),
    }
    return rowOf(COMMITMENT_COLUMNS, values)
  })
  return {
    name: WORKBOOK_LABELS[locale].sheets.commitments,
    header: COMMITMENT_COLUMNS.map((column) => COMMITMENT_COLUMN_LABELS[locale][column]),
    rows,
  }
}

/** The evaluation sheet: evaluations by date, each one's nine elements in the model's order. */
export function evaluationSheet(
  records: DialogueRecords,
  options: Pick<DialogueSheetOptions, 'locale'>,
): WorkbookSheet {
  const { locale } = options
  const { yes, no } = REGISTER_LABELS[locale]
  const planName = planNames(records.plans)
  const evaluations = [...records.evaluations].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const rows = evaluations.flatMap((evaluation) =>
    DIALOGUE_ELEMENTS.map((element) => {
      const { result, notes } = evaluation.elements[element]
      const values: Record<EvaluationColumn, RegisterCell> = {
        id: evaluation.id,
        dialogue: planName(evaluation.dialogueId),
        date: evaluation.date,
        element: DIALOGUE_ELEMENT_LABELS[locale][element],
        count: result?.count ?? null,
        median: result?.median ?? null,
        min: result?.min ?? null,
        max: result?.max ?? null,
        disagreement: result === null ? null : result.disagreement ? yes : no,
        // Not counted on this map: the server took it from a map file (importedResults.ts).
        resultImported: result?.importedAt?.slice(0, 10) ?? null,
        elementNotes: notes,
        notes: evaluation.notes,
        stakeholderRemarks: evaluation.stakeholderRemarks,
      }
      return rowOf(EVALUATION_COLUMNS, values)
    }),
  )
  return {
    name: WORKBOOK_LABELS[locale].sheets.evaluations,
    header: EVALUATION_COLUMNS.map((column) => EVALUATION_COLUMN_LABELS[locale][column]),
    rows,
  }
}

/** One record type's sheet, for a CSV file of its own. */
export function dialogueRecordSheet(
  sheet: DialogueRecordSheet,
  records: DialogueRecords,
  options: DialogueSheetOptions,
): WorkbookSheet {
  switch (sheet) {
    case 'dialogue-plans':
      return dialoguePlanSheet(records, options)
    case 'commitments':
      return commitmentSheet(records, options)
    case 'evaluations':
      return evaluationSheet(records, options)
    case 'self-assessments':
      return selfAssessmentSheet(records.selfAssessments ?? [], options)
  }
}
