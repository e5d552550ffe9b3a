/**
 * Private scoring of one stakeholder (shared/workshop/privateScoring.ts): the facilitator
 * opens a round on a card, each participant hands their scores to the server as a ballot
 * (never into the shared document), the facilitator has the server reveal the group's
 * medians and spread, then adopts the medians into the record
 * (shared/workshop/adoptMedians.ts) or ends the round. Until the reveal nobody, the
 * facilitator included, can see anyone else's scores, only how many have scored (the
 * server writes the count into the round). This is the one place that hands in and reads
 * the scores, so where they are kept can change without touching a panel.
 */
import { type Atom, type Signal, computed } from 'tldraw'
import type { AggregatedRatings, Rating } from '../../../shared/scoring/aggregateRatings'
import { adoptMedians } from '../../../shared/workshop/adoptMedians'
import { type ScoreBallot, checkScoreBallot } from '../../../shared/workshop/ballots'
import { type ScoringRound, openScoringRound } from '../../../shared/workshop/privateScoring'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import type { BallotClient } from './BallotClient'
import { FollowedRound } from './FollowedRound'
import type { WorkshopDocument } from './WorkshopDocument'

/** The scoring round, this person's scores and the revealed result. */
export class ScoringModel {
  private readonly followed: FollowedRound<ScoringRound, ScoreBallot>

  /** The open or revealed round, if any. */
  readonly round: Signal<ScoringRound | null>

  /** How many participants have handed in scores in this round (the server's count). */
  readonly submittedCount: Signal<number>

  /** What this person handed in in this round, or null before they did. */
  readonly mine = computed<Rating | null>('my rating', () => this.followed.own.value.get())

  /** Why this person's scores were not taken (the server's refusal); null when they were. */
  readonly error: Signal<unknown>

  /** Why the facilitator's last reveal or end did not go through; null when it did. */
  readonly actionError: Atom<unknown>

  /** The group's scores once revealed (and someone scored); null before. */
  readonly result = computed<AggregatedRatings | null>('round result', () => {
    const round = this.round.get()
    if (round?.status !== 'revealed' || !round.result || (round.submitted ?? 0) === 0) return null
    return round.result
  })

  constructor(
    private readonly document: WorkshopDocument,
    private readonly registry: StakeholderRegistry,
    ballots: BallotClient | null,
  ) {
    this.followed = new FollowedRound(document, ballots, 'scoring', (state) => state.scoring)
    this.round = this.followed.round
    this.submittedCount = this.followed.submittedCount
    this.error = this.followed.error
    this.actionError = this.followed.actionError
  }

  /** Opens a round on the stakeholder `stakeholderId` for everyone. */
  open(stakeholderId: string) {
    this.document.setFacilitation('scoring', openScoringRound(stakeholderId, this.document.now()))
  }

  /**
   * Hands in this person's scores: `changes` over what they handed in before. Resolves true
   * once the server took them.
   */
  submit(changes: Rating): Promise<boolean> {
    const round = this.round.get()
    if (round?.status !== 'open') return Promise.resolve(false)
    const checked = checkScoreBallot({ ...this.mine.get(), ...changes })
    if (!checked.ok) return Promise.resolve(false)
    return this.followed.own.hand(checked.ballot)
  }

  /** Resolves once this person's last scores were answered by the server. */
  settled(): Promise<void> {
    return this.followed.settled()
  }

  /** Has the server reveal the group's result to everyone. */
  reveal(): Promise<void> {
    const round = this.round.get()
    if (round?.status !== 'open') return Promise.resolve()
    return this.followed.act((ballots) => ballots.reveal(round.id))
  }

  /** Writes the revealed medians into the stakeholder's record and ends the round. */
  adopt(): Promise<void> {
    const round = this.round.get()
    const result = this.result.get()
    if (!round || !result) return Promise.resolve()
    this.registry.patch(round.stakeholderId, adoptMedians(result))
    return this.end()
  }

  /** Ends the round without changing the record (the server deletes its ballots). */
  end(): Promise<void> {
    const round = this.round.get()
    if (!round) return Promise.resolve()
    return this.followed.act((ballots) => ballots.discard(round.id))
  }

  dispose() {
    this.followed.dispose()
  }
}
