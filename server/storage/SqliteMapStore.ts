import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import type { MapMetadata } from '../../shared/protocol/api'
import type { MapStore, NewMap, StoredUpdates } from './MapStore'
import { migrateSqlite } from './sqliteMigrations'

/** File name of the database inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = 'stakeholder-canvas.sqlite'

interface MapRow {
  id: string
  title: string
  template: MapMetadata['template']
  created_at: string
  updated_at: string
}

/**
 * {@link MapStore} on one SQLite file (better-sqlite3). Calls are synchronous underneath
 * and wrapped in promises; `synchronous = FULL` makes every committed transaction durable
 * before the promise resolves, which the rooms rely on before broadcasting.
 */
export class SqliteMapStore implements MapStore {
  private readonly db: Database.Database
  private readonly statements: {
    insertMap: Statement<[string, string, string, string, string]>
    selectMap: Statement<[string], MapRow>
    touchMap: Statement<[string, string]>
    insertUpdate: Statement<[string, Uint8Array, string]>
    selectUpdates: Statement<[string], { id: number; update: Buffer }>
    insertUpdateWithId: Statement<[number, string, Uint8Array, string]>
    deleteUpdatesUpTo: Statement<[string, number]>
    countUpdates: Statement<[string], { count: number }>
    deleteMap: Statement<[string]>
  }

  /** Opens (and creates or migrates) `<dataDir>/stakeholder-canvas.sqlite`. */
  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, SQLITE_FILE_NAME))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    migrateSqlite(this.db)
    const db = this.db
    this.statements = {
      insertMap: db.prepare(
        'INSERT INTO maps (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      selectMap: db.prepare('SELECT * FROM maps WHERE id = ?'),
      touchMap: db.prepare('UPDATE maps SET updated_at = ? WHERE id = ?'),
      insertUpdate: db.prepare(
        'INSERT INTO map_updates (map_id, "update", created_at) VALUES (?, ?, ?)',
      ),
      selectUpdates: db.prepare(
        'SELECT id, "update" FROM map_updates WHERE map_id = ? ORDER BY id',
      ),
      insertUpdateWithId: db.prepare(
        'INSERT INTO map_updates (id, map_id, "update", created_at) VALUES (?, ?, ?, ?)',
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM map_updates WHERE map_id = ? AND id <= ?'),
      countUpdates: db.prepare('SELECT count(*) AS count FROM map_updates WHERE map_id = ?'),
      deleteMap: db.prepare('DELETE FROM maps WHERE id = ?'),
    }
  }

  async createMap(map: NewMap): Promise<MapMetadata> {
    const now = new Date().toISOString()
    this.statements.insertMap.run(map.id, map.title, map.template, now, now)
    return { ...map, createdAt: now, updatedAt: now }
  }

  async getMap(id: string): Promise<MapMetadata | null> {
    const row = this.statements.selectMap.get(id)
    if (row === undefined) return null
    return {
      id: row.id,
      title: row.title,
      template: row.template,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  async touchMap(id: string): Promise<void> {
    this.statements.touchMap.run(new Date().toISOString(), id)
  }

  async appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<{ lastId: number }> {
    const now = new Date().toISOString()
    return this.db.transaction(() => {
      let lastId = 0
      for (const update of updates) {
        lastId = Number(this.statements.insertUpdate.run(mapId, update, now).lastInsertRowid)
      }
      this.statements.touchMap.run(now, mapId)
      return { lastId }
    })()
  }

  async loadUpdates(mapId: string): Promise<StoredUpdates> {
    const updates: Uint8Array[] = []
    let lastId = 0
    let bytes = 0
    for (const row of this.statements.selectUpdates.iterate(mapId)) {
      // better-sqlite3 hands out Buffers; a plain Uint8Array view keeps Yjs' types honest.
      updates.push(new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength))
      lastId = row.id
      bytes += row.update.byteLength
    }
    return { updates, lastId, bytes }
  }

  async compact(mapId: string, mergedUpdate: Uint8Array, uptoId: number): Promise<void> {
    this.db.transaction(() => {
      const { changes } = this.statements.deleteUpdatesUpTo.run(mapId, uptoId)
      if (changes === 0) return
      // The merged row takes the id of the newest row it replaces, so it still sorts before
      // rows appended while it was being computed.
      this.statements.insertUpdateWithId.run(uptoId, mapId, mergedUpdate, new Date().toISOString())
    })()
  }

  async countUpdates(mapId: string): Promise<number> {
    return this.statements.countUpdates.get(mapId)?.count ?? 0
  }

  async deleteMap(id: string): Promise<void> {
    this.statements.deleteMap.run(id)
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
