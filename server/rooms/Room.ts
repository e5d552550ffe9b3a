/**
 * One loaded document of a map (map or confidential, see mapDocumentLayout.ts): its Y.Doc,
 * its awareness, its peers, the entry points for their messages (decoded by the transport,
 * see transport/wireFormat.ts) and its lifecycle (open → closing → destroyed; back to open
 * when an unload's last write fails). Each other job has a module the room calls:
 * - a peer's sync step 2 or update is checked as a whole (authorizeUpdate), applied with
 *   the peer as origin, then stored, broadcast and published by the DurableLog, which
 *   also holds back step-2 replies and other nodes' updates until what precedes is stored;
 * - awareness is relayed, never stored, each peer setting only its own client id
 *   (AwarenessRelay, PeerPresence); the audit trail is fed by the AuditRecorder;
 * - on a cluster, other nodes' batches arrive through {@link Room.applyRemoteUpdate}
 *   (LogCursor: `lastId`, holes, catch-up); the Compactor keeps the log short; MapHistory
 *   takes snapshots and versions, restores and erases.
 */
import * as Y from 'yjs'
import type * as awarenessProtocol from 'y-protocols/awareness'
import type { Logger } from 'pino'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import type { ClusterRoom, Cluster, MapChannel } from '../cluster/Cluster'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { MapStore, StoredUpdates } from '../storage/MapStore'
import type { AwarenessMessage, UpdateMessage } from '../transport/wireFormat'
import { AuditRecorder } from './AuditRecorder'
import { AwarenessRelay } from './AwarenessRelay'
import { Compactor, type CompactionLimits } from './Compactor'
import { DurableLog, type DurableLogHooks } from './DurableLog'
import { LibrarySummary } from './LibrarySummary'
import { LogCursor, REMOTE_ORIGIN } from './LogCursor'
import { MapHistory, type VersionInput } from './MapHistory'
import { PeerPresence } from './PeerPresence'
import type { RoomPeer } from './RoomPeer'
import { WriteTurn } from './WriteTurn'
import { type ApplyResult, type UpdateTarget, authorizeUpdate } from './authorizeUpdate'

/** A connected client, see RoomPeer.ts. */
export type { RoomPeer }

/**
 * Where a room is in its life: `open` to peers; `closing` while LoadedRooms unloads it
 * (flush, snapshot, compaction: no joins, and back to `open` if the flush fails);
 * `destroyed` once its doc is freed.
 */
export type RoomLifecycle = 'open' | 'closing' | 'destroyed'

/** What {@link Room.load} needs; LoadedRooms supplies it. */
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
  /** The map's other document when it is loaded on this node, else null (authorizeUpdate). */
  sibling?: () => Y.Doc | null
}

/**
 * True when applying `decoded` adds exactly its structs, all new Items, and deletes only
 * what `doc` already has: then its bytes say what its transaction changes (Yjs' own
 * encoding of it would differ only in layout). Anything else (a sync step 2's known structs,
 * GC or Skip structs, an Item deleted by the same update, whose content the doc collects)
 * is left to Yjs to encode. authorizeUpdate has refused gaps and unknown references.
 */
function addsOnlyNew(doc: Y.Doc, decoded: UpdateMessage['decoded']): boolean {
  if (decoded.structs.length === 0) return false
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) return false
    if (struct.id.clock < Y.getState(doc.store, struct.id.client)) return false
  }
  const { clients } = decoded.ds as unknown as {
    clients: Map<number, { clock: number; len: number }[]>
  }
  for (const [client, ranges] of clients) {
    const known = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) if (clock + len > known) return false
  }
  return true
}

/** A loaded map shared by its connected peers; created by LoadedRooms through {@link Room.load}. */
export class Room implements ClusterRoom {
  readonly mapId: string
  readonly document: MapDocumentName
  readonly doc: Y.Doc
  /** Presence of the peers; never stored (see AwarenessRelay). */
  readonly awareness: awarenessProtocol.Awareness
  /** Snapshots, versions, restore and erasure of this document. */
  readonly history: MapHistory

  private readonly onIdle: (room: Room) => void
  /** Each connected peer with what it owns of the awareness (see PeerPresence). */
  private readonly peers = new Map<RoomPeer, PeerPresence>()
  /** Audit changes observed since the last write, recorded after the next commit. */
  private readonly audit: AuditRecorder
  /** The library's names, count and last writer; the map document only (LibrarySummary). */
  private readonly summary: LibrarySummary | null
  private readonly presence: AwarenessRelay
  private readonly log: DurableLog
  private readonly compactor: Compactor
  private readonly cursor: LogCursor
  private readonly channel: MapChannel | null
  private readonly updateTarget: UpdateTarget
  private lifecycle: RoomLifecycle = 'open'
  /**
   * A peer's update being applied whose own bytes are what its transaction adds (see
   * {@link Room.applyUpdate}); while it is set, the first transaction of that peer is
   * stored and relayed as those bytes, and Yjs is spared encoding them again.
   */
  private incoming: { update: Uint8Array; peer: RoomPeer } | null = null
  /** Whether handleDocUpdate listens to the doc's 'update' (off for an incoming update). */
  private listening = true

  private constructor(options: RoomOptions, stored: StoredUpdates) {
    const { mapId, document, store, logger, limits } = options
    this.mapId = mapId
    this.document = document
    this.onIdle = options.onIdle
    const windowMs = limits.auditWindowMs ?? 5 * 60 * 1000
    this.audit = new AuditRecorder({ mapId, document, store, logger, windowMs })
    // gc: deleted content must really disappear, or an erased contact survives in the state.
    const doc = (this.doc = new Y.Doc({ gc: true }))
    Y.transact(doc, () => {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    // Listen only after loading, so stored updates are not written again.
    doc.on('update', this.handleDocUpdate)
    doc.on('afterTransactionCleanup', this.handleCleanup)
    this.summary = document === 'map' ? new LibrarySummary({ mapId, doc, store, logger }) : null
    this.summary?.note(null)
    doc.on('afterTransaction', this.handleTransaction)
    this.presence = new AwarenessRelay(doc, document, this.peers, () => this.channel)
    this.awareness = this.presence.awareness
    const channel = (this.channel = options.cluster?.join(this) ?? null)
    const base = { mapId, document, doc, store, logger }
    const peers = () => this.peers.keys()
    const cursor = (this.cursor = new LogCursor({
      ...base,
      lastId: stored.lastId,
      onRowsApplied: (rows, bytes) => this.compactor.count(rows, bytes),
    }))
    const compactor = (this.compactor = new Compactor({
      ...base,
      limits,
      channel,
      rows: stored.updates.length,
      bytes: stored.bytes,
      lastAppliedId: () => cursor.lastId,
      catchUp: () => cursor.catchUp(),
    }))
    const writeTurn = options.writeTurn ?? new WriteTurn()
    const metrics = options.metrics ?? null
    const log = (this.log = new DurableLog({
      ...base,
      metrics,
      writeTurn,
      channel,
      peers,
      hooks: this.logHooks,
    }))
    this.history = new MapHistory({
      ...base,
      channel,
      snapshotIntervalMs: limits.snapshotIntervalMs,
      takeVersion: options.takeVersion,
      log,
      cursor,
      compactor,
      peers,
      isOpen: () => !this.closing,
    })
    const bringsBackErased = (update: Uint8Array) => this.history.bringsBackErased(update)
    const maxUpdateDepth = limits.maxUpdateDepth ?? 8
    const sibling = options.sibling ?? (() => null)
    this.updateTarget = { doc, document, maxUpdateDepth, bringsBackErased, sibling }
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

  /** True from the start of an unload on (and once destroyed): no peer may join. */
  get closing(): boolean {
    return this.lifecycle !== 'open'
  }

  /** True once destroyed: its document must not be read any more. */
  get isDestroyed(): boolean {
    return this.lifecycle === 'destroyed'
  }

  /** LoadedRooms starts unloading the room: from here no peer may join. */
  beginClosing(): void {
    if (this.lifecycle === 'open') this.lifecycle = 'closing'
  }

  /** The unload was called off (its final write failed): peers may join again. */
  reopen(): void {
    if (this.lifecycle === 'closing') this.lifecycle = 'open'
  }

  /** Stops everything at once without writing (the map was deleted). */
  discard(): void {
    this.beginClosing()
    this.log.discardPending()
    this.destroy()
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
    this.doc.off('afterTransactionCleanup', this.handleCleanup)
    this.doc.off('afterTransaction', this.handleTransaction)
    this.summary?.stop()
    this.presence.destroy()
    this.doc.destroy()
  }

  /** Number of connected peers. */
  get peerCount(): number {
    return this.peers.size
  }

  /** The connected peers (to close them when the map is deleted). */
  peerList(): RoomPeer[] {
    return [...this.peers.keys()]
  }

  /** Adds a peer and starts its sync: our state vector, then everyone's presence. */
  addPeer(peer: RoomPeer): void {
    if (this.closing) throw new Error(`room ${this.mapId} is closing`)
    this.peers.set(peer, new PeerPresence(peer))
    // Before sync: the client removes erased contacts before it sends us what it holds.
    this.history.sendErasureRegister(peer)
    peer.sendSyncStep1(Y.encodeStateVector(this.doc))
    this.presence.sendAll(peer, false)
  }

  /** Removes a peer and its presence; unloads the room (via onIdle) when it was the last. */
  removePeer(peer: RoomPeer): void {
    const presence = this.peers.get(peer)
    if (presence === undefined) return
    this.peers.delete(peer)
    if (this.isDestroyed) return
    this.presence.remove(presence)
    if (this.peers.size === 0) this.onIdle(this)
  }

  /** Answers a peer's sync step 1 once everything in the reply is durable. */
  handleSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    const update = Y.encodeStateAsUpdate(this.doc, stateVector)
    void this.log.whenReceivedPersisted().then(() => {
      if (this.peers.has(peer)) peer.sendSyncStep2(update)
    })
  }

  /**
   * Applies a peer's sync step 2 or update when authorizeUpdate allows it; the write and
   * broadcast follow asynchronously. A refused update is not applied at all. An update that
   * only adds new items and deletes what the document had is stored and relayed as it
   * came: Yjs would encode the same change again from the transaction (its 'update'
   * event), a second encoding of every edit.
   */
  applyUpdate(peer: RoomPeer, message: UpdateMessage): ApplyResult {
    const { update, decoded } = message
    const verdict = authorizeUpdate(this.updateTarget, peer.role, update, decoded, peer.identity)
    if (!verdict.ok) return verdict
    const asItCame =
      message.type === 'update' && this.doc._transaction === null && addsOnlyNew(this.doc, decoded)
    this.incoming = asItCame ? { update, peer } : null
    try {
      Y.applyUpdate(this.doc, update, peer)
    } finally {
      this.incoming = null
      this.listen(true)
    }
    return { ok: true }
  }

  /**
   * Applies the entries of a peer's awareness update for the peer's own client id
   * (PeerPresence); the 'update' listener relays them to all peers.
   */
  applyAwarenessUpdate(peer: RoomPeer, message: AwarenessMessage): void {
    const presence = this.peers.get(peer)
    if (presence !== undefined) this.presence.apply(peer, presence, message)
  }

  /** Sets a peer's presence again after its identity was renamed (see AwarenessRelay.restamp). */
  refreshIdentity(peer: RoomPeer): void {
    const presence = this.peers.get(peer)
    if (presence !== undefined) this.presence.restamp(peer, presence)
  }

  /** Sends the full awareness state to a peer (answer to a query). */
  sendFullAwareness(peer: RoomPeer): void {
    this.presence.sendAll(peer, true)
  }

  /** Writes everything received so far; true when all of it is durable (see DurableLog). */
  flush(): Promise<boolean> {
    return this.log.flush()
  }

  /** Merges the update log into one row when it has grown past the limits. */
  compactIfNeeded(): Promise<void> {
    return this.log.chain(() => this.compactor.compact())
  }

  /** A batch another node committed (see ClusterRoom); relayed, never stored again. */
  applyRemoteUpdate(update: Uint8Array, previousId: number, lastId: number): void {
    if (this.isDestroyed) return
    this.cursor.applyRemote(update, previousId, lastId)
  }

  /** Presence of participants on other nodes (see ClusterRoom). */
  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.isDestroyed) this.presence.applyRemote(update)
  }

  /** Presence of this node's participants, for a node that just loaded the map. */
  localAwareness(): Uint8Array | null {
    return this.presence.local()
  }

  /** Reads and applies what other nodes stored since the last applied row (LogCursor). */
  catchUp(): Promise<void> {
    return this.cursor.catchUp()
  }

  /** What the room does at the fixed points of each write (see DurableLogHooks). */
  private readonly logHooks: DurableLogHooks = {
    committed: (batch, previousId, lastId) => {
      this.cursor.noteApplied(previousId, lastId)
      const bytes = batch.reduce((sum, item) => sum + item.update.byteLength, 0)
      this.compactor.count(batch.length, bytes)
      // "Last changed by" in the library names signed-in users only (a guest's name is typed).
      const signedIn = batch
        .map((item) => item.origin?.identity?.identity)
        .findLast((identity) => identity?.kind === 'user')
      this.summary?.note(signedIn?.name ?? null)
    },
    // Attribution is written after the broadcast: its own commit need not delay the peers.
    broadcast: () => this.audit.write(),
    settled: async () => {
      await this.compactor.compact()
      if (this.peers.size === 0 && !this.log.hasPending && !this.closing) this.onIdle(this)
    },
  }

  private listen(on: boolean): void {
    if (on === this.listening) return
    this.listening = on
    if (on) this.doc.on('update', this.handleDocUpdate)
    else this.doc.off('update', this.handleDocUpdate)
  }

  /**
   * Runs right before Yjs encodes a transaction for its 'update' event (only when someone
   * listens): the incoming update's own transaction is handed on as it came, unencoded;
   * any other (one its observers start, say) is encoded and handled as always.
   */
  private readonly handleCleanup = (transaction: Y.Transaction): void => {
    const incoming = this.incoming
    if (incoming !== null && transaction.origin === incoming.peer) {
      this.incoming = null
      this.listen(false)
      this.handleDocUpdate(incoming.update, incoming.peer)
    } else this.listen(true)
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Committed by another node (or read back from storage): durable, only relayed.
    if (origin === REMOTE_ORIGIN) {
      this.summary?.remoteChange()
      return this.log.relayCommitted(update)
    }
    const peer = this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null
    this.history.markChanged()
    this.log.append(update, peer)
  }

  /** Hands a peer's transaction to the audit recorder (what it changed, see AuditRecorder). */
  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    const presence = this.peers.get(transaction.origin as RoomPeer)
    if (presence === undefined) return
    this.audit.observe(transaction, () => presence.actor(this.awareness))
  }
}
