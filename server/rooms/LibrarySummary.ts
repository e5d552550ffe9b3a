/**
 * Keeps the library's view of a map current (issue 18): the stakeholder names (searched by
 * `GET /api/library?q=`) and their count, and the name of the signed-in user whose update
 * was stored last. The room calls it after each commit of the map document; it writes only
 * when the names or the writer changed (the maps row is the one appends lock on PostgreSQL:
 * no extra write per commit), one write after another (so an older
 * summary never lands after a newer one), and a failed write is logged, never retried: the
 * next commit writes the whole summary again. Read from the room's document, not from
 * stored rows, so the summary is what every peer was just sent.
 */
import type * as Y from 'yjs'
import type { Logger } from 'pino'
import type { MapStore } from '../storage/MapStore'
import { stakeholderNamesOf } from './stakeholderNamesOf'

export class LibrarySummary {
  private lastNames: string | null = null
  private lastWriter: string | null = null
  private writes: Promise<void> = Promise.resolve()

  constructor(
    private readonly options: { mapId: string; doc: Y.Doc; store: MapStore; logger: Logger },
  ) {}

  /** After a commit (and once on load): `writer` is the last signed-in user of the batch. */
  note(writer: string | null): void {
    const names = stakeholderNamesOf(this.options.doc)
    const joined = names.join('\n')
    const newWriter = writer !== null && writer !== this.lastWriter
    if (joined === this.lastNames && !newWriter) return
    this.lastNames = joined
    if (writer !== null) this.lastWriter = writer
    const { store, mapId, logger } = this.options
    this.writes = this.writes
      .then(() =>
        store.library.recordSummary(mapId, { stakeholderNames: names, updatedBy: writer }),
      )
      .catch((error: unknown) => {
        this.lastNames = null
        this.lastWriter = null
        logger.warn({ err: error, mapId }, 'could not store the library summary')
      })
  }

  /** Another node stored a change: its writer may be stored now, so ours is written again. */
  remoteChange(): void {
    this.lastWriter = null
  }

  /** Resolves once the writes begun so far are done (tests, unload). */
  settled(): Promise<void> {
    return this.writes
  }
}
