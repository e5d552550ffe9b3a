/**
 * How the participants list shows someone: active, idle (no pointer or key for a while) or
 * disconnected. Nobody is idle to themselves (issue 19): they are the one looking, and their
 * own presence record only changes when tldraw publishes it. While this page's own connection
 * is down it cannot know about the others: it says so ("offline" for oneself, "unknown" for
 * them) instead of calling everyone disconnected.
 */
import type { Participant } from './model/ParticipantsModel'

/** Someone who has not moved or typed for this long shows as idle. */
export const IDLE_AFTER_MS = 2 * 60_000

/** A participant's state in the list. */
export type ParticipantStatus = 'active' | 'idle' | 'disconnected' | 'offline' | 'unknown'

/**
 * `participant`'s state at `now` (the clock `lastActivity` is in: the server's), as seen by a
 * page whose own connection is `selfConnected`.
 */
export function participantStatus(
  participant: Pick<Participant, 'connected' | 'self' | 'lastActivity'>,
  now: number,
  selfConnected = true,
): ParticipantStatus {
  if (!selfConnected) return participant.self ? 'offline' : 'unknown'
  if (!participant.connected) return 'disconnected'
  if (!participant.self && now - participant.lastActivity > IDLE_AFTER_MS) return 'idle'
  return 'active'
}
