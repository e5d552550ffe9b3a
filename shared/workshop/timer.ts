/**
 * The shared countdown of one agenda block, kept under `timer` in the `facilitation` root.
 *
 * Times are server-clock milliseconds (each client corrects its own clock against the
 * server's), so a countdown started by the facilitator reads the same everywhere and after a
 * reload: it is computed from the start time, never counted down in the document.
 */
import type { AgendaBlock } from './agenda'
import { isFiniteNumber, isPlainObject } from './plainValues'

/** A running or paused countdown for one agenda block. */
export interface TimerState {
  blockId: string
  /** Server time the block (re)started, minus time already used before a pause. */
  startedAt: number
  durationMs: number
  /** Server time of the pause, or null while running. */
  pausedAt: number | null
}

/** Reads a stored countdown; anything malformed reads as no countdown. */
export function readTimer(value: unknown): TimerState | null {
  if (!isPlainObject(value)) return null
  const { blockId, startedAt, durationMs, pausedAt } = value
  if (typeof blockId !== 'string' || !isFiniteNumber(startedAt) || !isFiniteNumber(durationMs)) {
    return null
  }
  return { blockId, startedAt, durationMs, pausedAt: isFiniteNumber(pausedAt) ? pausedAt : null }
}

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
