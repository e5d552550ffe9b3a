/**
 * How far a room has applied its document's update log, for a cluster (server/cluster):
 * every row up to `lastId` is in the doc without a hole. A committed batch, of this node
 * or another, is noted as rows `(previousId, lastId]`; a batch beyond a hole waits in
 * `appliedAhead` until the hole closes. A hole that stays open for `GAP_GRACE_MS` (a batch
 * this node never heard of) is filled from the database ({@link LogCursor.catchUp}), and so
 * is everything the cluster asks for when it (re)joins or reconciles.
 *
 * What is applied here was committed elsewhere: it enters the doc with {@link REMOTE_ORIGIN},
 * which the room relays but never stores again.
 */
import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { MapStore } from '../storage/MapStore'

/** Origin of changes that other nodes committed: broadcast, never stored again. */
export const REMOTE_ORIGIN = Symbol('remote node')

/** How long a hole in the applied rows may stay open before the database is read. */
const GAP_GRACE_MS = 200

/** What a {@link LogCursor} works on; the room supplies it. */
export interface LogCursorOptions {
  mapId: string
  document: MapDocumentName
  doc: Y.Doc
  store: MapStore
  logger: Logger
  /** The newest row of the log as the room loaded it. */
  lastId: number
  /** Called with the rows and bytes applied from elsewhere (they count for compaction). */
  onRowsApplied: (rows: number, bytes: number) => void
}

/** The room's position in its document's update log. */
export class LogCursor {
  private last: number
  /** Batches applied beyond a hole after `lastId`: previousId → lastId. */
  private readonly appliedAhead = new Map<number, number>()
  private gapTimer: NodeJS.Timeout | null = null
  private catchingUp: Promise<void> | null = null
  private catchUpAgain = false
  private stopped = false

  constructor(private readonly options: LogCursorOptions) {
    this.last = options.lastId
  }

  /** Every row of the log up to this id is in the doc (compaction's `uptoId`). */
  get lastId(): number {
    return this.last
  }

  /** Applies a batch another node committed as rows `(previousId, lastId]`. */
  applyRemote(update: Uint8Array, previousId: number, lastId: number): void {
    if (this.stopped) return
    Y.applyUpdate(this.options.doc, update, REMOTE_ORIGIN)
    this.noteApplied(previousId, lastId)
    this.options.onRowsApplied(1, update.byteLength)
  }

  /**
   * Records that rows `(previousId, lastId]` are in the doc and moves `lastId` over every
   * batch that now joins up. A hole that stays open (a batch this node never heard of) is
   * filled from storage after a short grace, in case its message is merely late.
   */
  noteApplied(previousId: number, lastId: number): void {
    if (lastId > previousId) this.appliedAhead.set(previousId, lastId)
    let moved = true
    while (moved) {
      moved = false
      for (const [from, to] of this.appliedAhead) {
        if (from > this.last) continue
        this.appliedAhead.delete(from)
        if (to > this.last) this.last = to
        moved = true
      }
    }
    if (this.appliedAhead.size === 0 || this.gapTimer !== null || this.stopped) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null
      if (this.appliedAhead.size === 0) return
      this.catchUp().catch((error: unknown) =>
        this.options.logger.warn(
          { err: error, mapId: this.options.mapId },
          'could not read missed updates',
        ),
      )
    }, GAP_GRACE_MS)
  }

  /**
   * Reads every row after `lastId` from storage and applies it (Yjs skips what the doc has);
   * what is new is broadcast to the peers. Concurrent calls share one read, plus one more
   * when a call arrives during it.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp !== null) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    const { mapId, document, doc, store } = this.options
    const run = async (): Promise<void> => {
      try {
        do {
          this.catchUpAgain = false
          const from = this.last
          const missed = await store.loadUpdatesSince(mapId, from, document)
          if (this.stopped) return
          if (missed.updates.length > 0) {
            Y.transact(
              doc,
              () => {
                for (const update of missed.updates) Y.applyUpdate(doc, update)
              },
              REMOTE_ORIGIN,
            )
          }
          this.noteApplied(from, missed.lastId)
          this.options.onRowsApplied(missed.updates.length, missed.bytes)
        } while (this.catchUpAgain && !this.stopped)
      } finally {
        this.catchingUp = null
      }
    }
    this.catchingUp = run()
    return this.catchingUp
  }

  /** The room is gone: no more reads, no timer left behind. */
  stop(): void {
    this.stopped = true
    if (this.gapTimer !== null) clearTimeout(this.gapTimer)
  }
}
