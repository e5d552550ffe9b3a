/**
 * Dot voting (shared/workshop/dotVoting.ts): the facilitator opens a vote with a number of
 * dots per person, each participant gives and takes back their own dots, and closing the
 * vote shows everyone the tally (also on the cards). This is the one place that writes and
 * reads the dots, so where they are kept can change without touching a panel.
 */
import { computed } from 'tldraw'
import {
  type CastVoteResult,
  type DotVote,
  castVote,
  openDotVote,
  tallyVotes,
  votesOf,
  withdrawVote,
} from '../../../shared/workshop/dotVoting'
import type { WorkshopDocument } from './WorkshopDocument'

/** Dots per stakeholder, most first. */
export type VoteTally = { stakeholderId: string; votes: number }[]

/** The vote, this person's dots and the tally once closed. */
export class VotingModel {
  /** The open or closed vote, if any. */
  readonly vote = computed<DotVote | null>('vote', () => this.document.facilitation.get().vote)

  /** The stakeholder ids this person gave their dots to (one id per dot). */
  readonly myDots = computed<string[]>('my dots', () => {
    this.document.contributions()
    const vote = this.vote.get()
    return vote ? votesOf(this.document.doc, vote.id, this.document.self.get().userId) : []
  })

  /** The result once the vote is closed; empty while it is open. */
  readonly tally = computed<VoteTally>('vote tally', () => {
    this.document.contributions()
    const vote = this.vote.get()
    return vote?.status === 'closed' ? tallyVotes(this.document.doc, vote) : []
  })

  constructor(private readonly document: WorkshopDocument) {}

  /** Opens a vote on `question` with `budget` dots per person. */
  open(question: string, budget: number) {
    this.document.setFacilitation('vote', openDotVote(question, budget, this.document.now()))
  }

  /** Gives one of this person's dots to a stakeholder, within their budget. */
  cast(stakeholderId: string): CastVoteResult {
    const vote = this.vote.get()
    if (!vote) return { ok: false, reason: 'closed' }
    const { doc, origin, self } = this.document
    return castVote(doc, vote, self.get().userId, stakeholderId, origin)
  }

  /** Takes back one of this person's dots from a stakeholder; false when there was none. */
  withdraw(stakeholderId: string): boolean {
    const vote = this.vote.get()
    if (!vote) return false
    const { doc, origin, self } = this.document
    return withdrawVote(doc, vote, self.get().userId, stakeholderId, origin)
  }

  /** Closes the vote and shows everyone the tally. */
  close() {
    const vote = this.vote.get()
    if (vote?.status === 'open')
      this.document.setFacilitation('vote', { ...vote, status: 'closed' })
  }

  /** Removes the vote and its results from every screen. */
  clear() {
    this.document.setFacilitation('vote', null)
  }
}
