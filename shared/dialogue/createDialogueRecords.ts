/**
 * New dialogue plans, commitments and evaluations with defaults for every field not given:
 * nothing decided (null codes and dates, empty texts), a plan as a draft, a commitment open.
 * The results are not validated; pass them through the validators when input is untrusted.
 */
import type { Commitment } from './Commitment'
import type { DialogueEvaluation, ElementEvaluation } from './DialogueEvaluation'
import type { DialoguePlan } from './DialoguePlan'
import type { DialogueElement } from './dialogueVocabulary'
import {
  COMMITMENT_SCHEMA_VERSION,
  DIALOGUE_ELEMENTS,
  DIALOGUE_EVALUATION_SCHEMA_VERSION,
  DIALOGUE_PLAN_SCHEMA_VERSION,
} from './dialogueVocabulary'

/** Options of the creators. */
export interface CreateRecordOptions {
  /** ISO timestamp used for `createdAt`/`updatedAt`; defaults to the current time. */
  now?: string
}

type Init<T extends { id: string }> = Partial<Omit<T, 'schemaVersion' | 'id'>> & Pick<T, 'id'>

function times(init: { createdAt?: string; updatedAt?: string }, options: CreateRecordOptions) {
  const createdAt = init.createdAt ?? options.now ?? new Date().toISOString()
  return { createdAt, updatedAt: init.updatedAt ?? createdAt }
}

/** A new dialogue plan: a draft with nothing decided. */
export function createDialoguePlan(
  init: Init<DialoguePlan>,
  options: CreateRecordOptions = {},
): DialoguePlan {
  return {
    schemaVersion: DIALOGUE_PLAN_SCHEMA_VERSION,
    id: init.id,
    title: init.title ?? '',
    status: init.status ?? 'draft',
    goal: init.goal ?? '',
    whyNow: init.whyNow ?? '',
    invited: init.invited ?? [],
    dueDiligenceStep: init.dueDiligenceStep ?? null,
    engagementStage: init.engagementStage ?? null,
    format: init.format ?? null,
    place: init.place ?? '',
    date: init.date ?? null,
    language: init.language ?? '',
    interpretation: init.interpretation ?? '',
    barriers: init.barriers ?? [],
    barrierAssessment: init.barrierAssessment ?? '',
    safety: init.safety ?? '',
    confidentiality: init.confidentiality ?? 'internal',
    informationBeforehand: init.informationBeforehand ?? '',
    informationForm: init.informationForm ?? '',
    companyAttendees: init.companyAttendees ?? '',
    companyMandate: init.companyMandate ?? '',
    inputUse: init.inputUse ?? '',
    feedback: init.feedback ?? '',
    notes: init.notes ?? '',
    ...times(init, options),
  }
}

/** A new commitment to `stakeholderId`: open, without a date. */
export function createCommitment(
  init: Init<Commitment> & Pick<Commitment, 'stakeholderId'>,
  options: CreateRecordOptions = {},
): Commitment {
  return {
    schemaVersion: COMMITMENT_SCHEMA_VERSION,
    id: init.id,
    stakeholderId: init.stakeholderId,
    dialogueId: init.dialogueId ?? null,
    what: init.what ?? '',
    owner: init.owner ?? '',
    dueDate: init.dueDate ?? null,
    status: init.status ?? 'open',
    droppedReason: init.droppedReason ?? '',
    evidence: init.evidence ?? '',
    ...times(init, options),
  }
}

/** A new evaluation: no element scored or noted yet. */
export function createDialogueEvaluation(
  init: Omit<Init<DialogueEvaluation>, 'elements'> & {
    elements?: Partial<Record<DialogueElement, ElementEvaluation>>
  },
  options: CreateRecordOptions = {},
): DialogueEvaluation {
  const elements = Object.fromEntries(
    DIALOGUE_ELEMENTS.map((element) => [
      element,
      init.elements?.[element] ?? { result: null, notes: '' },
    ]),
  ) as Record<DialogueElement, ElementEvaluation>
  return {
    schemaVersion: DIALOGUE_EVALUATION_SCHEMA_VERSION,
    id: init.id,
    dialogueId: init.dialogueId ?? null,
    date: init.date ?? null,
    elements,
    notes: init.notes ?? '',
    stakeholderRemarks: init.stakeholderRemarks ?? '',
    ...times(init, options),
  }
}
