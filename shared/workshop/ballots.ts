/**
 * Ballots of a scoring round, a dot vote or a dialogue-evaluation round (issue 19): what one person hands the server,
 * never the shared document. The server checks a ballot with these rules against the round
 * or vote open in the `facilitation` root, keeps one per person per round until the reveal
 * (or the close), then writes only the group's result into the document
 * (privateScoring.ts `result`, dotVoting.ts `tally`, evaluationRound.ts `result`) and deletes the ballots. The client
 * uses the same rules for its own ballot, so what it shows before the server answers is
 * what the server will keep.
 */
import {
  type AggregatedRatings,
  RATING_ATTRIBUTES,
  type RatingAttribute,
  aggregateRatings,
} from '../scoring/aggregateRatings'
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../dialogue/dialogueVocabulary'
import { isFiniteNumber, isPlainObject } from './plainValues'

/** One person's private scores: 1 to 5 per attribute, null where they gave none. */
export type ScoreBallot = Record<RatingAttribute, number | null>

/** One person's private scores of a dialogue: 1 to 5 per SER element, null where they gave none. */
export type ElementBallot = Record<DialogueElement, number | null>

/** One person's dots: a stakeholder id per dot (one id may appear several times). */
export type DotBallot = string[]

/** Dots per stakeholder, most first. */
export type VoteTally = { stakeholderId: string; votes: number }[]

/** Why a ballot is refused (the API's error codes, apiErrorCodes.ts). */
export type BallotRefusal = 'invalid-ballot' | 'budget-exceeded' | 'unknown-stakeholder'

/** A checked ballot, or why not. */
export type BallotCheck<T> = { ok: true; ballot: T } | { ok: false; reason: BallotRefusal }

/** Lowest and highest score a ballot may give. */
export const MIN_SCORE = 1
export const MAX_SCORE = 5

/** Longest stakeholder id a dot may name (ids are much shorter; this bounds a hostile body). */
const MAX_STAKEHOLDER_ID_LENGTH = 200

/**
 * A score ballot as sent: an object with, per attribute, a number from 1 to 5, or null or
 * nothing for "not scored". Anything else (another key's value is ignored) refuses it.
 */
export function checkScoreBallot(raw: unknown): BallotCheck<ScoreBallot> {
  if (!isPlainObject(raw)) return { ok: false, reason: 'invalid-ballot' }
  const ballot = {} as ScoreBallot
  for (const attribute of RATING_ATTRIBUTES) {
    const value = raw[attribute]
    if (value === undefined || value === null) ballot[attribute] = null
    else if (isFiniteNumber(value) && value >= MIN_SCORE && value <= MAX_SCORE)
      ballot[attribute] = value
    else return { ok: false, reason: 'invalid-ballot' }
  }
  return { ok: true, ballot }
}

/**
 * An element ballot as sent: an object with, per element of the SER dialogue model, a number
 * from 1 to 5, or null or nothing for "not scored"; anything else refuses it, like
 * {@link checkScoreBallot}.
 */
export function checkElementBallot(raw: unknown): BallotCheck<ElementBallot> {
  if (!isPlainObject(raw)) return { ok: false, reason: 'invalid-ballot' }
  const ballot = {} as ElementBallot
  for (const element of DIALOGUE_ELEMENTS) {
    const value = raw[element]
    if (value === undefined || value === null) ballot[element] = null
    else if (isFiniteNumber(value) && value >= MIN_SCORE && value <= MAX_SCORE)
      ballot[element] = value
    else return { ok: false, reason: 'invalid-ballot' }
  }
  return { ok: true, ballot }
}

/**
 * A dot ballot as sent: a list of stakeholder ids, at most `budget` long, each one of
 * `stakeholderIds` (the map's stakeholders when the server checks).
 */
export function checkDotBallot(
  raw: unknown,
  budget: number,
  stakeholderIds: ReadonlySet<string>,
): BallotCheck<DotBallot> {
  if (!Array.isArray(raw)) return { ok: false, reason: 'invalid-ballot' }
  if (raw.some((id) => typeof id !== 'string' || id.length > MAX_STAKEHOLDER_ID_LENGTH))
    return { ok: false, reason: 'invalid-ballot' }
  if (raw.length > budget) return { ok: false, reason: 'budget-exceeded' }
  if (raw.some((id: string) => !stakeholderIds.has(id)))
    return { ok: false, reason: 'unknown-stakeholder' }
  return { ok: true, ballot: [...(raw as string[])] }
}

/** `dots` with one more for `stakeholderId`, or null when the budget is used up. */
export function addDot(dots: DotBallot, budget: number, stakeholderId: string): DotBallot | null {
  return dots.length >= budget ? null : [...dots, stakeholderId]
}

/** `dots` with one for `stakeholderId` taken back, or null when there was none. */
export function removeDot(dots: DotBallot, stakeholderId: string): DotBallot | null {
  const index = dots.lastIndexOf(stakeholderId)
  return index < 0 ? null : [...dots.slice(0, index), ...dots.slice(index + 1)]
}

/** Dots per stakeholder over every ballot, most first (ties by id, so every node agrees). */
export function tallyDotBallots(ballots: readonly DotBallot[]): VoteTally {
  const counts = new Map<string, number>()
  for (const dots of ballots) for (const id of dots) counts.set(id, (counts.get(id) ?? 0) + 1)
  return [...counts]
    .map(([stakeholderId, votes]) => ({ stakeholderId, votes }))
    .sort((a, b) => b.votes - a.votes || a.stakeholderId.localeCompare(b.stakeholderId))
}

/** The group's result of a scoring round: median, min, max, count and disagreement. */
export function aggregateScoreBallots(ballots: readonly ScoreBallot[]): AggregatedRatings {
  return aggregateRatings(ballots)
}

/** A tally read back from the document; anything malformed reads as none. */
export function readVoteTally(value: unknown): VoteTally | null {
  if (!Array.isArray(value)) return null
  const tally: VoteTally = []
  for (const entry of value) {
    if (!isPlainObject(entry) || typeof entry.stakeholderId !== 'string') return null
    if (!isFiniteNumber(entry.votes)) return null
    tally.push({ stakeholderId: entry.stakeholderId, votes: entry.votes })
  }
  return tally
}

/** A round's result read back from the document; anything malformed reads as none. */
export function readAggregatedRatings(value: unknown): AggregatedRatings | null {
  if (!isPlainObject(value)) return null
  const result = {} as AggregatedRatings
  for (const attribute of RATING_ATTRIBUTES) {
    const entry = value[attribute]
    if (!isPlainObject(entry) || !isFiniteNumber(entry.count)) return null
    const number = (v: unknown) => (isFiniteNumber(v) ? v : null)
    result[attribute] = {
      count: entry.count,
      median: number(entry.median),
      min: number(entry.min),
      max: number(entry.max),
      disagreement: entry.disagreement === true,
    }
  }
  return result
}

/**
 * How many have handed in a ballot in the open round or vote `roundId`, written by the
 * server after each ballot under its own key (`facilitation.ballotCount`), not into the
 * round: a count written on one node at the moment another node reveals would otherwise
 * be a concurrent write of the round and could undo the reveal.
 */
export interface BallotCount {
  roundId: string
  submitted: number
}

/** Reads the stored count; anything malformed reads as none. */
export function readBallotCount(value: unknown): BallotCount | null {
  return isPlainObject(value) && typeof value.roundId === 'string'
    ? { roundId: value.roundId, submitted: readSubmittedCount(value.submitted) }
    : null
}

/** The count to show for `round`: the server's running count while open, its final one after. */
export function submittedCountOf(
  round: { id: string; status: string; submitted?: number } | null,
  count: BallotCount | null,
): number {
  if (round === null) return 0
  if (round.status === 'open' && count?.roundId === round.id) return count.submitted
  return round.submitted ?? 0
}

/** A count the server wrote (how many have handed in a ballot); 0 when none or malformed. */
export function readSubmittedCount(value: unknown): number {
  return isFiniteNumber(value) && value >= 0 ? Math.floor(value) : 0
}
