/**
 * The shared countdown of one agenda block, kept under `timer` in the `facilitation` root.
 *
 * Times are server-clock milliseconds (each client corrects its own clock against the
 * server's), so a countdown started by the facilitator reads the same everywhere and after a
 * reload: it is computed from the start time, never counted down in the document.
 * A countdown times a whole block or one of its parts (phase 1's assignments); the
 * facilitator can give it more time while it runs or is paused (+1, +5 minutes).
 */
import { type AgendaBlock, type AgendaPart, MAX_BLOCK_MINUTES } from './agenda'
import { isFiniteNumber, isPlainObject } from './plainValues'

/** A running or paused countdown for one agenda block. */
export interface TimerState {
  blockId: string
  /** The part of the block being timed (phase 1's assignments), or null for the whole block. */
  partId: string | null
  /** Server time the block (re)started, minus time already used before a pause. */
  startedAt: number
  durationMs: number
  /** Server time of the pause, or null while running. */
  pausedAt: number | null
}

/** Reads a stored countdown; anything malformed reads as no countdown. */
export function readTimer(value: unknown): TimerState | null {
  if (!isPlainObject(value)) return null
  const { blockId, partId, startedAt, durationMs, pausedAt } = value
  if (typeof blockId !== 'string' || !isFiniteNumber(startedAt) || !isFiniteNumber(durationMs)) {
    return null
  }
  return {
    blockId,
    partId: typeof partId === 'string' ? partId : null,
    startedAt,
    durationMs,
    pausedAt: isFiniteNumber(pausedAt) ? pausedAt : null,
  }
}

/** Starts the countdown of an agenda block, or of one of its parts, at server time `now`. */
export function startTimer(block: AgendaBlock, now: number, part?: AgendaPart): TimerState {
  return {
    blockId: block.id,
    partId: part?.id ?? null,
    startedAt: now,
    durationMs: (part ?? block).minutes * 60_000,
    pausedAt: null,
  }
}

/** The longest a countdown can be extended to, in milliseconds (as long as a block may be). */
export const MAX_TIMER_MS = MAX_BLOCK_MINUTES * 60_000

/**
 * Gives a running or paused countdown `extraMs` more. Once it has run over, the extra time
 * counts from now ("five more minutes" means five from now, not five minus the overrun).
 * Never beyond {@link MAX_TIMER_MS} left.
 */
export function extendTimer(timer: TimerState, extraMs: number, now: number): TimerState {
  const remaining = timeRemaining(timer, now)
  const left = Math.min(Math.max(remaining, 0) + extraMs, MAX_TIMER_MS)
  return { ...timer, durationMs: timer.durationMs - remaining + left }
}

/** True once the countdown has reached zero (the moment everyone is told time is up). */
export function isTimeUp(timer: TimerState, now: number): boolean {
  return timeRemaining(timer, now) <= 0
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
