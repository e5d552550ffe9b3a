/**
 * Private scoring of one stakeholder: the facilitator opens a round (`scoring` in the
 * `facilitation` root), each participant stores their own rating under
 * `score:<round>:<userId>` in the `workshop` root, and the facilitator reveals the group's
 * result.
 *
 * The scores are hidden by the user interface until the reveal; they are in the shared
 * document like everything else, so they are private from the group, not from someone
 * reading the raw document.
 */
import type * as Y from 'yjs'
import { WORKSHOP_MAP } from '../document/mapDocumentLayout'
import { type Rating, RATING_ATTRIBUTES } from '../scoring/aggregateRatings'
import { isFiniteNumber, isPlainObject } from './plainValues'
import { scoringRoundId } from './workshopIds'

/** An open or revealed round of private scoring of one stakeholder. */
export interface ScoringRound {
  id: string
  stakeholderId: string
  status: 'open' | 'revealed'
  openedAt: number
}

const SCORE_PREFIX = 'score:'

/** Reads the stored round; anything malformed reads as no round. */
export function readScoringRound(value: unknown): ScoringRound | null {
  return isPlainObject(value) &&
    typeof value.id === 'string' &&
    typeof value.stakeholderId === 'string' &&
    (value.status === 'open' || value.status === 'revealed')
    ? (value as unknown as ScoringRound)
    : null
}

/** A new round of scoring `stakeholderId`, opened at server time `now`. */
export function openScoringRound(stakeholderId: string, now: number): ScoringRound {
  return { id: scoringRoundId(now), stakeholderId, status: 'open', openedAt: now }
}

/** A score from 1 to 5, or null for anything else. */
function cleanScore(value: unknown): number | null {
  return isFiniteNumber(value) && value >= 1 && value <= 5 ? value : null
}

/** Stores a participant's private rating for a round (replacing their earlier one). */
export function submitRating(
  doc: Y.Doc,
  roundId: string,
  userId: string,
  rating: Rating,
  origin?: unknown,
) {
  const clean: Record<string, number | null> = {}
  for (const attribute of RATING_ATTRIBUTES) clean[attribute] = cleanScore(rating[attribute])
  doc.transact(
    () => doc.getMap<unknown>(WORKSHOP_MAP).set(`${SCORE_PREFIX}${roundId}:${userId}`, clean),
    origin,
  )
}

/** The ratings of a round, by user id. Show others' only once the round is revealed. */
export function readRatings(doc: Y.Doc, roundId: string): Map<string, Rating> {
  const prefix = `${SCORE_PREFIX}${roundId}:`
  const ratings = new Map<string, Rating>()
  doc.getMap<unknown>(WORKSHOP_MAP).forEach((value, key) => {
    if (!key.startsWith(prefix) || !isPlainObject(value)) return
    const rating: Rating = {}
    for (const attribute of RATING_ATTRIBUTES) rating[attribute] = cleanScore(value[attribute])
    ratings.set(key.slice(prefix.length), rating)
  })
  return ratings
}
