/**
 * Keeps the library's view of a map current (issue 18): the stakeholder names (searched by
 * `GET /api/library?q=`) and their count, and the name of the signed-in user whose update
 * was stored last. The room calls it after each commit of the map document; it writes only
 * when the names or the writer changed (the maps row is the one appends lock on PostgreSQL:
 * no extra write per commit), one write after another (so an older
 * summary never lands after a newer one), and a failed write is logged, never retried: the
 * next commit writes the whole summary again. Read from the room's document, not from
 * stored rows, so the summary is what every peer was just sent. The names are read again
 * only after a transaction changed something under `stakeholders`: most commits (the
 * canvas, facilitation) do not, and reading them walks every stakeholder of the map.
 */
import type * as Y from 'yjs'
import type { Logger } from 'pino'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import type { MapStore } from '../storage/MapStore'
import { stakeholderNamesOf } from './stakeholderNamesOf'

export class LibrarySummary {
  private lastNames: string | null = null
  private lastWriter: string | null = null
  private writes: Promise<void> = Promise.resolve()
  /** The `stakeholders` root, as Yjs keys a transaction's changed types. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any type will do
  private readonly stakeholders: Y.AbstractType<any>
  /** Set by a transaction that changed the stakeholders (or anything below them). */
  private namesMayHaveChanged = true
  private names: string[] = []

  constructor(
    private readonly options: { mapId: string; doc: Y.Doc; store: MapStore; logger: Logger },
  ) {
    this.stakeholders = stakeholdersMap(options.doc)
    options.doc.on('afterTransaction', this.handleTransaction)
  }

  /** After a commit (and once on load): `writer` is the last signed-in user of the batch. */
  note(writer: string | null): void {
    const newWriter = writer !== null && writer !== this.lastWriter
    // Nothing new to write (a failed write forgets lastNames, so the next note retries).
    if (!this.namesMayHaveChanged && !newWriter && this.lastNames !== null) return
    if (this.namesMayHaveChanged) {
      this.namesMayHaveChanged = false
      this.names = stakeholderNamesOf(this.options.doc)
    }
    const names = this.names
    const joined = names.join('\n')
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

  /** Stops following the document (the room is destroyed). */
  stop(): void {
    this.options.doc.off('afterTransaction', this.handleTransaction)
  }

  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    // Yjs lists every changed type and all its parents here.
    if (transaction.changedParentTypes.has(this.stakeholders)) {
      this.namesMayHaveChanged = true
    }
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
