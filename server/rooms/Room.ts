/**
 * One loaded document of a map (its map document or its confidential document, see
 * mapDocumentLayout.ts): its Y.Doc, its awareness and the peers connected to it.
 *
 * Message flow and durability:
 * - A peer's sync step 2 or update is applied to the doc with the peer as origin. The doc's
 *   'update' events of one event-loop turn are collected and appended to storage in ONE
 *   transaction; only after the commit is each update sent to every peer but its origin.
 * - A peer's sync step 1 is answered with step 2 computed at once, but sent only when every
 *   update the doc held at that moment is committed, so no client sees unsaved data.
 * - If a write fails the batch stays queued (retried with backoff), nothing is broadcast and
 *   the origin peers are closed; their clients resend on reconnect. The room stays alive.
 * - Before an update is applied, the roots it touches are worked out (rootsTouchedByUpdate):
 *   updates creating roots the document does not have, touching `facilitation` without the
 *   role for it, adding live content to the map document's legacy `contacts` root
 *   (addsLiveContentUnder), or referring to content the room does not know are refused as a
 *   whole, and so are updates putting anything where the document's shape does not allow
 *   it, or nesting shared types deeper than `maxUpdateDepth` (checkUpdateShape). The
 *   confidential document takes updates only from roles that may read it.
 * - Awareness of the map document is not stored: updates are applied and relayed to all
 *   peers at once. A peer may only set or remove the one awareness client id it set a
 *   state for first. The confidential document has no awareness: nothing a peer sends is
 *   applied or relayed; only the name it gives is kept, to attribute its changes.
 * - Each transaction of a peer on stakeholders (or on the confidential document) is
 *   recorded in the audit trail by the room's AuditRecorder (values of scores and
 *   classifications, "changed" for text; the confidential document's as the one field
 *   `confidential`). A changed map is snapshotted every `snapshotIntervalMs` and when
 *   its last peer leaves (the registry calls MapHistory.createAutomaticVersion); a
 *   version holds both documents, assembled by the `takeVersion` hook.
 * - With a cluster (several nodes, server/cluster), a committed batch is published after the
 *   local broadcast; batches other nodes committed arrive through
 *   {@link Room.applyRemoteUpdate} and are only broadcast (they are stored already), after
 *   every update received before them is committed here (see handleDocUpdate). The
 *   room knows up to which row id it has applied the map's log without a hole (`lastId`)
 *   and reads the rest from the database ({@link Room.catchUp}) when a hole stays open.
 *   Compaction and automatic snapshots run on one node at a time.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Logger } from 'pino'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import type { ClusterRoom, Cluster, MapChannel } from '../cluster/Cluster'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { MapStore, StoredUpdates } from '../storage/MapStore'
import { AuditRecorder, CONFIDENTIAL_AUDIT_FIELD } from './AuditRecorder'
import { WriteTurn } from './WriteTurn'
import { DurableLog } from './DurableLog'
import type { RoomPeer } from './RoomPeer'
import { Compactor, type CompactionLimits } from './Compactor'
import { LogCursor, REMOTE_ORIGIN } from './LogCursor'
import {
  type AwarenessMessage,
  type UpdateMessage,
  writeAwarenessUpdate,
} from '../transport/wireFormat'
import { PeerPresence } from './PeerPresence'
import { type ApplyResult, type UpdateTarget, authorizeUpdate } from './authorizeUpdate'
import { MapHistory, SERVER_PARTICIPANT, type VersionInput } from './MapHistory'

/** Compaction and history settings, see Compactor. */
export type { CompactionLimits }
/** A connected client, see RoomPeer.ts. */
export type { RoomPeer }

/** Result of {@link Room.applyUpdate}, see authorizeUpdate. */
export type { ApplyResult }

/** The author of the server's automatic snapshots, see MapHistory. */
export { SERVER_PARTICIPANT }
/** What a version is made of besides the documents' states, see MapHistory. */
export type { VersionInput }

/** The field name under which changes of the confidential document are audited. */
export { CONFIDENTIAL_AUDIT_FIELD }

/**
 * Where a room is in its life: `open` to peers; `closing` while the registry unloads it
 * (flush, snapshot, compaction: no joins, and back to `open` if the flush fails);
 * `destroyed` once its doc is freed.
 */
export type RoomLifecycle = 'open' | 'closing' | 'destroyed'

/** What {@link Room.load} needs; the registry supplies it. */
export interface RoomOptions {
  mapId: string
  /** Which of the map's documents this room holds. */
  document: MapDocumentName
  store: MapStore
  logger: Logger
  limits: CompactionLimits
  /** Called when the room has no peers and nothing left to write: time to unload. */
  onIdle: (room: Room) => void
  metrics?: ServerMetrics
  /** The other nodes serving maps; absent on a single node. */
  cluster?: Cluster
  /** Shared by the rooms of a server, so their writes of one turn commit together. */
  writeTurn?: WriteTurn
  /** Stores a version of the whole map (both documents' current states). */
  takeVersion: (input: VersionInput) => Promise<VersionSummary>
}

/** A loaded map shared by its connected peers; created by the registry through {@link Room.load}. */
export class Room implements ClusterRoom {
  readonly mapId: string
  readonly document: MapDocumentName
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Snapshots, versions, restore and erasure of this document. */
  readonly history: MapHistory

  private readonly store: MapStore
  private readonly logger: Logger
  private readonly limits: CompactionLimits
  private readonly onIdle: (room: Room) => void
  /** Each connected peer with what it owns of the awareness (see PeerPresence). */
  private readonly peers = new Map<RoomPeer, PeerPresence>()
  private readonly metrics: ServerMetrics | null
  /** Audit changes observed since the last write, recorded after the next commit. */
  private readonly audit: AuditRecorder
  private readonly log: DurableLog
  private readonly compactor: Compactor
  private readonly cursor: LogCursor
  private readonly channel: MapChannel | null
  private readonly updateTarget: UpdateTarget
  private lifecycle: RoomLifecycle = 'open'

  private constructor(options: RoomOptions, stored: StoredUpdates) {
    this.mapId = options.mapId
    this.document = options.document
    this.store = options.store
    this.logger = options.logger
    this.limits = options.limits
    this.onIdle = options.onIdle
    this.metrics = options.metrics ?? null
    this.audit = new AuditRecorder({
      mapId: options.mapId,
      document: options.document,
      store: options.store,
      logger: options.logger,
      windowMs: options.limits.auditWindowMs ?? 5 * 60 * 1000,
    })
    // gc: deleted content must really disappear, or an erased contact survives in the state.
    this.doc = new Y.Doc({ gc: true })
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    })
    // Listen only after loading, so stored updates are not written again.
    this.doc.on('update', this.handleDocUpdate)
    this.doc.on('afterTransaction', this.handleTransaction)
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it has no cursor or presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleAwarenessUpdate)
    this.channel = options.cluster?.join(this) ?? null
    this.cursor = new LogCursor({
      mapId: this.mapId,
      document: this.document,
      doc: this.doc,
      store: this.store,
      logger: this.logger,
      lastId: stored.lastId,
      onRowsApplied: (rows, bytes) => this.compactor.count(rows, bytes),
    })
    this.compactor = new Compactor({
      mapId: this.mapId,
      document: this.document,
      doc: this.doc,
      store: this.store,
      logger: this.logger,
      limits: this.limits,
      channel: this.channel,
      rows: stored.updates.length,
      bytes: stored.bytes,
      lastAppliedId: () => this.cursor.lastId,
      catchUp: () => this.cursor.catchUp(),
    })
    this.log = new DurableLog({
      mapId: this.mapId,
      document: this.document,
      store: this.store,
      logger: this.logger,
      metrics: this.metrics,
      writeTurn: options.writeTurn ?? new WriteTurn(),
      channel: this.channel,
      peers: () => this.peers.keys(),
      hooks: {
        committed: (batch, previousId, lastId) => {
          this.cursor.noteApplied(previousId, lastId)
          const bytes = batch.reduce((sum, item) => sum + item.update.byteLength, 0)
          this.compactor.count(batch.length, bytes)
        },
        // Attribution is written after the broadcast: its own commit need not delay the peers.
        broadcast: () => this.audit.write(),
        settled: async () => {
          await this.compactor.compact()
          if (this.peers.size === 0 && !this.log.hasPending && !this.closing) this.onIdle(this)
        },
      },
    })
    this.history = new MapHistory({
      mapId: this.mapId,
      document: this.document,
      doc: this.doc,
      logger: this.logger,
      channel: this.channel,
      snapshotIntervalMs: this.limits.snapshotIntervalMs,
      takeVersion: options.takeVersion,
      log: this.log,
      cursor: this.cursor,
      compactor: this.compactor,
      peers: () => this.peers.keys(),
      isOpen: () => !this.closing,
    })
    this.updateTarget = {
      doc: this.doc,
      document: this.document,
      maxUpdateDepth: this.limits.maxUpdateDepth ?? 8,
      bringsBackErased: (update) => this.history.bringsBackErased(update),
    }
  }

  /** Loads one of a map's documents from storage; null when the map does not exist. */
  static async load(options: RoomOptions): Promise<Room | null> {
    const map = await options.store.getMap(options.mapId)
    if (map === null) return null
    const stored = await options.store.loadUpdates(options.mapId, options.document)
    return new Room(options, stored)
  }

  /** Where the room is in its life (see {@link RoomLifecycle}). */
  get state(): RoomLifecycle {
    return this.lifecycle
  }

  /** True from the start of an unload on (and once destroyed): no peer may join then. */
  get closing(): boolean {
    return this.lifecycle !== 'open'
  }

  /** True once destroyed: its document must not be read any more. */
  get isDestroyed(): boolean {
    return this.lifecycle === 'destroyed'
  }

  /** The registry starts unloading the room: from here no peer may join. */
  beginClosing(): void {
    if (this.lifecycle === 'open') this.lifecycle = 'closing'
  }

  /** The unload was called off (its final write failed): peers may join again. */
  reopen(): void {
    if (this.lifecycle === 'closing') this.lifecycle = 'open'
  }

  /** The confidential document relays no awareness (see the module comment). */
  private get relaysAwareness(): boolean {
    return this.document === 'map'
  }

  /** Number of connected peers. */
  get peerCount(): number {
    return this.peers.size
  }

  /** Adds a peer and starts its sync: our state vector, then everyone's presence. */
  addPeer(peer: RoomPeer): void {
    if (this.closing) throw new Error(`room ${this.mapId} is closing`)
    this.peers.set(peer, new PeerPresence(peer))
    // Before sync: the client removes erased contacts before it sends us what it holds.
    this.history.sendErasureRegister(peer)
    peer.sendSyncStep1(Y.encodeStateVector(this.doc))
    if (!this.relaysAwareness) return
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0) {
      peer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
    }
  }

  /** Removes a peer and its presence; unloads the room (via onIdle) when it was the last. */
  removePeer(peer: RoomPeer): void {
    const state = this.peers.get(peer)
    if (state === undefined) return
    this.peers.delete(peer)
    if (this.isDestroyed) return
    if (state.clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...state.clients], null)
    }
    if (this.peers.size === 0) this.onIdle(this)
  }

  /** The connected peers (to close them when the map is deleted). */
  peerList(): RoomPeer[] {
    return [...this.peers.keys()]
  }

  /** Answers a peer's sync step 1 once everything in the reply is durable. */
  handleSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    const update = Y.encodeStateAsUpdate(this.doc, stateVector)
    void this.log.whenReceivedPersisted().then(() => {
      if (this.peers.has(peer)) peer.sendSyncStep2(update)
    })
  }

  /**
   * Applies a peer's sync step 2 or update when authorizeUpdate allows it (as the transport
   * decoded it already); the write and broadcast follow asynchronously. A refused update
   * is not applied at all.
   */
  applyUpdate(peer: RoomPeer, message: UpdateMessage): ApplyResult {
    const verdict = authorizeUpdate(this.updateTarget, peer.role, message.update, message.decoded)
    if (!verdict.ok) return verdict
    Y.applyUpdate(this.doc, message.update, peer)
    return { ok: true }
  }

  /**
   * Applies the entries of a peer's awareness update that concern the peer's own client id
   * (PeerPresence); they are relayed to all peers by the 'update' listener.
   */
  applyAwarenessUpdate(peer: RoomPeer, message: AwarenessMessage): void {
    const presence = this.peers.get(peer)
    if (presence === undefined) return
    if (!this.relaysAwareness) return presence.noteName(message.entries)
    const own = presence.ownEntries(message.entries, (client) => this.isAwarenessOwned(client))
    if (own.length === 0) return
    const filtered =
      own.length === message.entries.length ? message.update : writeAwarenessUpdate(own)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, peer)
  }

  /** Stops everything at once without writing (the map was deleted). */
  discard(): void {
    this.beginClosing()
    this.log.discardPending()
    this.destroy()
  }

  /** Sends the full awareness state to a peer (answer to a query). */
  sendFullAwareness(peer: RoomPeer): void {
    if (!this.relaysAwareness) return
    const clients = [...this.awareness.getStates().keys()]
    peer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
  }

  /**
   * Writes everything received so far and waits for it (one attempt for a failed batch).
   * Resolves true when all of it is durable.
   */
  flush(): Promise<boolean> {
    return this.log.flush()
  }

  /** Merges the update log into one row when it has grown past the limits. */
  compactIfNeeded(): Promise<void> {
    return this.log.chain(() => this.compactor.compact())
  }

  applyRemoteUpdate(update: Uint8Array, previousId: number, lastId: number): void {
    if (this.isDestroyed) return
    this.cursor.applyRemote(update, previousId, lastId)
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (this.isDestroyed || !this.relaysAwareness) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  localAwareness(): Uint8Array | null {
    if (!this.relaysAwareness) return null
    const clients = [...this.peers.values()].flatMap((state) => [...state.clients])
    if (clients.length === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
  }

  /** Reads and applies what other nodes stored since the last applied row (LogCursor). */
  catchUp(): Promise<void> {
    return this.cursor.catchUp()
  }

  /** Stops timers and frees the document; the room must not be used afterwards. */
  destroy(): void {
    this.lifecycle = 'destroyed'
    this.compactor.stop()
    this.channel?.leave()
    this.cursor.stop()
    this.history.stop()
    this.log.stop()
    this.doc.off('update', this.handleDocUpdate)
    this.doc.off('afterTransaction', this.handleTransaction)
    this.awareness.off('update', this.handleAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Committed by another node (or read back from storage): durable, only relayed.
    if (origin === REMOTE_ORIGIN) return this.log.relayCommitted(update)
    const peer = this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null
    this.history.markChanged()
    this.log.append(update, peer)
  }

  private readonly handleAwarenessUpdate = (
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
    if (presence !== undefined || origin === null) this.channel?.publishAwareness(message)
  }

  private isAwarenessOwned(client: number): boolean {
    for (const presence of this.peers.values()) if (presence.owns(client)) return true
    return false
  }

  /** Hands a peer's transaction to the audit recorder (what it changed, see AuditRecorder). */
  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    const presence = this.peers.get(transaction.origin as RoomPeer)
    if (presence === undefined) return
    this.audit.observe(transaction, presence.participant(this.awareness))
  }
}
