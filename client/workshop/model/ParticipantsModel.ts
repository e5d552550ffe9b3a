/**
 * Who is in the session, from Yjs awareness: everyone connected, and those seen earlier in
 * this page's life who have left (shown as disconnected). Each client publishes its
 * participant info under the awareness field `user` (PresenceBinding.ts); the server
 * overwrites its id and name with who it knows the peer as and adds `kind` (guest or user,
 * issue 18); what a peer put there is checked before it is shown. Whom each one follows
 * comes from their tldraw presence record, so a facilitator asking everyone to follow them
 * sees who does and who moved away (issue 19). When they were last active is the server-clock
 * time they publish (`activeAt`, PresenceBinding.ts), so a laptop clock minutes behind does
 * not make them idle to the others.
 */
import { type Signal, atom } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { isRole } from '../../../shared/protocol/roles'
import {
  ACTIVITY_FIELD,
  PRESENCE_FIELD,
  type ParticipantInfo,
  USER_FIELD,
} from '../../sync/PresenceBinding'
import { ANONYMOUS_NAME } from '../../user/displayName'

/** A participant as the participants list shows them. */
export interface Participant extends ParticipantInfo {
  /** A guest (no account) or a signed-in user, as the server says; null when it did not. */
  kind: 'guest' | 'user' | null
  connected: boolean
  /** Server-clock time of their last pointer or keyboard activity, or of their joining. */
  lastActivity: number
  /** True for this browser. */
  self: boolean
  /** The participant id (no `user:` prefix) of whom their view follows; null: nobody. */
  following: string | null
}

/** A participant id as the workshop keys it, from a tldraw presence user id. */
export function participantIdOf(presenceUserId: string): string {
  return presenceUserId.startsWith('user:') ? presenceUserId.slice('user:'.length) : presenceUserId
}

/** The participants seen in this session, connected ones first. */
export class ParticipantsModel {
  private readonly list = atom<Participant[]>('participants', [])
  private readonly lastSeen = new Map<string, Participant>()

  constructor(
    private readonly awareness: Awareness | null,
    /** The server's clock. */
    private readonly now: () => number,
  ) {
    awareness?.on('change', this.onAwareness)
    this.onAwareness()
  }

  /** Everyone seen, connected first, then by name. */
  get all(): Signal<Participant[]> {
    return this.list
  }

  private onAwareness = () => {
    if (!this.awareness) return
    const connected = new Set<string>()
    for (const [clientId, state] of this.awareness.getStates()) {
      const info = state[USER_FIELD] as (Partial<ParticipantInfo> & { kind?: unknown }) | undefined
      const presence = state[PRESENCE_FIELD] as { followingUserId?: unknown } | undefined
      if (!info || typeof info.userId !== 'string') continue
      const activeAt = state[ACTIVITY_FIELD]
      const earlier = this.lastSeen.get(info.userId)
      // A client that publishes no time (an older one) counts as active from when it came.
      const lastActivity =
        typeof activeAt === 'number' && Number.isFinite(activeAt)
          ? activeAt
          : earlier?.connected
            ? earlier.lastActivity
            : this.now()
      connected.add(info.userId)
      this.lastSeen.set(info.userId, {
        userId: info.userId,
        name: typeof info.name === 'string' ? info.name : ANONYMOUS_NAME,
        color: typeof info.color === 'string' ? info.color : '#888888',
        // A role no screen can name is left out rather than shown raw.
        role: isRole(info.role) ? info.role : '',
        place: info.place === 'room' || info.place === 'remote' ? info.place : null,
        kind: info.kind === 'guest' || info.kind === 'user' ? info.kind : null,
        connected: true,
        lastActivity,
        self: clientId === this.awareness.clientID,
        following:
          typeof presence?.followingUserId === 'string'
            ? participantIdOf(presence.followingUserId)
            : null,
      })
    }
    for (const [userId, participant] of this.lastSeen) {
      if (!connected.has(userId) && participant.connected) {
        this.lastSeen.set(userId, { ...participant, connected: false })
      }
    }
    this.list.set(
      [...this.lastSeen.values()].sort(
        (a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name),
      ),
    )
  }

  dispose() {
    this.awareness?.off('change', this.onAwareness)
  }
}
