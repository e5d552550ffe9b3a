/**
 * One loaded map: its Y.Doc, its awareness and the peers connected to it.
 *
 * Message flow and durability:
 * - A peer's sync step 2 or update is applied to the doc with the peer as origin. The doc's
 *   'update' events of one event-loop turn are collected and appended to storage in ONE
 *   transaction; only after the commit is each update sent to every peer but its origin.
 * - A peer's sync step 1 is answered with step 2 computed at once, but sent only when every
 *   update the doc held at that moment is committed, so no client sees unsaved data.
 * - If a write fails the batch stays queued (retried with backoff), nothing is broadcast and
 *   the origin peers are closed; their clients resend on reconnect. The room stays alive.
 * - Awareness is not stored: updates are applied and relayed to all peers at once.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Logger } from 'pino'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { MapStore, StoredUpdates } from '../storage/MapStore'

/** The room's view of one connected client; the transport implements it on a socket. */
export interface RoomPeer {
  /** Short id for log lines. */
  readonly id: string
  sendSyncStep1(stateVector: Uint8Array): void
  sendSyncStep2(update: Uint8Array): void
  sendUpdate(update: Uint8Array): void
  sendAwareness(update: Uint8Array): void
  /** Closes the peer's connection; the transport then calls {@link Room.removePeer}. */
  close(code: number, reason: string): void
}

/** Thresholds after which the update log is merged into one row. */
export interface CompactionLimits {
  compactAfterUpdates: number
  compactAfterBytes: number
}

interface RoomOptions {
  mapId: string
  store: MapStore
  logger: Logger
  limits: CompactionLimits
  /** Called when the room has no peers and nothing left to write: time to unload. */
  onIdle: (room: Room) => void
}

interface PendingUpdate {
  update: Uint8Array
  origin: RoomPeer | null
  seq: number
}

const RETRY_FIRST_MS = 500
const RETRY_MAX_MS = 30_000

/** A loaded map shared by its connected peers; created by the registry through {@link Room.load}. */
export class Room {
  readonly mapId: string
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Set while the registry unloads the room; no peer may join then. */
  closing = false

  private readonly store: MapStore
  private readonly logger: Logger
  private readonly limits: CompactionLimits
  private readonly onIdle: (room: Room) => void
  /** Each peer with the awareness client ids it controls (removed when it leaves). */
  private readonly peers = new Map<RoomPeer, Set<number>>()
  private pending: PendingUpdate[] = []
  /** Tail of the serial write chain: batches are written one after another, in order. */
  private writes: Promise<void> = Promise.resolve()
  private writeScheduled = false
  private retryTimer: NodeJS.Timeout | null = null
  private retryDelay = RETRY_FIRST_MS
  /** Sequence numbers of doc updates received and committed, for step-2 replies. */
  private receivedSeq = 0
  private persistedSeq = 0
  private persistWaiters: { seq: number; resolve: () => void }[] = []
  private logRows: number
  private logBytes: number
  private lastId: number
  private destroyed = false

  private constructor(options: RoomOptions, stored: StoredUpdates) {
    this.mapId = options.mapId
    this.store = options.store
    this.logger = options.logger
    this.limits = options.limits
    this.onIdle = options.onIdle
    this.logRows = stored.updates.length
    this.logBytes = stored.bytes
    this.lastId = stored.lastId
    this.doc = new Y.Doc()
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    })
    // Listen only after loading, so stored updates are not written again.
    this.doc.on('update', this.handleDocUpdate)
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it has no cursor or presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  /** Loads a map's document from storage; null when the map does not exist. */
  static async load(options: RoomOptions): Promise<Room | null> {
    const map = await options.store.getMap(options.mapId)
    if (map === null) return null
    const stored = await options.store.loadUpdates(options.mapId)
    return new Room(options, stored)
  }

  /** Number of connected peers. */
  get peerCount(): number {
    return this.peers.size
  }

  /** Adds a peer and starts its sync: our state vector, then everyone's presence. */
  addPeer(peer: RoomPeer): void {
    if (this.closing || this.destroyed) throw new Error(`room ${this.mapId} is closing`)
    this.peers.set(peer, new Set())
    peer.sendSyncStep1(Y.encodeStateVector(this.doc))
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0) {
      peer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
    }
  }

  /** Removes a peer and its presence; unloads the room (via onIdle) when it was the last. */
  removePeer(peer: RoomPeer): void {
    const clients = this.peers.get(peer)
    if (clients === undefined) return
    this.peers.delete(peer)
    if (clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null)
    }
    if (this.peers.size === 0) this.onIdle(this)
  }

  /** Answers a peer's sync step 1 once everything in the reply is durable. */
  handleSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    const update = Y.encodeStateAsUpdate(this.doc, stateVector)
    void this.whenPersisted(this.receivedSeq).then(() => {
      if (this.peers.has(peer)) peer.sendSyncStep2(update)
    })
  }

  /** Applies a peer's sync step 2 or update; the write and broadcast follow asynchronously. */
  applyUpdate(peer: RoomPeer, update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, peer)
  }

  /** Applies a peer's awareness update; it is relayed to all peers by the 'update' listener. */
  applyAwarenessUpdate(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer)
  }

  /** Sends the full awareness state to a peer (answer to a query). */
  sendFullAwareness(peer: RoomPeer): void {
    const clients = [...this.awareness.getStates().keys()]
    peer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
  }

  /**
   * Writes everything received so far and waits for it (one attempt for a failed batch).
   * Resolves true when all of it is durable.
   */
  async flush(): Promise<boolean> {
    const target = this.receivedSeq
    await this.enqueueWrite()
    return this.persistedSeq >= target
  }

  /** Merges the update log into one row when it has grown past the limits. */
  compactIfNeeded(): Promise<void> {
    return this.chain(() => this.compactNow())
  }

  /** Stops timers and frees the document; the room must not be used afterwards. */
  destroy(): void {
    this.destroyed = true
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.doc.off('update', this.handleDocUpdate)
    this.awareness.off('update', this.handleAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const peer = this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null
    this.receivedSeq += 1
    this.pending.push({ update, origin: peer, seq: this.receivedSeq })
    if (this.writeScheduled) return
    this.writeScheduled = true
    // setImmediate runs after the I/O callbacks of this turn: their updates share one commit.
    setImmediate(() => {
      this.writeScheduled = false
      void this.enqueueWrite()
    })
  }

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as RoomPeer)
    if (controlled !== undefined) {
      for (const client of added) controlled.add(client)
      for (const client of updated) controlled.add(client)
      for (const client of removed) controlled.delete(client)
    }
    const changed = [...added, ...updated, ...removed]
    const message = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    for (const peer of this.peers.keys()) peer.sendAwareness(message)
  }

  private enqueueWrite(): Promise<void> {
    return this.chain(() => this.writePending())
  }

  /** Runs `step` after every earlier write; a bug in one step must not stall later ones. */
  private chain(step: () => Promise<void>): Promise<void> {
    const run = this.writes.then(step).catch((error: unknown) => {
      this.logger.error({ err: error, mapId: this.mapId }, 'write step failed')
    })
    this.writes = run
    return run
  }

  /** One step of the write chain: commit the pending batch, then broadcast it. */
  private async writePending(): Promise<void> {
    if (this.pending.length === 0 || this.destroyed) return
    const batch = this.pending
    this.pending = []
    const updates = batch.map((item) => item.update)
    const written = await this.store.appendUpdates(this.mapId, updates).catch((error: unknown) => {
      this.handleWriteFailure(batch, error)
      return null
    })
    if (written === null) return
    this.retryDelay = RETRY_FIRST_MS
    this.lastId = written.lastId
    this.logRows += batch.length
    for (const item of batch) this.logBytes += item.update.byteLength
    this.persistedSeq = batch[batch.length - 1]?.seq ?? this.persistedSeq
    for (const item of batch) {
      for (const peer of this.peers.keys()) {
        if (peer !== item.origin) peer.sendUpdate(item.update)
      }
    }
    this.resolvePersistWaiters()
    await this.compactNow()
    if (this.peers.size === 0 && this.pending.length === 0 && !this.closing) this.onIdle(this)
  }

  private handleWriteFailure(batch: PendingUpdate[], error: unknown): void {
    // Keep the batch first in line: later updates may depend on it.
    this.pending = batch.concat(this.pending)
    const origins = new Set(batch.flatMap((item) => (item.origin ? [item.origin] : [])))
    this.logger.error(
      {
        err: error,
        mapId: this.mapId,
        updates: batch.length,
        peers: [...origins].map((p) => p.id),
      },
      'could not store updates; closing their senders and retrying',
    )
    for (const peer of origins) peer.close(CloseCode.internalError, 'could not save changes')
    if (this.retryTimer !== null || this.destroyed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.enqueueWrite()
    }, this.retryDelay)
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS)
  }

  private async compactNow(): Promise<void> {
    const { compactAfterUpdates, compactAfterBytes } = this.limits
    if (this.logRows <= 1) return
    if (this.logRows <= compactAfterUpdates && this.logBytes <= compactAfterBytes) return
    // The doc holds every committed row (and maybe newer, uncommitted updates: merging
    // them in early is harmless, Yjs updates are idempotent).
    const merged = Y.encodeStateAsUpdate(this.doc)
    try {
      await this.store.compact(this.mapId, merged, this.lastId)
      this.logger.debug(
        { mapId: this.mapId, rows: this.logRows, bytes: this.logBytes, merged: merged.byteLength },
        'compacted update log',
      )
      this.logRows = 1
      this.logBytes = merged.byteLength
    } catch (error) {
      // Nothing is lost: the log is intact, only longer than we would like.
      this.logger.error({ err: error, mapId: this.mapId }, 'could not compact update log')
    }
  }

  private whenPersisted(seq: number): Promise<void> {
    if (this.persistedSeq >= seq) return Promise.resolve()
    return new Promise((resolve) => this.persistWaiters.push({ seq, resolve }))
  }

  private resolvePersistWaiters(): void {
    const ready = this.persistWaiters.filter((waiter) => waiter.seq <= this.persistedSeq)
    this.persistWaiters = this.persistWaiters.filter((waiter) => waiter.seq > this.persistedSeq)
    for (const waiter of ready) waiter.resolve()
  }
}
