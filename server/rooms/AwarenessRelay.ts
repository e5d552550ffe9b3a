/**
 * A room's awareness (presence, cursors): never stored, applied and relayed to every peer
 * at once. Each peer may set only its own client id (PeerPresence); what local peers change
 * (and their leaving) is published to the other nodes, whose presence arrives through
 * {@link AwarenessRelay.applyRemote}. Every state a peer sets carries the peer's
 * server-known identity in its `user` field (stampAwarenessUser), so no one can show up
 * under another's id or session name. The confidential document relays no awareness at all:
 * only the name a peer gives is kept, to attribute its changes.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { MapChannel } from '../cluster/Cluster'
import {
  type AwarenessEntry,
  type AwarenessMessage,
  writeAwarenessUpdate,
} from '../transport/wireFormat'
import { REMOTE_ORIGIN } from './LogCursor'
import type { PeerPresence } from './PeerPresence'
import type { RoomPeer } from './RoomPeer'
import { stampAwarenessUser } from './stampAwarenessUser'

/** The awareness of one room and the rules for relaying it. */
export class AwarenessRelay {
  readonly awareness: awarenessProtocol.Awareness
  private readonly relays: boolean

  constructor(
    doc: Y.Doc,
    document: MapDocumentName,
    /** The room's peers with their presence. */
    private readonly peers: ReadonlyMap<RoomPeer, PeerPresence>,
    private readonly channel: () => MapChannel | null,
  ) {
    this.relays = document === 'map'
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant: it has no cursor or presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleUpdate)
  }

  /** Sends a peer everyone's presence (on join, and as the answer to a query). */
  sendAll(peer: RoomPeer, always: boolean): void {
    if (!this.relays) return
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0 || always) {
      peer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
    }
  }

  /** Applies the entries of a peer's awareness update for its own client id. */
  apply(peer: RoomPeer, presence: PeerPresence, message: AwarenessMessage): void {
    if (!this.relays) return presence.noteName(message.entries)
    const { entries } = message
    const own = presence.ownEntries(entries, (client) => this.isOwned(client))
    if (own.length === 0) return
    const who = peer.identity
    const stamped = who === undefined ? own : own.map((entry) => stampAwarenessUser(entry, who))
    const unchanged = who === undefined && own.length === entries.length
    const filtered = unchanged ? message.update : writeAwarenessUpdate(stamped)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, peer)
  }

  /**
   * Sets a peer's presence again with its identity as it is now (after a rename), one clock
   * tick on, so every peer (the renamed one too) takes the new name.
   */
  restamp(peer: RoomPeer, presence: PeerPresence): void {
    const who = peer.identity
    if (!this.relays || who === undefined) return
    const entries: AwarenessEntry[] = []
    for (const client of presence.clients) {
      const state: unknown = this.awareness.getStates().get(client)
      const clock = this.awareness.meta.get(client)?.clock
      if (state === undefined || clock === undefined) continue
      entries.push(
        stampAwarenessUser({ client, clock: clock + 1, json: JSON.stringify(state), state }, who),
      )
    }
    if (entries.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessUpdate(entries), peer)
  }

  /** Removes the presence of a peer that left. */
  remove(presence: PeerPresence): void {
    if (presence.clients.size === 0) return
    awarenessProtocol.removeAwarenessStates(this.awareness, [...presence.clients], null)
  }

  /** Applies presence of participants on other nodes. */
  applyRemote(update: Uint8Array): void {
    if (this.relays) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  /** Presence of this node's participants, for a node that just loaded the map; null: none. */
  local(): Uint8Array | null {
    if (!this.relays) return null
    const clients = [...this.peers.values()].flatMap((presence) => [...presence.clients])
    if (clients.length === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
  }

  /** Stops relaying and frees the awareness (the room is destroyed). */
  destroy(): void {
    this.awareness.off('update', this.handleUpdate)
    this.awareness.destroy()
  }

  private isOwned(client: number): boolean {
    for (const presence of this.peers.values()) if (presence.owns(client)) return true
    return false
  }

  private readonly handleUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const presence = this.peers.get(origin as RoomPeer)
    presence?.track(added, updated, removed)
    const changed = [...added, ...updated, ...removed]
    const message = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    for (const peer of this.peers.keys()) peer.sendAwareness(message)
    // Local participants' presence (null: a peer left) goes to the other nodes; remote and
    // timed-out entries are each node's own business.
    if (presence !== undefined || origin === null) this.channel()?.publishAwareness(message)
  }
}
