/**
 * How the participants list shows someone: active, idle (no pointer or key for a while) or
 * disconnected. Nobody is idle to themselves (issue 19): they are the one looking, and their
 * own presence record only changes when tldraw publishes it.
 */
import type { Participant } from './model/ParticipantsModel'

/** Someone who has not moved or typed for this long shows as idle. */
export const IDLE_AFTER_MS = 2 * 60_000

/** A participant's state in the list. */
export type ParticipantStatus = 'active' | 'idle' | 'disconnected'

/** `participant`'s state at `now` (local clock). */
export function participantStatus(
  participant: Pick<Participant, 'connected' | 'self' | 'lastActivity'>,
  now: number,
): ParticipantStatus {
  if (!participant.connected) return 'disconnected'
  if (!participant.self && now - participant.lastActivity > IDLE_AFTER_MS) return 'idle'
  return 'active'
}
