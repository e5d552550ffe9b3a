/**
 * Workshop state in the map's Y.Doc, so that people in the room and at home see the same
 * thing (SER workshop: 12–20 participants, four tables, two trainers).
 *
 * Two roots (see mapDocumentLayout.ts):
 * - `facilitation` — written by owners and facilitators only (the server drops the rest):
 *   the agenda, the running timer, follow-me and spotlight requests, the template lock,
 *   table groups, and which scoring round or vote is open.
 * - `workshop` — written by every participant, each under keys that carry their own user id:
 *   private scores, votes and raised hands.
 *
 * Times are server-clock milliseconds (the client corrects its own clock against the
 * server's), so a countdown started by the facilitator reads the same everywhere and after
 * a reload: it is computed from the start time, never counted down in the document.
 *
 * Private scores are hidden by the user interface until the facilitator reveals them; they
 * are in the shared document like everything else, so they are private from the group, not
 * from someone reading the raw document.
 */
import type * as Y from 'yjs'
import { type Rating, RATING_ATTRIBUTES } from '../scoring/aggregateRatings'
import { FACILITATION_MAP, HANDS_ARRAY, WORKSHOP_MAP } from '../document/mapDocumentLayout'

/** A block of the workshop agenda. `kind` names the SER blocks; custom blocks have a title. */
export interface AgendaBlock {
  id: string
  kind: AgendaBlockKind
  /** Shown instead of the translated kind when set (custom or renamed blocks). */
  title: string
  minutes: number
}

/** The blocks of the SER manual's agenda, plus custom ones. */
export const AGENDA_BLOCK_KINDS = [
  'introduction',
  'phase-1',
  'phase-2',
  'break',
  'phase-3',
  'phase-4',
  'closing',
  'custom',
] as const
export type AgendaBlockKind = (typeof AGENDA_BLOCK_KINDS)[number]

/** The manual's half-day agenda: 30, 55, 45, 30, 55, 15 and 15 minutes. */
export const DEFAULT_AGENDA: readonly AgendaBlock[] = [
  { id: 'introduction', kind: 'introduction', title: '', minutes: 30 },
  { id: 'phase-1', kind: 'phase-1', title: '', minutes: 55 },
  { id: 'phase-2', kind: 'phase-2', title: '', minutes: 45 },
  { id: 'break', kind: 'break', title: '', minutes: 30 },
  { id: 'phase-3', kind: 'phase-3', title: '', minutes: 55 },
  { id: 'phase-4', kind: 'phase-4', title: '', minutes: 15 },
  { id: 'closing', kind: 'closing', title: '', minutes: 15 },
]

/** A running or paused countdown for one agenda block. */
export interface TimerState {
  blockId: string
  /** Server time the block (re)started, minus time already used before a pause. */
  startedAt: number
  durationMs: number
  /** Server time of the pause, or null while running. */
  pausedAt: number | null
}

/** A request to look at something, by a facilitator; `at` makes each request new. */
export interface ViewRequest {
  userId: string
  at: number
}

/** A one-off request to look at an area of the board (page coordinates). */
export interface BringHereRequest extends ViewRequest {
  bounds: { x: number; y: number; w: number; h: number }
}

/** An open, revealed or closed round of private scoring of one stakeholder. */
export interface ScoringRound {
  id: string
  stakeholderId: string
  status: 'open' | 'revealed'
  openedAt: number
}

/** A dot vote: "whom should we engage first?" */
export interface DotVote {
  id: string
  question: string
  /** Votes per person. */
  budget: number
  status: 'open' | 'closed'
  openedAt: number
}

/** Table groups: participant user id → group number (0-based). */
export interface TableGroups {
  count: number
  assignments: Record<string, number>
}

/** Everything in `facilitation`, with defaults for what is not set. */
export interface FacilitationState {
  agenda: AgendaBlock[]
  timer: TimerState | null
  followMe: ViewRequest | null
  bringHere: BringHereRequest | null
  spotlight: (ViewRequest & { shapeId: string }) | null
  templateLocked: boolean
  groups: TableGroups | null
  scoring: ScoringRound | null
  vote: DotVote | null
}

function facilitation(doc: Y.Doc) {
  return doc.getMap<unknown>(FACILITATION_MAP)
}

function workshop(doc: Y.Doc) {
  return doc.getMap<unknown>(WORKSHOP_MAP)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Reads the agenda; anything malformed falls back to the manual's agenda. */
function readAgenda(value: unknown): AgendaBlock[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) return [...DEFAULT_AGENDA]
  const blocks = value.filter(
    (block): block is AgendaBlock =>
      isObject(block) &&
      typeof block.id === 'string' &&
      (AGENDA_BLOCK_KINDS as readonly unknown[]).includes(block.kind) &&
      typeof block.title === 'string' &&
      finite(block.minutes) &&
      block.minutes > 0 &&
      block.minutes <= 600,
  )
  return blocks.length === value.length ? blocks : [...DEFAULT_AGENDA]
}

function readTimer(value: unknown): TimerState | null {
  if (!isObject(value)) return null
  const { blockId, startedAt, durationMs, pausedAt } = value
  if (typeof blockId !== 'string' || !finite(startedAt) || !finite(durationMs)) return null
  return { blockId, startedAt, durationMs, pausedAt: finite(pausedAt) ? pausedAt : null }
}

function readViewRequest(value: unknown): ViewRequest | null {
  if (!isObject(value) || typeof value.userId !== 'string' || !finite(value.at)) return null
  return { userId: value.userId, at: value.at }
}

function readBringHere(value: unknown): BringHereRequest | null {
  const request = readViewRequest(value)
  if (!request || !isObject(value) || !isObject(value.bounds)) return null
  const { x, y, w, h } = value.bounds
  if (!finite(x) || !finite(y) || !finite(w) || !finite(h) || w <= 0 || h <= 0) return null
  return { ...request, bounds: { x, y, w, h } }
}

/** The facilitation state, validated (peers may write anything; readers must not break). */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  const map = facilitation(doc)
  const spotlightValue = map.get('spotlight')
  const spotlightRequest = readViewRequest(spotlightValue)
  const groupsValue = map.get('groups')
  const scoringValue = map.get('scoring')
  const voteValue = map.get('vote')
  return {
    agenda: readAgenda(map.get('agenda')),
    timer: readTimer(map.get('timer')),
    followMe: readViewRequest(map.get('followMe')),
    bringHere: readBringHere(map.get('bringHere')),
    spotlight:
      spotlightRequest && isObject(spotlightValue) && typeof spotlightValue.shapeId === 'string'
        ? { ...spotlightRequest, shapeId: spotlightValue.shapeId }
        : null,
    templateLocked: map.get('templateLocked') === true,
    groups:
      isObject(groupsValue) && finite(groupsValue.count) && isObject(groupsValue.assignments)
        ? (groupsValue as unknown as TableGroups)
        : null,
    scoring:
      isObject(scoringValue) &&
      typeof scoringValue.id === 'string' &&
      typeof scoringValue.stakeholderId === 'string' &&
      (scoringValue.status === 'open' || scoringValue.status === 'revealed')
        ? (scoringValue as unknown as ScoringRound)
        : null,
    vote:
      isObject(voteValue) &&
      typeof voteValue.id === 'string' &&
      finite(voteValue.budget) &&
      (voteValue.status === 'open' || voteValue.status === 'closed')
        ? (voteValue as unknown as DotVote)
        : null,
  }
}

/** Writes one facilitation setting (facilitators only; the server enforces it). */
export function setFacilitation<K extends keyof FacilitationState>(
  doc: Y.Doc,
  key: K,
  value: FacilitationState[K],
  origin?: unknown,
) {
  doc.transact(() => {
    if (value === null) facilitation(doc).delete(key)
    else facilitation(doc).set(key, value)
  }, origin)
}

// --- Timer ----------------------------------------------------------------------------------

/** Starts the countdown of an agenda block at server time `now`. */
export function startTimer(block: AgendaBlock, now: number): TimerState {
  return { blockId: block.id, startedAt: now, durationMs: block.minutes * 60_000, pausedAt: null }
}

/** Pauses a running countdown. */
export function pauseTimer(timer: TimerState, now: number): TimerState {
  return timer.pausedAt === null ? { ...timer, pausedAt: now } : timer
}

/** Resumes a paused countdown where it stopped. */
export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.pausedAt === null) return timer
  return { ...timer, startedAt: timer.startedAt + (now - timer.pausedAt), pausedAt: null }
}

/**
 * Milliseconds left at server time `now`; negative once the block has run over. Never more
 * than the block's length: a clock a little behind the facilitator's must not show 55:01.
 */
export function timeRemaining(timer: TimerState, now: number): number {
  const elapsed = (timer.pausedAt ?? now) - timer.startedAt
  return Math.min(timer.durationMs, timer.durationMs - elapsed)
}

// --- Private scoring ------------------------------------------------------------------------

const SCORE_PREFIX = 'score:'

/** Stores a participant's private rating for a round (replacing their earlier one). */
export function submitRating(
  doc: Y.Doc,
  roundId: string,
  userId: string,
  rating: Rating,
  origin?: unknown,
) {
  const clean: Record<string, number | null> = {}
  for (const attribute of RATING_ATTRIBUTES) {
    const value = rating[attribute]
    clean[attribute] = finite(value) && value >= 1 && value <= 5 ? value : null
  }
  doc.transact(() => workshop(doc).set(`${SCORE_PREFIX}${roundId}:${userId}`, clean), origin)
}

/** The ratings of a round, by user id. Show others' only once the round is revealed. */
export function readRatings(doc: Y.Doc, roundId: string): Map<string, Rating> {
  const prefix = `${SCORE_PREFIX}${roundId}:`
  const ratings = new Map<string, Rating>()
  workshop(doc).forEach((value, key) => {
    if (!key.startsWith(prefix) || !isObject(value)) return
    const rating: Rating = {}
    for (const attribute of RATING_ATTRIBUTES) {
      const score = value[attribute]
      rating[attribute] = finite(score) && score >= 1 && score <= 5 ? score : null
    }
    ratings.set(key.slice(prefix.length), rating)
  })
  return ratings
}

// --- Dot voting -----------------------------------------------------------------------------

const VOTE_PREFIX = 'vote:'

/** Outcome of casting a vote. */
export type CastVoteResult = { ok: true } | { ok: false; reason: 'closed' | 'budget-used' }

/** One participant's votes in a vote (stakeholder ids; one id may appear several times). */
export function votesOf(doc: Y.Doc, voteId: string, userId: string): string[] {
  const value = workshop(doc).get(`${VOTE_PREFIX}${voteId}:${userId}`)
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
    () => workshop(doc).set(`${VOTE_PREFIX}${vote.id}:${userId}`, [...mine, stakeholderId]),
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
  doc.transact(() => workshop(doc).set(`${VOTE_PREFIX}${vote.id}:${userId}`, next), origin)
  return true
}

/**
 * Dots per stakeholder, most first. Each participant counts for at most `budget` dots, so a
 * peer that wrote more than its budget into the document does not tip the result.
 */
export function tallyVotes(doc: Y.Doc, vote: DotVote): { stakeholderId: string; votes: number }[] {
  const prefix = `${VOTE_PREFIX}${vote.id}:`
  const counts = new Map<string, number>()
  workshop(doc).forEach((value, key) => {
    if (!key.startsWith(prefix) || !Array.isArray(value)) return
    for (const id of value.slice(0, vote.budget)) {
      if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  })
  return [...counts]
    .map(([stakeholderId, votes]) => ({ stakeholderId, votes }))
    .sort((a, b) => b.votes - a.votes || a.stakeholderId.localeCompare(b.stakeholderId))
}

// --- Raised hands -----------------------------------------------------------------------

/**
 * Raised hands live in the root Y.Array `hands`, in the order they reached the group: a
 * hand raised after someone else's hand arrived is always behind it, whatever the
 * participants' clocks say (laptop clocks can be seconds apart). A root array, because two
 * arrays created at once under one map key would replace each other and lose a hand.
 */
/** A raised hand in the queue. */
export interface RaisedHand {
  userId: string
  name: string
  raisedAt: number
}

function handsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(HANDS_ARRAY)
}

function handOwner(entry: unknown): string | null {
  return isObject(entry) && typeof entry.userId === 'string' ? entry.userId : null
}

/** Raises `userId`'s hand at the end of the queue (raising again keeps the place). */
export function raiseHand(doc: Y.Doc, userId: string, name: string, now: number, origin?: unknown) {
  if (handQueue(doc).some((hand) => hand.userId === userId)) return
  doc.transact(() => {
    handsArray(doc).push([{ userId, name: name.slice(0, 60), raisedAt: now }])
  }, origin)
}

/** Lowers a hand (the participant's own, or anyone's by the facilitator). */
export function lowerHand(doc: Y.Doc, userId: string, origin?: unknown) {
  const array = handsArray(doc)
  doc.transact(() => {
    // From the end, so the indices still to visit do not shift.
    for (let index = array.length - 1; index >= 0; index--) {
      if (handOwner(array.get(index)) === userId) array.delete(index, 1)
    }
  }, origin)
}

/** Raised hands, first raised first; a hand raised twice at once counts once. */
export function handQueue(doc: Y.Doc): RaisedHand[] {
  const array = handsArray(doc)
  const seen = new Set<string>()
  const hands: RaisedHand[] = []
  for (const entry of array.toArray()) {
    const userId = handOwner(entry)
    if (!userId || seen.has(userId) || !isObject(entry)) continue
    seen.add(userId)
    hands.push({
      userId,
      name: typeof entry.name === 'string' ? entry.name : '',
      raisedAt: finite(entry.raisedAt) ? entry.raisedAt : 0,
    })
  }
  return hands
}

// --- Table groups ---------------------------------------------------------------------------

/**
 * Splits participants into `count` table groups, round robin in a stable order, so every
 * client computing it for the same people gets the same split.
 */
export function splitIntoGroups(userIds: readonly string[], count: number): TableGroups {
  const groups = Math.max(1, Math.min(12, Math.floor(count)))
  const assignments: Record<string, number> = {}
  ;[...new Set(userIds)].sort().forEach((userId, index) => {
    assignments[userId] = index % groups
  })
  return { count: groups, assignments }
}
