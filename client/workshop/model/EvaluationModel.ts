/**
 * Evaluating a dialogue on the nine SER elements (phase 4 of the SER workshop,
 * shared/workshop/evaluationRound.ts): the facilitator opens a round for a dialogue plan's
 * evaluation (one is made when the plan has none), each participant hands their scores to
 * the server as a ballot (never into the shared document) and may change them until the
 * reveal, the server counts, and at the reveal writes every element's median and spread into
 * the round and the evaluation record. Like private scoring (ScoringModel.ts), nobody, the
 * facilitator included, sees anyone else's scores, only how many have scored.
 */
import { type Atom, type Signal, computed } from 'tldraw'
import type { DialogueEvaluation } from '../../../shared/dialogue/DialogueEvaluation'
import {
  DIALOGUE_ELEMENTS,
  type DialogueElement,
} from '../../../shared/dialogue/dialogueVocabulary'
import { type ElementBallot, checkElementBallot } from '../../../shared/workshop/ballots'
import {
  type ElementResults,
  type EvaluationRound,
  openEvaluationRound,
} from '../../../shared/workshop/evaluationRound'
import type { DialogueRecords } from '../../dialogues/DialogueRecords'
import type { WriteOutcome } from '../../drafts/WriteThroughText'
import type { BallotClient } from './BallotClient'
import { FollowedRound } from './FollowedRound'
import type { WorkshopDocument } from './WorkshopDocument'

/** Scores of some elements: 1 to 5, null for "not scored". */
export type ElementScores = Partial<Record<DialogueElement, number | null>>

/** The evaluation round, this person's scores and the revealed result. */
export class EvaluationModel {
  private readonly followed: FollowedRound<EvaluationRound, ElementBallot>

  /** The open or revealed round, if any. */
  readonly round: Signal<EvaluationRound | null>
  /** How many participants have handed in scores in this round (the server's count). */
  readonly submittedCount: Signal<number>
  /** What this person handed in in this round, or null before they did. */
  readonly mine = computed<ElementBallot | null>('my element scores', () =>
    this.followed.own.value.get(),
  )
  /** Why this person's scores were not taken (the server's refusal); null when they were. */
  readonly error: Signal<unknown>
  /** Why the facilitator's last open, reveal or end did not go through; null when it did. */
  readonly actionError: Atom<unknown>

  /** The evaluation record the round is about (null: none, or gone). */
  readonly evaluation = computed<DialogueEvaluation | null>('evaluated record', () => {
    const round = this.round.get()
    if (!round) return null
    return this.dialogues.evaluations.get().find((e) => e.id === round.evaluationId) ?? null
  })

  /**
   * Every element's result once revealed (and someone scored); null before. The round holds
   * it, except for a confidential plan's evaluation, whose result the server writes only
   * into the record (in the confidential document): read from there, for those who have it.
   */
  readonly result = computed<ElementResults | null>('evaluation result', () => {
    const round = this.round.get()
    if (round?.status !== 'revealed' || (round.submitted ?? 0) === 0) return null
    if (round.result) return round.result
    const elements = this.evaluation.get()?.elements
    if (!elements) return null
    const results = Object.fromEntries(
      DIALOGUE_ELEMENTS.map((element) => [element, elements[element].result]),
    )
    return Object.values(results).every((r) => r !== null) ? (results as ElementResults) : null
  })

  constructor(
    private readonly document: WorkshopDocument,
    private readonly dialogues: DialogueRecords,
    ballots: BallotClient | null,
  ) {
    this.followed = new FollowedRound(document, ballots, 'evaluation', (state) => state.evaluation)
    this.round = this.followed.round
    this.submittedCount = this.followed.submittedCount
    this.error = this.followed.error
    this.actionError = this.followed.actionError
  }

  /** The map's dialogue plans, to choose the one to evaluate. */
  get plans() {
    return this.dialogues.plans
  }

  /**
   * Opens a round for everyone on the latest evaluation of plan `planId` (null: a role play
   * without a plan, which always gets a new evaluation), making one when there is none.
   */
  open(planId: string | null) {
    const existing =
      planId === null
        ? undefined
        : this.dialogues.evaluations
            .get()
            .filter((evaluation) => evaluation.dialogueId === planId)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    const evaluationId = existing?.id ?? this.dialogues.addEvaluation({ dialogueId: planId })
    this.document.setFacilitation(
      'evaluation',
      openEvaluationRound(evaluationId, this.document.now()),
    )
  }

  /**
   * Hands in this person's scores: `changes` over what they handed in before. Resolves true
   * once the server took them.
   */
  submit(changes: ElementScores): Promise<boolean> {
    const round = this.round.get()
    if (round?.status !== 'open') return Promise.resolve(false)
    const checked = checkElementBallot({ ...this.mine.get(), ...changes })
    if (!checked.ok) return Promise.resolve(false)
    return this.followed.own.hand(checked.ballot)
  }

  /** Resolves once this person's last scores were answered by the server. */
  settled(): Promise<void> {
    return this.followed.settled()
  }

  /** Has the server reveal every element's result to everyone. */
  reveal(): Promise<void> {
    const round = this.round.get()
    if (round?.status !== 'open') return Promise.resolve()
    return this.followed.act((ballots) => ballots.reveal(round.id))
  }

  /** Ends the round (the server deletes its ballots); a revealed result stays in the record. */
  end(): Promise<void> {
    const round = this.round.get()
    if (!round) return Promise.resolve()
    return this.followed.act((ballots) => ballots.discard(round.id))
  }

  /** Writes the group's notes on one element of the evaluated record. */
  setNotes(element: DialogueElement, notes: string): WriteOutcome {
    const evaluation = this.evaluation.get()
    if (!evaluation) return { ok: true }
    const written = this.dialogues.noteElement(evaluation.id, element, notes)
    return written.ok ? { ok: true } : { ok: false, errors: written.errors }
  }

  dispose() {
    this.followed.dispose()
  }
}
