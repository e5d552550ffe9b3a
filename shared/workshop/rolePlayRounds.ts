/**
 * The rounds of the role play (phase 3, issue 21): the facilitator starts round 1, 2, …,
 * each timed with the workshop's countdown (timer.ts) and each with its observers, the
 * people who write that round's observer sheet (observerNotes.ts). Kept under
 * `rolePlayRounds` in the `facilitation` root, which only owners and facilitators change.
 *
 * A round's observers are named in the round itself, not read from the cards at the time a
 * note is written: the server checks every note against this list (checkObserverNotes.ts),
 * so dealing the observer card to someone else later does not let them rewrite what the
 * previous observer noted. When a round starts, its observers are the holders of the
 * observer cards (rolePlay.ts `observes`); the facilitator may name others.
 */
import type { TimerState } from './timer'
import { isFiniteNumber, isPlainObject } from './plainValues'

/** Most rounds kept, and most observers of one round. */
export const ROUND_LIMITS = { rounds: 50, observers: 20, minutes: 120 } as const

/** Ids of role-play rounds: `play-` and the start time in base 36 (unlike scoring rounds). */
export const PLAY_ROUND_ID_PATTERN = /^play-[0-9a-z]{1,11}$/

/** A server-known identity (guest `g_…`, user `u_…`, or a link's own id). */
export const OBSERVER_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/

/** One round of the role play. */
export interface RolePlayRound {
  id: string
  /** 1, 2, … in the order the rounds were started. */
  number: number
  /** Server-known identities that write this round's observer sheet. */
  observerIds: string[]
  /** Server time the round started. */
  startedAt: number
  /** The countdown it was started with. */
  minutes: number
}

/** Every round played so far, and the one being played. */
export interface RolePlayRounds {
  rounds: RolePlayRound[]
  /** The round being played; null between rounds. */
  currentId: string | null
}

/** No round played yet. */
export const NO_ROUNDS: RolePlayRounds = { rounds: [], currentId: null }

function readRound(value: unknown): RolePlayRound | null {
  if (!isPlainObject(value)) return null
  const { id, number, observerIds, startedAt, minutes } = value
  if (typeof id !== 'string' || !PLAY_ROUND_ID_PATTERN.test(id)) return null
  if (!isFiniteNumber(number) || !Number.isInteger(number) || number < 1) return null
  if (!isFiniteNumber(startedAt)) return null
  const observers = Array.isArray(observerIds)
    ? observerIds.filter(
        (each): each is string => typeof each === 'string' && OBSERVER_ID_PATTERN.test(each),
      )
    : []
  return {
    id,
    number,
    observerIds: [...new Set(observers)].slice(0, ROUND_LIMITS.observers),
    startedAt,
    minutes: isFiniteNumber(minutes) && minutes > 0 ? Math.min(minutes, ROUND_LIMITS.minutes) : 10,
  }
}

/** Reads the stored rounds; anything malformed reads as no rounds (or is skipped). */
export function readRolePlayRounds(value: unknown): RolePlayRounds {
  if (!isPlainObject(value) || !Array.isArray(value.rounds)) return NO_ROUNDS
  const seen = new Set<string>()
  const rounds: RolePlayRound[] = []
  for (const each of value.rounds.slice(0, ROUND_LIMITS.rounds)) {
    const round = readRound(each)
    if (round && !seen.has(round.id)) {
      seen.add(round.id)
      rounds.push(round)
    }
  }
  rounds.sort((a, b) => a.number - b.number)
  const currentId =
    typeof value.currentId === 'string' && seen.has(value.currentId) ? value.currentId : null
  return { rounds, currentId }
}

/** The round being played, if any. */
export function currentRound(state: RolePlayRounds): RolePlayRound | null {
  return state.rounds.find((round) => round.id === state.currentId) ?? null
}

/** The id of a round started at server time `now`. */
export function playRoundId(now: number): string {
  return `play-${Math.max(0, Math.floor(now)).toString(36)}`
}

/**
 * Starts the next round at server time `now` with `minutes` on the clock and `observerIds`
 * writing its sheet; the round before it ends.
 */
export function startRound(
  state: RolePlayRounds,
  observerIds: readonly string[],
  minutes: number,
  now: number,
): RolePlayRounds {
  const number = Math.max(0, ...state.rounds.map((round) => round.number)) + 1
  let id = playRoundId(now)
  // Two starts in one millisecond (a double click) still get two ids.
  for (let later = now + 1; state.rounds.some((round) => round.id === id); later++) {
    id = playRoundId(later)
  }
  const round: RolePlayRound = {
    id,
    number,
    observerIds: [...new Set(observerIds)].slice(0, ROUND_LIMITS.observers),
    startedAt: now,
    minutes: Math.min(Math.max(1, Math.round(minutes)), ROUND_LIMITS.minutes),
  }
  return { rounds: [...state.rounds, round].slice(-ROUND_LIMITS.rounds), currentId: id }
}

/** Ends the round being played; its sheets stay. */
export function endRound(state: RolePlayRounds): RolePlayRounds {
  return { ...state, currentId: null }
}

/** Names the observers of round `roundId` (the facilitator's choice). */
export function withObservers(
  state: RolePlayRounds,
  roundId: string,
  observerIds: readonly string[],
): RolePlayRounds {
  return {
    ...state,
    rounds: state.rounds.map((round) =>
      round.id === roundId
        ? { ...round, observerIds: [...new Set(observerIds)].slice(0, ROUND_LIMITS.observers) }
        : round,
    ),
  }
}

/** True when `identityId` writes the observer sheet of round `roundId`. */
export function isObserverOf(state: RolePlayRounds, roundId: string, identityId: string): boolean {
  return state.rounds.some(
    (round) => round.id === roundId && round.observerIds.includes(identityId),
  )
}

/**
 * The countdown of a round, shown in everyone's top bar: the phase-3 agenda block's, with
 * the round as its part (TimerDisplay names it "Round n").
 */
export function roundTimer(blockId: string, round: RolePlayRound): TimerState {
  return {
    blockId,
    partId: round.id,
    startedAt: round.startedAt,
    durationMs: round.minutes * 60_000,
    pausedAt: null,
  }
}
