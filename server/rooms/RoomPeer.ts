/**
 * The room's view of one connected client. The transport implements it on a socket
 * (Connection); HTTP actions implement it as a server-side peer (createActionPeer).
 */
import type { Role } from '../../shared/protocol/roles'
import type { ConnectionIdentity } from '../transport/authorize'

/** One client of a room: what it may do, and how the room sends it frames. */
export interface RoomPeer {
  /** Short id for log lines. */
  readonly id: string
  /** What the peer may change (checked by the room on every update). */
  readonly role: Role
  /** Name for the audit trail; peers without one are named by their awareness `user.name`. */
  readonly displayName?: string
  /**
   * Who is behind the peer, as the server knows it (issue 18); sockets have one, server-side
   * action peers none. The room writes it into the peer's awareness `user` field and checks
   * the peer's raised hands, votes and scores against it.
   */
  readonly identity?: ConnectionIdentity
  sendSyncStep1(stateVector: Uint8Array): void
  sendSyncStep2(update: Uint8Array): void
  sendUpdate(update: Uint8Array): void
  sendAwareness(update: Uint8Array): void
  /**
   * Sends the erasure register frame (erasureRegisterMessage.ts); only connections to a
   * confidential document have it.
   */
  sendErasureRegister?(frame: Uint8Array): void
  /** Closes the peer's connection; the transport then calls `Room.removePeer`. */
  close(code: number, reason: string): void
}
