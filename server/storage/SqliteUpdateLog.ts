/**
 * The {@link UpdateLog} on SQLite: the hot path, in hand-written prepared statements.
 * Appends of all maps that arrive in one event-loop turn share one transaction (group
 * commit), so one fsync covers them all. Calls are synchronous underneath; the methods named
 * `…InTransaction` are for a caller that already holds one (the layout migration).
 */
import type Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { AppendedUpdates, StoredUpdates, UpdateLog } from './MapStore'
import { type UpdateRow, storedUpdatesFromRows } from './mapStoreRows'

/** One append waiting for the next group commit. */
interface QueuedAppend {
  mapId: string
  document: MapDocumentName
  updates: readonly Uint8Array[]
  resolve(result: AppendedUpdates): void
  reject(error: unknown): void
}

export class SqliteUpdateLog implements UpdateLog {
  private appendQueue: QueuedAppend[] = []
  private readonly statements: {
    touchMap: Statement<[string, string]>
    insertUpdate: Statement<[string, string, Uint8Array, string]>
    selectUpdates: Statement<[string, string], UpdateRow>
    selectUpdatesSince: Statement<[string, string, number], UpdateRow>
    selectLastUpdateId: Statement<[string, string], { id: number | null }>
    insertUpdateWithId: Statement<[number, string, string, Uint8Array, string]>
    deleteUpdatesUpTo: Statement<[string, string, number]>
    deleteLog: Statement<[string, string]>
    countUpdates: Statement<[string, string], { count: number }>
  }

  constructor(private readonly db: Database.Database) {
    this.statements = {
      touchMap: db.prepare('UPDATE maps SET updated_at = ? WHERE id = ?'),
      insertUpdate: db.prepare(
        'INSERT INTO map_updates (map_id, doc, "update", created_at) VALUES (?, ?, ?, ?)',
      ),
      selectUpdates: db.prepare(
        'SELECT id, "update" FROM map_updates WHERE map_id = ? AND doc = ? ORDER BY id',
      ),
      selectUpdatesSince: db.prepare(
        'SELECT id, "update" FROM map_updates WHERE map_id = ? AND doc = ? AND id > ? ORDER BY id',
      ),
      selectLastUpdateId: db.prepare(
        'SELECT max(id) AS id FROM map_updates WHERE map_id = ? AND doc = ?',
      ),
      insertUpdateWithId: db.prepare(
        'INSERT INTO map_updates (id, map_id, doc, "update", created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteUpdatesUpTo: db.prepare(
        'DELETE FROM map_updates WHERE map_id = ? AND doc = ? AND id <= ?',
      ),
      deleteLog: db.prepare('DELETE FROM map_updates WHERE map_id = ? AND doc = ?'),
      countUpdates: db.prepare(
        'SELECT count(*) AS count FROM map_updates WHERE map_id = ? AND doc = ?',
      ),
    }
  }

  /**
   * Appends in a group commit: the appends of all maps that arrive in one event-loop turn
   * share one transaction, so one fsync (synchronous = FULL) covers them all instead of one
   * per map. If the shared transaction fails, each append is retried on its own, so one
   * map's problem never fails another's write.
   */
  appendUpdates(
    mapId: string,
    updates: readonly Uint8Array[],
    document: MapDocumentName = 'map',
  ): Promise<AppendedUpdates> {
    return new Promise((resolve, reject) => {
      this.appendQueue.push({ mapId, document, updates, resolve, reject })
      // After the promise jobs now queued: the other rooms of this turn append in those.
      if (this.appendQueue.length === 1) process.nextTick(() => this.flushAppends())
    })
  }

  private appendOne(
    { mapId, document, updates }: Omit<QueuedAppend, 'resolve' | 'reject'>,
    now: string,
  ): AppendedUpdates {
    const previousId = this.statements.selectLastUpdateId.get(mapId, document)?.id ?? 0
    let lastId = previousId
    for (const update of updates) {
      const { lastInsertRowid } = this.statements.insertUpdate.run(mapId, document, update, now)
      lastId = Number(lastInsertRowid)
    }
    this.statements.touchMap.run(now, mapId)
    return { previousId, lastId }
  }

  private flushAppends(): void {
    const queued = this.appendQueue
    this.appendQueue = []
    const now = new Date().toISOString()
    try {
      const results = this.db.transaction(() => queued.map((entry) => this.appendOne(entry, now)))()
      queued.forEach((entry, index) => entry.resolve(results[index]!))
    } catch {
      for (const entry of queued) {
        try {
          entry.resolve(this.db.transaction(() => this.appendOne(entry, now))())
        } catch (error) {
          entry.reject(error)
        }
      }
    }
  }

  async loadUpdates(mapId: string, document: MapDocumentName = 'map'): Promise<StoredUpdates> {
    return this.logInTransaction(mapId, document)
  }

  async loadUpdatesSince(
    mapId: string,
    afterId: number,
    document: MapDocumentName = 'map',
  ): Promise<StoredUpdates> {
    const rows = this.statements.selectUpdatesSince.iterate(mapId, document, afterId)
    return storedUpdatesFromRows(rows, afterId)
  }

  async compact(
    mapId: string,
    mergedUpdate: Uint8Array,
    uptoId: number,
    document: MapDocumentName = 'map',
  ): Promise<void> {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      const { changes } = this.statements.deleteUpdatesUpTo.run(mapId, document, uptoId)
      if (changes === 0) return
      // The merged row takes the id of the newest row it replaces, so it still sorts before
      // rows appended while it was being computed.
      this.statements.insertUpdateWithId.run(uptoId, mapId, document, mergedUpdate, now)
    })()
  }

  async countUpdates(mapId: string, document: MapDocumentName = 'map'): Promise<number> {
    return this.statements.countUpdates.get(mapId, document)?.count ?? 0
  }

  /** A document's whole log; also usable inside the caller's transaction. */
  logInTransaction(mapId: string, document: MapDocumentName): StoredUpdates {
    return storedUpdatesFromRows(this.statements.selectUpdates.iterate(mapId, document), 0)
  }

  /**
   * Replaces the map document's whole log by `map` and appends `confidentialAddition` to the
   * confidential log, inside the caller's transaction; touches the map.
   */
  replaceMapLogInTransaction(
    mapId: string,
    logs: { map: Uint8Array; confidentialAddition: Uint8Array },
    now: string,
  ): void {
    this.statements.deleteLog.run(mapId, 'map')
    // New ids, above every row any node has applied: they all read these rows next.
    this.statements.insertUpdate.run(mapId, 'map', logs.map, now)
    this.statements.insertUpdate.run(mapId, 'confidential', logs.confidentialAddition, now)
    this.statements.touchMap.run(now, mapId)
  }
}
