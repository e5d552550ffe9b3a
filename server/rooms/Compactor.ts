/**
 * Keeps one document's update log short. It counts what the log grew by (the room's own
 * commits, other nodes' batches, rows read on catch-up) and, once that is over the limits,
 * replaces every row up to the room's last applied one (LogCursor's `lastId`) by a single
 * merged update of the doc.
 *
 * On a cluster only one node compacts a map at a time (`runExclusive`), after reading what
 * the others stored. A forced merge (after an erasure) runs regardless: every merge covers
 * its `uptoId`, and a later, smaller merge deletes nothing. A failed merge loses nothing:
 * the log stays intact, only longer.
 */
import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { MapChannel } from '../cluster/Cluster'
import type { MapStore } from '../storage/MapStore'

/** Thresholds after which the update log is merged into one row, and history settings. */
export interface CompactionLimits {
  compactAfterUpdates: number
  compactAfterBytes: number
  /** Snapshot a changed map this often while loaded; default one hour. */
  snapshotIntervalMs?: number
  /** Audit rows of one participant and stakeholder merge within this window; default 5 min. */
  auditWindowMs?: number
  /** Deepest nesting of shared types below a root an update may reach; default 8. */
  maxUpdateDepth?: number
}

/** What a {@link Compactor} works on; the room supplies it. */
export interface CompactorOptions {
  mapId: string
  document: MapDocumentName
  doc: Y.Doc
  store: MapStore
  logger: Logger
  limits: CompactionLimits
  channel: MapChannel | null
  /** Rows and bytes of the log as the room loaded it. */
  rows: number
  bytes: number
  /** Every row of the log up to this id is in the doc (the merge's `uptoId`). */
  lastAppliedId: () => number
  /** Reads and applies what other nodes stored (LogCursor.catchUp). */
  catchUp: () => Promise<void>
}

/** Merges a room's update log into one row when it has grown past the limits. */
export class Compactor {
  private rows: number
  private bytes: number
  private stopped = false

  constructor(private readonly options: CompactorOptions) {
    this.rows = options.rows
    this.bytes = options.bytes
  }

  /** Counts rows the log grew by (an estimate for other nodes' batches: one row each). */
  count(rows: number, bytes: number): void {
    this.rows += rows
    this.bytes += bytes
  }

  /** Merges the log when it is over the limits, or always (`force`, after an erasure). */
  async compact(force = false): Promise<void> {
    const { compactAfterUpdates, compactAfterBytes } = this.options.limits
    const { channel } = this.options
    if (this.stopped || this.rows < 1) return
    if (!force && this.rows === 1) return
    const small = this.rows <= compactAfterUpdates && this.bytes <= compactAfterBytes
    if (!force && small) return
    if (channel === null || force) return this.mergeLog(force)
    const ran = await channel.runExclusive(async () => {
      await this.options.catchUp().catch(() => undefined)
      await this.mergeLog(false)
    })
    if (!ran) {
      // Another node is at it (or Redis is away): count afresh rather than ask on every write.
      this.rows = 1
      this.bytes = 0
    }
  }

  /** The room is gone: nothing more is merged. */
  stop(): void {
    this.stopped = true
  }

  private async mergeLog(force: boolean): Promise<void> {
    const { mapId, store, logger, document } = this.options
    // The doc holds every row up to lastId (and maybe newer ones, even uncommitted updates:
    // merging them in early is harmless, Yjs updates are idempotent).
    const merged = Y.encodeStateAsUpdate(this.options.doc)
    try {
      await store.compact(mapId, merged, this.options.lastAppliedId(), document)
      logger.debug(
        { mapId, rows: this.rows, bytes: this.bytes, merged: merged.byteLength },
        'compacted update log',
      )
      this.rows = 1
      this.bytes = merged.byteLength
    } catch (error) {
      // Nothing is lost: the log is intact, only longer than we would like.
      logger.error({ err: error, mapId }, 'could not compact update log')
      if (force) throw error
    }
  }
}
