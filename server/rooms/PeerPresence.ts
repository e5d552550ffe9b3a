/**
 * Awareness ownership of one peer of a room. A peer may only set or remove the one
 * awareness client id it set a state for first, unless another peer holds that id; entries
 * for other ids are dropped (the y-websocket client echoes everyone's awareness back, so
 * they are normal, but they must not overwrite or remove anyone's state). A peer of the
 * confidential document has no awareness: only the name it gives is kept.
 *
 * The peer's name for the audit trail comes from here too: its session identity (a guest
 * session: name, kind and id, issue 18), else the name its connection gives, else the name
 * it gave on the confidential document, else its awareness `user.name`; a peer with a link
 * token only is marked a guest all the same.
 */
import type * as awarenessProtocol from 'y-protocols/awareness'
import type { Actor } from '../../shared/protocol/accessApi'
import type { AwarenessEntry } from '../transport/wireFormat'
import type { RoomPeer } from './RoomPeer'

const MAX_DISPLAY_NAME_LENGTH = 100

/** What the room knows of one peer's presence. */
export class PeerPresence {
  /** Awareness client ids this peer set (at most its own one), removed when it leaves. */
  readonly clients = new Set<number>()
  /** The awareness client id the peer announced first: the only one it may touch. */
  private awarenessId: number | null = null
  /** The name a peer of the confidential document gave (it has no awareness to read). */
  private name: string | null = null

  constructor(private readonly peer: RoomPeer) {}

  /** True when `client` is the awareness client id this peer claimed. */
  owns(client: number): boolean {
    return this.awarenessId === client
  }

  /**
   * The entries of an awareness update this peer may apply: those of its own client id,
   * claiming the first id it sets a state for that `isTaken` does not report as another's.
   */
  ownEntries(
    entries: readonly AwarenessEntry[],
    isTaken: (client: number) => boolean,
  ): AwarenessEntry[] {
    if (this.awarenessId === null) {
      const claim = entries.find((entry) => entry.state !== null && !isTaken(entry.client))
      if (claim === undefined) return []
      this.awarenessId = claim.client
    }
    return entries.filter((entry) => entry.client === this.awarenessId)
  }

  /** Keeps the name the entries give (confidential document: nothing else is kept). */
  noteName(entries: readonly AwarenessEntry[]): void {
    const entry = entries.find((each) => each.state !== null)
    if (entry !== undefined) this.name = displayNameOf(entry.state) ?? this.name
  }

  /** Notes the client ids an awareness change made by this peer added, updated or removed. */
  track(added: readonly number[], updated: readonly number[], removed: readonly number[]): void {
    for (const client of added) this.clients.add(client)
    for (const client of updated) this.clients.add(client)
    for (const client of removed) this.clients.delete(client)
  }

  /** Who the audit trail names for this peer's changes. */
  actor(awareness: awarenessProtocol.Awareness): Actor {
    const { peer } = this
    const who = peer.identity
    if (who?.fromSession === true) {
      const { name, kind, id } = who.identity
      return { name, role: peer.role, kind, id }
    }
    // A socket with a link token only is a guest of its connection: it names itself, and the
    // audit says it is a guest (no id: that one lasts only as long as the connection).
    const kind = who === undefined ? {} : { kind: who.identity.kind }
    if (peer.displayName !== undefined) return { name: peer.displayName, role: peer.role, ...kind }
    if (this.name !== null) return { name: this.name, role: peer.role, ...kind }
    const state =
      this.awarenessId === null ? undefined : awareness.getStates().get(this.awarenessId)
    const name = displayNameOf(state)
    return { name: name ?? 'Anonymous', role: peer.role, ...kind }
  }
}

/** The trimmed `user.name` of an awareness state; null when it has none. */
function displayNameOf(state: unknown): string | null {
  const user =
    typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : null
  const raw = typeof user === 'object' && user !== null ? (user as { name?: unknown }).name : null
  const name = typeof raw === 'string' ? raw.trim().slice(0, MAX_DISPLAY_NAME_LENGTH) : ''
  return name.length > 0 ? name : null
}
