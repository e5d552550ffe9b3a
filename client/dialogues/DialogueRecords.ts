/**
 * The map's dialogue plans and commitments as tldraw signals, so the Dialogues tab
 * re-renders when anyone changes one. The Y.Doc stays the source of truth
 * (shared/document/dialogueDocument.ts): a change to a root re-reads that kind (a map
 * holds tens of plans, not thousands), and writes go through the shared functions, which
 * validate first and set only the fields that differ.
 *
 * Plans are read from the map document and, for owners and facilitators, the confidential
 * document, where plans marked `confidential` live; editors and viewers have none (null) and
 * so never see such a plan. A plan's write goes to the document its level says (a changed
 * level moves it); without the confidential document, marking a plan confidential is
 * refused with code `confidential`, which the field shows. Commitments and evaluations follow
 * their plan: those of a confidential plan are in the confidential document too, so editors
 * and viewers never see them either.
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
  deleteDialoguePlan,
  deletePlanRecord,
  readDialoguePlan,
  readDialoguePlans,
  readPlanRecord,
  readPlanRecords,
  recordsMap,
  writeDialoguePlan,
  writePlanRecord,
} from '../../shared/document/dialogueDocument'
import type { EngagementStage } from '../../shared/dialogue/EngagementStage'
import { isOverdue } from '../../shared/dialogue/isOverdue'
import {
  addEngagementStage,
  engagementStagesMap,
  readEngagementStages,
  renameEngagementStage,
  setEngagementStageRemoved,
} from '../../shared/document/engagementStageDocument'
import type { RecordValidationResult } from '../../shared/stakeholder/recordValidator'
import { SelfAssessmentRecords } from '../selfAssessment/SelfAssessmentRecords'
import { newEntityId } from '../stakeholders/StakeholderRegistry'
import { localCalendarDate } from './localCalendarDate'

/** A commitment or an evaluation: a record that follows its plan. */
type PlanRecord = { id: string; dialogueId: string | null }

/** Live, validated dialogue records of one map. */
export class DialogueRecords {
  readonly plans: Atom<readonly DialoguePlan[]>
  readonly commitments: Atom<readonly Commitment[]>
  readonly evaluations: Atom<readonly DialogueEvaluation[]>
  /** The map's engagement stages, removed ones included (readEngagementStages). */
  readonly stages: Atom<readonly EngagementStage[]>
  /**
   * How many commitments to each stakeholder are overdue today, for the cards. "Today" is
   * read when the commitments change (a card left open past midnight updates with the next).
   */
  readonly overdueByStakeholder: Signal<ReadonlyMap<string, number>>
  /** The self-assessments taken before the workshop (their own root and class). */
  readonly selfAssessments: SelfAssessmentRecords
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    private readonly origin: unknown = null,
    /** The map's confidential document; null for a role that may not read it. */
    private readonly confidential: Y.Doc | null = null,
    /** Whether this person may change the map's engagement stages (owners, facilitators). */
    readonly mayConfigureStages = false,
  ) {
    this.stages = atom('engagement stages', readEngagementStages(doc))
    const stagesRoot = engagementStagesMap(doc)
    const rereadStages = () => this.stages.set(readEngagementStages(doc))
    stagesRoot.observe(rereadStages)
    this.stops.push(() => stagesRoot.unobserve(rereadStages))
    this.plans = this.follow(
      'dialoguePlans',
      DIALOGUE_PLAN_LAYOUT,
      () => readDialoguePlans(doc, confidential).records,
      confidential === null ? [doc] : [doc, confidential],
    )
    const docs = confidential === null ? [doc] : [doc, confidential]
    this.commitments = this.follow(
      'commitments',
      COMMITMENT_LAYOUT,
      () => readPlanRecords(doc, COMMITMENT_LAYOUT, confidential).records,
      docs,
    )
    this.evaluations = this.follow(
      'dialogueEvaluations',
      DIALOGUE_EVALUATION_LAYOUT,
      () => readPlanRecords(doc, DIALOGUE_EVALUATION_LAYOUT, confidential).records,
      docs,
    )
    this.selfAssessments = new SelfAssessmentRecords(doc, origin)
    this.stops.push(() => this.selfAssessments.dispose())
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

  /** The records of one kind, read again whenever the root changes in any of `docs`. */
  private follow<T extends { id: string }>(
    name: string,
    layout: DialogueRecordLayout<T>,
    read: () => readonly T[],
    docs: readonly Y.Doc[],
  ) {
    const records = atom<readonly T[]>(name, read())
    const reread = () => records.set(read())
    for (const doc of docs) {
      const root = recordsMap(doc, layout)
      root.observeDeep(reread)
      this.stops.push(() => root.unobserveDeep(reread))
    }
    return records
  }

  dispose() {
    for (const stop of this.stops) stop()
  }

  /** Adds a stage of the map's own at the end of the list; answers its code, or null. */
  addStage(label: string): string | null {
    const added = addEngagementStage(this.doc, label, newEntityId('stage'), this.origin)
    return added.ok ? added.code : null
  }

  /** Renames a stage (empty: a default stage's own words). */
  renameStage(code: string, label: string): void {
    renameEngagementStage(this.doc, code, label, this.origin)
  }

  /** Takes a stage off the list, or puts it back. */
  setStageRemoved(code: string, removed: boolean): void {
    setEngagementStageRemoved(this.doc, code, removed, this.origin)
  }

  /** Starts a new plan (a draft) and answers its id (`init.id` when given, else a new one). */
  addPlan(init: Partial<DialoguePlan> = {}): string {
    const plan = createDialoguePlan({ ...init, id: init.id ?? newEntityId('plan') })
    this.writePlan(plan)
    return plan.id
  }

  /**
   * Changes fields of a plan as the documents hold it now (others' edits of other fields
   * stay); a changed level moves it to the other document.
   */
  patchPlan(id: string, patch: Partial<DialoguePlan>): DialogueWriteResult<DialoguePlan> {
    const current = readDialoguePlan(this.doc, id, this.confidential)
    return this.patched(current, id, patch, (next) => this.writePlan(next))
  }

  removePlan(id: string) {
    deleteDialoguePlan(this.doc, id, { confidential: this.confidential, origin: this.origin })
  }

  private writePlan(plan: DialoguePlan): DialogueWriteResult<DialoguePlan> {
    return writeDialoguePlan(this.doc, plan, {
      confidential: this.confidential,
      origin: this.origin,
    })
  }

  /** Starts a new open commitment to `stakeholderId` and answers its id. */
  addCommitment(init: Partial<Commitment> & Pick<Commitment, 'stakeholderId'>): string {
    const commitment = createCommitment({ ...init, id: newEntityId('com') })
    this.writeRecord(COMMITMENT_LAYOUT, commitment)
    return commitment.id
  }

  patchCommitment(id: string, patch: Partial<Commitment>): DialogueWriteResult<Commitment> {
    return this.patch(COMMITMENT_LAYOUT, id, patch)
  }

  removeCommitment(id: string) {
    deletePlanRecord(this.doc, COMMITMENT_LAYOUT, id, this.options())
  }

  /** Starts an evaluation (of the plan `dialogueId`, if given) and answers its id. */
  addEvaluation(init: Partial<Omit<DialogueEvaluation, 'elements'>> = {}): string {
    const evaluation = createDialogueEvaluation({ ...init, id: newEntityId('eval') })
    this.writeRecord(DIALOGUE_EVALUATION_LAYOUT, evaluation)
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
    const current = readPlanRecord(this.doc, DIALOGUE_EVALUATION_LAYOUT, id, this.confidential)
    const elements = current?.ok ? current.value.elements : null
    if (elements === null) return this.patch(DIALOGUE_EVALUATION_LAYOUT, id, {})
    return this.patch(DIALOGUE_EVALUATION_LAYOUT, id, {
      elements: { ...elements, [element]: { ...elements[element], notes } },
    })
  }

  removeEvaluation(id: string) {
    deletePlanRecord(this.doc, DIALOGUE_EVALUATION_LAYOUT, id, this.options())
  }

  private options() {
    return { confidential: this.confidential, origin: this.origin }
  }

  /** Writes a commitment or evaluation where its plan is (writePlanRecord). */
  private writeRecord<T extends PlanRecord>(layout: DialogueRecordLayout<T>, record: T) {
    return writePlanRecord(this.doc, layout, record, this.options())
  }

  private patch<T extends PlanRecord & { updatedAt: string }>(
    layout: DialogueRecordLayout<T>,
    id: string,
    patch: Partial<T>,
  ): DialogueWriteResult<T> {
    const current = readPlanRecord(this.doc, layout, id, this.confidential)
    return this.patched(current, id, patch, (next) => this.writeRecord(layout, next))
  }

  /** `patch` over the record as stored, written with `write`; refused when there is none. */
  private patched<T extends { id: string; updatedAt: string }>(
    current: RecordValidationResult<T> | null,
    id: string,
    patch: Partial<T>,
    write: (next: T) => DialogueWriteResult<T>,
  ): DialogueWriteResult<T> {
    if (current === null || !current.ok) {
      const message = current === null ? 'no such record' : 'stored record is invalid'
      return { ok: false, errors: [{ path: '', code: 'not-an-object', params: {}, message }] }
    }
    return write({ ...current.value, ...patch, id, updatedAt: new Date().toISOString() })
  }
}
