/**
 * The map's dialogue plans and commitments as tldraw signals, so the Dialogues tab
 * re-renders when anyone changes one. The Y.Doc stays the source of truth
 * (shared/document/dialogueDocument.ts): a change to a root re-reads that kind (a map
 * holds tens of plans, not thousands), and writes go through the shared functions, which
 * validate first and set only the fields that differ.
 */
import { type Atom, type Signal, atom, computed } from 'tldraw'
import type * as Y from 'yjs'
import type { Commitment } from '../../shared/dialogue/Commitment'
import type { DialogueEvaluation } from '../../shared/dialogue/DialogueEvaluation'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import {
  createCommitment,
  createDialogueEvaluation,
  createDialoguePlan,
} from '../../shared/dialogue/createDialogueRecords'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  type DialogueRecordLayout,
  type DialogueWriteResult,
  deleteDialogueRecord,
  readDialogueRecord,
  readDialogueRecords,
  recordsMap,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import { isOverdue } from '../../shared/dialogue/isOverdue'
import { newEntityId } from '../stakeholders/StakeholderRegistry'
import { localCalendarDate } from './localCalendarDate'

/** Live, validated dialogue records of one map. */
export class DialogueRecords {
  readonly plans: Atom<readonly DialoguePlan[]>
  readonly commitments: Atom<readonly Commitment[]>
  readonly evaluations: Atom<readonly DialogueEvaluation[]>
  /**
   * How many commitments to each stakeholder are overdue today, for the cards. "Today" is
   * read when the commitments change (a card left open past midnight updates with the next).
   */
  readonly overdueByStakeholder: Signal<ReadonlyMap<string, number>>
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    private readonly origin: unknown = null,
  ) {
    this.plans = this.follow('dialoguePlans', DIALOGUE_PLAN_LAYOUT)
    this.commitments = this.follow('commitments', COMMITMENT_LAYOUT)
    this.evaluations = this.follow('dialogueEvaluations', DIALOGUE_EVALUATION_LAYOUT)
    this.overdueByStakeholder = computed('overdue commitments', () => {
      const today = localCalendarDate(new Date())
      const counts = new Map<string, number>()
      for (const commitment of this.commitments.get()) {
        if (!isOverdue(commitment, today)) continue
        counts.set(commitment.stakeholderId, (counts.get(commitment.stakeholderId) ?? 0) + 1)
      }
      return counts
    })
  }

  private follow<T extends { id: string }>(name: string, layout: DialogueRecordLayout<T>) {
    const records = atom<readonly T[]>(name, readDialogueRecords(this.doc, layout).records)
    const root = recordsMap(this.doc, layout)
    const reread = () => records.set(readDialogueRecords(this.doc, layout).records)
    root.observeDeep(reread)
    this.stops.push(() => root.unobserveDeep(reread))
    return records
  }

  dispose() {
    for (const stop of this.stops) stop()
  }

  /** Starts a new plan (a draft) and answers its id. */
  addPlan(init: Partial<DialoguePlan> = {}): string {
    const plan = createDialoguePlan({ ...init, id: newEntityId('plan') })
    writeDialogueRecord(this.doc, DIALOGUE_PLAN_LAYOUT, plan, this.origin)
    return plan.id
  }

  /** Changes fields of a plan as the document holds it now (others' edits of other fields stay). */
  patchPlan(id: string, patch: Partial<DialoguePlan>): DialogueWriteResult<DialoguePlan> {
    return this.patch(DIALOGUE_PLAN_LAYOUT, id, patch)
  }

  removePlan(id: string) {
    deleteDialogueRecord(this.doc, DIALOGUE_PLAN_LAYOUT, id, this.origin)
  }

  /** Starts a new open commitment to `stakeholderId` and answers its id. */
  addCommitment(init: Partial<Commitment> & Pick<Commitment, 'stakeholderId'>): string {
    const commitment = createCommitment({ ...init, id: newEntityId('com') })
    writeDialogueRecord(this.doc, COMMITMENT_LAYOUT, commitment, this.origin)
    return commitment.id
  }

  patchCommitment(id: string, patch: Partial<Commitment>): DialogueWriteResult<Commitment> {
    return this.patch(COMMITMENT_LAYOUT, id, patch)
  }

  removeCommitment(id: string) {
    deleteDialogueRecord(this.doc, COMMITMENT_LAYOUT, id, this.origin)
  }

  /** Starts an evaluation (of the plan `dialogueId`, if given) and answers its id. */
  addEvaluation(init: Partial<Omit<DialogueEvaluation, 'elements'>> = {}): string {
    const evaluation = createDialogueEvaluation({ ...init, id: newEntityId('eval') })
    writeDialogueRecord(this.doc, DIALOGUE_EVALUATION_LAYOUT, evaluation, this.origin)
    return evaluation.id
  }

  patchEvaluation(
    id: string,
    patch: Partial<DialogueEvaluation>,
  ): DialogueWriteResult<DialogueEvaluation> {
    return this.patch(DIALOGUE_EVALUATION_LAYOUT, id, patch)
  }

  /** The notes of one element; its result (the server's) is written back as stored. */
  noteElement(
    id: string,
    element: keyof DialogueEvaluation['elements'],
    notes: string,
  ): DialogueWriteResult<DialogueEvaluation> {
    const current = readDialogueRecord(this.doc, DIALOGUE_EVALUATION_LAYOUT, id)
    const elements = current?.ok ? current.value.elements : null
    if (elements === null) return this.patch(DIALOGUE_EVALUATION_LAYOUT, id, {})
    return this.patch(DIALOGUE_EVALUATION_LAYOUT, id, {
      elements: { ...elements, [element]: { ...elements[element], notes } },
    })
  }

  removeEvaluation(id: string) {
    deleteDialogueRecord(this.doc, DIALOGUE_EVALUATION_LAYOUT, id, this.origin)
  }

  private patch<T extends { id: string; updatedAt: string }>(
    layout: DialogueRecordLayout<T>,
    id: string,
    patch: Partial<T>,
  ): DialogueWriteResult<T> {
    const current = readDialogueRecord(this.doc, layout, id)
    if (current === null || !current.ok) {
      const message = current === null ? 'no such record' : 'stored record is invalid'
      return { ok: false, errors: [{ path: '', code: 'not-an-object', params: {}, message }] }
    }
    const next = { ...current.value, ...patch, id, updatedAt: new Date().toISOString() }
    return writeDialogueRecord(this.doc, layout, next, this.origin)
  }
}
