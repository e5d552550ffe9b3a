/**
 * A scoring round or a dot vote as a person in the workshop follows it: the round read from
 * the facilitation state, their own ballot for it while it is open (OwnBallot.ts), how many
 * have handed one in (the server's count), and the facilitator's calls that reveal or end
 * it. Scoring and voting differ only in which round they read and what a ballot holds, so
 * ScoringModel.ts and VotingModel.ts keep their own rules and leave the following to this.
 */
import { type Atom, type Signal, atom, computed, react } from 'tldraw'
import type { Ballot } from '../../../shared/protocol/ballotApi'
import { submittedCountOf } from '../../../shared/workshop/ballots'
import type { FacilitationState } from '../../../shared/workshop/facilitationState'
import type { BallotClient } from './BallotClient'
import { OwnBallot, mayHandInBallots } from './OwnBallot'
import type { WorkshopDocument } from './WorkshopDocument'

/** What a round of ballots has in common: scoring rounds and dot votes. */
export interface BallotRound {
  id: string
  status: string
  /** How many people have handed in a ballot; written by the server. */
  submitted?: number
}

/** The round `readRound` picks from the facilitation state, and this person's part in it. */
export class FollowedRound<R extends BallotRound, T extends Ballot> {
  /** The round, open or done, if any. */
  readonly round: Signal<R | null>
  /** This person's ballot of the open round. */
  readonly own: OwnBallot<T>
  /** How many participants have handed in a ballot in this round (the server's count). */
  readonly submittedCount: Signal<number>
  /** Why this person's ballot was not taken (the server's refusal); null when it was. */
  readonly error: Signal<unknown>
  /** Why the facilitator's last reveal or end did not go through; null when it did. */
  readonly actionError: Atom<unknown>
  private readonly stopFollowing: () => void

  /** `name` labels the signals (scoring, vote); `readRound` picks the round to follow. */
  constructor(
    document: WorkshopDocument,
    private readonly ballots: BallotClient | null,
    name: string,
    readRound: (facilitation: FacilitationState) => R | null,
  ) {
    this.round = computed<R | null>(`${name} round`, () => readRound(document.facilitation.get()))
    this.own = new OwnBallot<T>(ballots, () => mayHandInBallots(document.self.get().role))
    this.submittedCount = computed(`${name} submitted count`, () =>
      submittedCountOf(this.round.get(), document.facilitation.get().ballotCount),
    )
    this.error = computed<unknown>(`${name} error`, () => this.own.error.get())
    this.actionError = atom<unknown>(`${name} action error`, null)
    this.stopFollowing = react(`follow the ${name} round`, () => {
      const round = this.round.get()
      this.own.follow(round?.status === 'open' ? round.id : null)
    })
  }

  /** Resolves once this person's last ballot was answered by the server. */
  settled(): Promise<void> {
    return this.own.settled()
  }

  /** Makes a facilitator's call on the round; a failure is kept as `actionError`. */
  async act(call: (ballots: BallotClient) => Promise<void>): Promise<void> {
    this.actionError.set(null)
    if (this.ballots === null) return
    // This person's own ballot still on its way counts: it reaches the server first.
    await this.own.settled()
    try {
      await call(this.ballots)
    } catch (error) {
      this.actionError.set(error)
    }
  }

  /** Stops following the round. */
  dispose() {
    this.stopFollowing()
  }
}
