/**
 * Dot voting (shared/workshop/dotVoting.ts): the facilitator opens a vote with a number of
 * dots per person, each participant gives and takes back their own dots — handed to the
 * server as a ballot, never into the shared document, which checks the budget — and the
 * facilitator has the server close the vote and write the tally for everyone (also on the
 * cards). While it is open everyone sees only how many have voted. This is the one place
 * that hands in and reads the dots, so where they are kept can change without touching a panel.
 */
import { type Atom, type Signal, computed } from 'tldraw'
import { type DotBallot, type VoteTally, addDot, removeDot } from '../../../shared/workshop/ballots'
import { type CastVoteResult, type DotVote, openDotVote } from '../../../shared/workshop/dotVoting'
import type { BallotClient } from './BallotClient'
import { FollowedRound } from './FollowedRound'
import type { WorkshopDocument } from './WorkshopDocument'

export type { VoteTally } from '../../../shared/workshop/ballots'

/** The vote, this person's dots and the tally once closed. */
export class VotingModel {
  private readonly followed: FollowedRound<DotVote, DotBallot>

  /** The open or closed vote, if any. */
  readonly vote: Signal<DotVote | null>

  /** The stakeholder ids this person gave their dots to (one id per dot). */
  readonly myDots = computed<string[]>('my dots', () => this.followed.own.value.get() ?? [])

  /** How many have handed in dots (the server's count). */
  readonly submittedCount: Signal<number>

  /** Why this person's dots were not taken (the server's refusal); null when they were. */
  readonly error: Signal<unknown>

  /** Why the facilitator's last close or clear did not go through; null when it did. */
  readonly actionError: Atom<unknown>

  /** The result once the vote is closed (written by the server); empty while it is open. */
  readonly tally = computed<VoteTally>('vote tally', () => {
    const vote = this.vote.get()
    return vote?.status === 'closed' ? (vote.tally ?? []) : []
  })

  constructor(
    private readonly document: WorkshopDocument,
    ballots: BallotClient | null,
  ) {
    this.followed = new FollowedRound(document, ballots, 'vote', (state) => state.vote)
    this.vote = this.followed.round
    this.submittedCount = this.followed.submittedCount
    this.error = this.followed.error
    this.actionError = this.followed.actionError
  }

  /** Opens a vote on `question` with `budget` dots per person. */
  open(question: string, budget: number) {
    this.document.setFacilitation('vote', openDotVote(question, budget, this.document.now()))
  }

  /** Gives one of this person's dots to a stakeholder, within their budget. */
  cast(stakeholderId: string): CastVoteResult {
    const vote = this.vote.get()
    if (vote?.status !== 'open') return { ok: false, reason: 'closed' }
    const next = addDot(this.myDots.get(), vote.budget, stakeholderId)
    if (next === null) return { ok: false, reason: 'budget-used' }
    void this.followed.own.hand(next)
    return { ok: true }
  }

  /** Takes back one of this person's dots from a stakeholder; false when there was none. */
  withdraw(stakeholderId: string): boolean {
    if (this.vote.get()?.status !== 'open') return false
    const next = removeDot(this.myDots.get(), stakeholderId)
    if (next === null) return false
    void this.followed.own.hand(next)
    return true
  }

  /** Resolves once this person's last dots were answered by the server. */
  settled(): Promise<void> {
    return this.followed.settled()
  }

  /** Has the server close the vote and show everyone the tally. */
  close(): Promise<void> {
    const vote = this.vote.get()
    if (vote?.status !== 'open') return Promise.resolve()
    return this.followed.act((ballots) => ballots.reveal(vote.id))
  }

  /** Removes the vote and its results from every screen (the server deletes its ballots). */
  clear(): Promise<void> {
    const vote = this.vote.get()
    if (!vote) return Promise.resolve()
    return this.followed.act((ballots) => ballots.discard(vote.id))
  }

  dispose() {
    this.followed.dispose()
  }
}
