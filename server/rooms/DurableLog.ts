/**
 * The durable write chain of one room: what guarantees that no peer ever sees a change that
 * is not stored. The durability, cluster and offline-resend tests guard these invariants.
 *
 * - Pending → commit → broadcast: the doc updates of one event-loop turn (across rooms, see
 *   WriteTurn) are appended to storage in ONE transaction; only after the commit is each
 *   update sent to every peer but its origin, then published to the other nodes. Batches
 *   are written one after another, in order ({@link DurableLog.chain}).
 * - A failed write keeps the batch first in line, broadcasts nothing and closes the origin
 *   peers (their clients resend on reconnect); it is retried with backoff.
 * - Waiters: a sync step-2 reply or an erasure-register frame waits until every update
 *   received before it is committed ({@link DurableLog.whenReceivedPersisted}).
 * - Gating of remote updates: a batch another node committed is durable already, but goes
 *   out only once everything received before it is stored ({@link DurableLog.relayCommitted}).
 */
import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { MapChannel } from '../cluster/Cluster'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { MapStore } from '../storage/MapStore'
import type { RoomPeer } from './RoomPeer'
import type { WriteTurn } from './WriteTurn'

/** One doc update waiting for its commit; `origin` is the peer that sent it, if any. */
export interface PendingUpdate {
  update: Uint8Array
  origin: RoomPeer | null
  seq: number
}

/** What the room does at the fixed points of a write (the order is the log's business). */
export interface DurableLogHooks {
  /** Right after the commit of rows `(previousId, lastId]`, before anything is sent. */
  committed(batch: readonly PendingUpdate[], previousId: number, lastId: number): void
  /** After the local broadcast: attribution, whose own commit need not delay the peers. */
  broadcast(): void
  /** Last step of a write, still in the chain: compaction, then perhaps unloading. */
  settled(): Promise<void>
}

/** What a {@link DurableLog} works on; the room supplies it. */
export interface DurableLogOptions {
  mapId: string
  document: MapDocumentName
  store: MapStore
  logger: Logger
  metrics: ServerMetrics | null
  /** Shared by the rooms of a server, so their writes of one turn commit together. */
  writeTurn: WriteTurn
  channel: MapChannel | null
  /** The room's connected peers, the receivers of every broadcast. */
  peers: () => Iterable<RoomPeer>
  hooks: DurableLogHooks
}

/** Batches larger than this go to the peers update by update, unmerged (broadcastBatch). */
const MERGE_BATCH_BELOW_BYTES = 64 * 1024

const RETRY_FIRST_MS = 500
const RETRY_MAX_MS = 30_000

/** A room's updates on their way from the doc to storage and then to the peers. */
export class DurableLog {
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
  private stopped = false

  constructor(private readonly options: DurableLogOptions) {}

  /** True while updates wait for their commit (or its retry). */
  get hasPending(): boolean {
    return this.pending.length > 0
  }

  /** Queues a doc update for the commit at the end of this event-loop turn. */
  append(update: Uint8Array, origin: RoomPeer | null): void {
    this.receivedSeq += 1
    this.pending.push({ update, origin, seq: this.receivedSeq })
    if (this.writeScheduled) return
    this.writeScheduled = true
    // After the I/O callbacks of this turn: their updates share one commit.
    this.options.writeTurn.schedule(() => {
      this.writeScheduled = false
      void this.enqueueWrite()
    })
  }

  /**
   * Sends an update other nodes committed (or read back from storage) to the peers. It is
   * durable, but applying it may delete content of our own peers that is not committed yet
   * (two people setting one field: the other's value wins). A client must not get that
   * deletion before the content itself: were this node to die first, the client would keep
   * a deletion of something nobody can send it, and every node would refuse its edits from
   * then on. So it goes out once everything received before it is stored, in order.
   */
  relayCommitted(update: Uint8Array): void {
    if (this.persistedSeq >= this.receivedSeq) {
      for (const peer of this.options.peers()) peer.sendUpdate(update)
      return
    }
    void this.whenReceivedPersisted().then(() => {
      if (this.stopped) return
      for (const peer of this.options.peers()) peer.sendUpdate(update)
    })
  }

  /** Resolves once every update received so far is committed. */
  whenReceivedPersisted(): Promise<void> {
    const seq = this.receivedSeq
    if (this.persistedSeq >= seq) return Promise.resolve()
    return new Promise((resolve) => this.persistWaiters.push({ seq, resolve }))
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

  /** Runs `step` after every earlier write; a bug in one step must not stall later ones. */
  chain(step: () => Promise<void>): Promise<void> {
    const run = this.writes.then(step).catch((error: unknown) => {
      this.options.logger.error({ err: error, mapId: this.options.mapId }, 'write step failed')
    })
    this.writes = run
    return run
  }

  /** Forgets what is not written yet (the map was deleted). */
  discardPending(): void {
    this.pending = []
  }

  /** The room is gone: nothing more is written, retried or relayed. */
  stop(): void {
    this.stopped = true
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private enqueueWrite(): Promise<void> {
    return this.chain(() => this.writePending())
  }

  /** One step of the write chain: commit the pending batch, then broadcast it. */
  private async writePending(): Promise<void> {
    if (this.pending.length === 0 || this.stopped) return
    const { mapId, document, store, metrics, channel, hooks } = this.options
    const batch = this.pending
    this.pending = []
    const updates = batch.map((item) => item.update)
    const started = performance.now()
    const written = await store.appendUpdates(mapId, updates, document).catch((error: unknown) => {
      this.handleWriteFailure(batch, error)
      return null
    })
    if (written === null || this.stopped) return
    metrics?.observeWrite((performance.now() - started) / 1000)
    this.retryDelay = RETRY_FIRST_MS
    hooks.committed(batch, written.previousId, written.lastId)
    this.persistedSeq = batch[batch.length - 1]?.seq ?? this.persistedSeq
    const merged = this.broadcastBatch(batch)
    this.resolvePersistWaiters()
    hooks.broadcast()
    // Durable, then local peers, then the other nodes: the same order on every node.
    if (merged !== null) channel?.publishUpdate(merged, written.previousId, written.lastId)
    await hooks.settled()
  }

  /**
   * Sends a committed batch to the local peers: one merged update, the same object for every
   * peer that wrote none of it (so the transport encodes it once), and to each writer the
   * others' updates one by one, never its own back, as the reference server relays them.
   * Merging per writer would cost each writer a merge of nearly the whole batch (quadratic
   * in a busy room's batch), while each single update's frame is encoded once for all
   * writers. A batch of large updates goes to everyone update by update: merging costs time
   * in proportion to its structs, and would hold the event loop for all of them at once.
   * The merge is only made when someone receives it. Answers the merged update when the
   * other nodes need it (a cluster), else null.
   */
  private broadcastBatch(batch: PendingUpdate[]): Uint8Array | null {
    const peers = [...this.options.peers()]
    const writers = new Set(batch.map((item) => item.origin))
    const bytes = batch.reduce((sum, item) => sum + item.update.byteLength, 0)
    const mergeWhole = batch.length === 1 || bytes <= MERGE_BATCH_BELOW_BYTES
    const readers = mergeWhole ? peers.filter((peer) => !writers.has(peer)) : []
    let merged: Uint8Array | null = null
    const wholeBatch = (): Uint8Array => {
      const [only] = batch
      if (merged === null) {
        merged =
          batch.length === 1 && only !== undefined
            ? only.update
            : Y.mergeUpdates(batch.map((item) => item.update))
      }
      return merged
    }
    for (const peer of readers) peer.sendUpdate(wholeBatch())
    for (const item of batch) {
      for (const peer of peers) {
        if (peer === item.origin) continue
        if (!mergeWhole || writers.has(peer)) peer.sendUpdate(item.update)
      }
    }
    return this.options.channel === null ? null : wholeBatch()
  }

  private handleWriteFailure(batch: PendingUpdate[], error: unknown): void {
    // Keep the batch first in line: later updates may depend on it.
    this.pending = batch.concat(this.pending)
    const origins = new Set(batch.flatMap((item) => (item.origin ? [item.origin] : [])))
    this.options.logger.error(
      {
        err: error,
        mapId: this.options.mapId,
        updates: batch.length,
        peers: [...origins].map((p) => p.id),
      },
      'could not store updates; closing their senders and retrying',
    )
    for (const peer of origins) peer.close(CloseCode.internalError, 'could not save changes')
    if (this.retryTimer !== null || this.stopped) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.enqueueWrite()
    }, this.retryDelay)
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS)
  }

  private resolvePersistWaiters(): void {
    const ready = this.persistWaiters.filter((waiter) => waiter.seq <= this.persistedSeq)
    this.persistWaiters = this.persistWaiters.filter((waiter) => waiter.seq > this.persistedSeq)
    for (const waiter of ready) waiter.resolve()
  }
}
