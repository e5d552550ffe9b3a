/**
 * Dot voting ("whom should we engage first?"): the facilitator opens a vote (`vote` in the
 * `facilitation` root) with a number of dots per person; each participant hands their dots
 * to the server as a ballot (ballots.ts, never into the shared document), which checks the
 * budget and the stakeholders, writes how many have voted into the vote (`submitted`), and
 * at the close writes the tally (`tally`) and deletes the ballots.
 */
import { type VoteTally, readSubmittedCount, readVoteTally } from './ballots'
import { isFiniteNumber, isPlainObject } from './plainValues'
import { dotVoteId } from './workshopIds'

/** A dot vote. */
export interface DotVote {
  id: string
  question: string
  /** Votes per person. */
  budget: number
  status: 'open' | 'closed'
  openedAt: number
  /** How many people have handed in dots; written by the server. */
  submitted?: number
  /** Dots per stakeholder once closed; written by the server. */
  tally?: VoteTally | null
}

/** The most dots a facilitator can give each person. */
export const MAX_VOTE_BUDGET = 20

/** Outcome of casting a vote. */
export type CastVoteResult = { ok: true } | { ok: false; reason: 'closed' | 'budget-used' }

/** Reads the stored vote; anything malformed reads as no vote. */
export function readDotVote(value: unknown): DotVote | null {
  if (
    !isPlainObject(value) ||
    typeof value.id !== 'string' ||
    !isFiniteNumber(value.budget) ||
    (value.status !== 'open' && value.status !== 'closed')
  )
    return null
  return {
    id: value.id,
    question: typeof value.question === 'string' ? value.question : '',
    budget: Math.max(1, Math.min(MAX_VOTE_BUDGET, Math.floor(value.budget))),
    status: value.status,
    openedAt: typeof value.openedAt === 'number' ? value.openedAt : 0,
    submitted: readSubmittedCount(value.submitted),
    tally: readVoteTally(value.tally),
  }
}

/** A new vote on `question` with `budget` dots per person, opened at server time `now`. */
export function openDotVote(question: string, budget: number, now: number): DotVote {
  const dots = Math.max(1, Math.min(MAX_VOTE_BUDGET, Math.floor(budget)))
  return { id: dotVoteId(now), question, budget: dots, status: 'open', openedAt: now }
}
