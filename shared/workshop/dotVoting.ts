/**
 * Dot voting ("whom should we engage first?"): the facilitator opens a vote (`vote` in the
 * `facilitation` root) with a number of dots per person; each participant keeps their dots
 * as a list of stakeholder ids under `vote:<vote>:<userId>` in the `workshop` root, and the
 * tally is shown once the vote is closed.
 */
import type * as Y from 'yjs'
import { WORKSHOP_MAP } from '../document/mapDocumentLayout'
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
}

/** The most dots a facilitator can give each person. */
export const MAX_VOTE_BUDGET = 20

/** Outcome of casting a vote. */
export type CastVoteResult = { ok: true } | { ok: false; reason: 'closed' | 'budget-used' }

const VOTE_PREFIX = 'vote:'

function votesMap(doc: Y.Doc) {
  return doc.getMap<unknown>(WORKSHOP_MAP)
}

/** Reads the stored vote; anything malformed reads as no vote. */
export function readDotVote(value: unknown): DotVote | null {
  return isPlainObject(value) &&
    typeof value.id === 'string' &&
    isFiniteNumber(value.budget) &&
    (value.status === 'open' || value.status === 'closed')
    ? (value as unknown as DotVote)
    : null
}

/** A new vote on `question` with `budget` dots per person, opened at server time `now`. */
export function openDotVote(question: string, budget: number, now: number): DotVote {
  const dots = Math.max(1, Math.min(MAX_VOTE_BUDGET, Math.floor(budget)))
  return { id: dotVoteId(now), question, budget: dots, status: 'open', openedAt: now }
}

/** One participant's votes in a vote (stakeholder ids; one id may appear several times). */
export function votesOf(doc: Y.Doc, voteId: string, userId: string): string[] {
  const value = votesMap(doc).get(`${VOTE_PREFIX}${voteId}:${userId}`)
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

/** Adds one of `userId`'s dots to a stakeholder, within their budget. */
export function castVote(
  doc: Y.Doc,
  vote: DotVote,
  userId: string,
  stakeholderId: string,
  origin?: unknown,
): CastVoteResult {
  if (vote.status !== 'open') return { ok: false, reason: 'closed' }
  const mine = votesOf(doc, vote.id, userId)
  if (mine.length >= vote.budget) return { ok: false, reason: 'budget-used' }
  doc.transact(
    () => votesMap(doc).set(`${VOTE_PREFIX}${vote.id}:${userId}`, [...mine, stakeholderId]),
    origin,
  )
  return { ok: true }
}

/** Takes back one of `userId`'s dots from a stakeholder (their own votes only). */
export function withdrawVote(
  doc: Y.Doc,
  vote: DotVote,
  userId: string,
  stakeholderId: string,
  origin?: unknown,
): boolean {
  if (vote.status !== 'open') return false
  const mine = votesOf(doc, vote.id, userId)
  const index = mine.lastIndexOf(stakeholderId)
  if (index < 0) return false
  const next = [...mine.slice(0, index), ...mine.slice(index + 1)]
  doc.transact(() => votesMap(doc).set(`${VOTE_PREFIX}${vote.id}:${userId}`, next), origin)
  return true
}

/**
 * Dots per stakeholder, most first. Each participant counts for at most `budget` dots, so a
 * peer that wrote more than its budget into the document does not tip the result.
 */
export function tallyVotes(doc: Y.Doc, vote: DotVote): { stakeholderId: string; votes: number }[] {
  const prefix = `${VOTE_PREFIX}${vote.id}:`
  const counts = new Map<string, number>()
  votesMap(doc).forEach((value, key) => {
    if (!key.startsWith(prefix) || !Array.isArray(value)) return
    for (const id of value.slice(0, vote.budget)) {
      if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  })
  return [...counts]
    .map(([stakeholderId, votes]) => ({ stakeholderId, votes }))
    .sort((a, b) => b.votes - a.votes || a.stakeholderId.localeCompare(b.stakeholderId))
}
