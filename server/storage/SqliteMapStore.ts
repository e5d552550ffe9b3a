import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { MapMetadata } from '../../shared/protocol/api'
import type {
  AuditEntry,
  AuditFieldChange,
  AuditQuery,
  VersionSummary,
} from '../../shared/protocol/accessApi'
import { isRole } from '../../shared/protocol/roles'
import type { Role } from '../../shared/protocol/roles'
import {
  type AppendedUpdates,
  type AuditChange,
  type NewAuditEntry,
  CURRENT_DOCUMENT_LAYOUT,
  type LayoutMigration,
  type LayoutMigrationResult,
  type MapStore,
  type NewMap,
  type NewVersion,
  type RewrittenVersion,
  type StoredToken,
  type StoredUpdates,
  type StoredVersion,
  storedTokens,
} from './MapStore'
import {
  AUDIT_CHANGE_KIND,
  type StoredAuditRow,
  auditEntryFromRow,
  auditWhere,
  mergeAuditChanges,
} from './auditRows'
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

interface VersionRow {
  id: number
  name: string
  kind: string
  created_at: string
  created_by_name: string
  created_by_role: string | null
  byte_size: number
  stakeholder_count: number
}

interface VersionStateRow extends VersionRow {
  state: Buffer
  confidential_state: Buffer | null
}

const VERSION_COLUMNS =
  'id, name, kind, created_at, created_by_name, created_by_role, length(state) AS byte_size, ' +
  'stakeholder_count'

/**
 * {@link MapStore} on one SQLite file (better-sqlite3). Calls are synchronous underneath
 * and wrapped in promises; `synchronous = FULL` makes every committed transaction durable
 * before the promise resolves, which the rooms rely on before broadcasting.
 */
export class SqliteMapStore implements MapStore {
  /** Appends waiting for the next group commit (see {@link SqliteMapStore.appendUpdates}). */
  private appendQueue: {
    mapId: string
    document: MapDocumentName
    updates: readonly Uint8Array[]
    resolve(result: AppendedUpdates): void
    reject(error: unknown): void
  }[] = []

  private readonly db: Database.Database
  private readonly statements: {
    insertMap: Statement<[string, string, string, string, string, number]>
    selectMap: Statement<[string], MapRow>
    touchMap: Statement<[string, string]>
    insertUpdate: Statement<[string, string, Uint8Array, string]>
    selectUpdates: Statement<[string, string], { id: number; update: Buffer }>
    selectUpdatesSince: Statement<[string, string, number], { id: number; update: Buffer }>
    selectLastUpdateId: Statement<[string, string], { id: number | null }>
    insertUpdateWithId: Statement<[number, string, string, Uint8Array, string]>
    deleteUpdatesUpTo: Statement<[string, string, number]>
    countUpdates: Statement<[string, string], { count: number }>
    selectLayout: Statement<[string], { document_layout: number }>
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
    // Deleted rows are overwritten with zeros: erased personal data must not linger in pages.
    this.db.pragma('secure_delete = ON')
    migrateSqlite(this.db)
    const db = this.db
    this.statements = {
      insertMap: db.prepare(
        `INSERT INTO maps (id, title, template, created_at, updated_at, document_layout)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      selectMap: db.prepare('SELECT * FROM maps WHERE id = ?'),
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
      countUpdates: db.prepare(
        'SELECT count(*) AS count FROM map_updates WHERE map_id = ? AND doc = ?',
      ),
      selectLayout: db.prepare('SELECT document_layout FROM maps WHERE id = ?'),
      deleteMap: db.prepare('DELETE FROM maps WHERE id = ?'),
    }
  }

  async createMap(
    map: NewMap,
    tokenHashes: Partial<Record<Role, Uint8Array>> = {},
  ): Promise<MapMetadata> {
    const now = new Date().toISOString()
    const insertToken = this.db.prepare(
      'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES (?, ?, ?, ?)',
    )
    this.db.transaction(() => {
      const layout = CURRENT_DOCUMENT_LAYOUT
      this.statements.insertMap.run(map.id, map.title, map.template, now, now, layout)
      for (const [role, hash] of Object.entries(tokenHashes)) {
        insertToken.run(hash, map.id, role, now)
      }
    })()
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
    {
      mapId,
      document,
      updates,
    }: { mapId: string; document: MapDocumentName; updates: readonly Uint8Array[] },
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
    return readUpdates(this.statements.selectUpdates.iterate(mapId, document), 0)
  }

  async loadUpdatesSince(
    mapId: string,
    afterId: number,
    document: MapDocumentName = 'map',
  ): Promise<StoredUpdates> {
    const rows = this.statements.selectUpdatesSince.iterate(mapId, document, afterId)
    return readUpdates(rows, afterId)
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

  async migrateLayout(mapId: string, migration: LayoutMigration): Promise<LayoutMigrationResult> {
    const unchanged = { logsChanged: false, versionsRewritten: 0 }
    const layout = this.statements.selectLayout.get(mapId)?.document_layout
    if (layout === undefined) return unchanged
    if (layout >= CURRENT_DOCUMENT_LAYOUT && !migration.force) return unchanged
    const now = new Date().toISOString()
    // One synchronous transaction: no append of any map can come between its steps.
    return this.db.transaction(() => {
      const logOf = (document: MapDocumentName) =>
        readUpdates(this.statements.selectUpdates.iterate(mapId, document), 0).updates
      const logs = migration.logs(logOf('map'), logOf('confidential'))
      if (logs !== null) {
        this.db.prepare("DELETE FROM map_updates WHERE map_id = ? AND doc = 'map'").run(mapId)
        // New ids, above every row any node has applied: they all read these rows next.
        this.statements.insertUpdate.run(mapId, 'map', logs.map, now)
        this.statements.insertUpdate.run(mapId, 'confidential', logs.confidentialAddition, now)
        this.statements.touchMap.run(now, mapId)
      }
      const versionsRewritten = this.rewriteVersionRows(mapId, migration.version)
      this.db
        .prepare('UPDATE maps SET document_layout = ? WHERE id = ?')
        .run(CURRENT_DOCUMENT_LAYOUT, mapId)
      return { logsChanged: logs !== null, versionsRewritten }
    })()
  }

  async deleteMap(id: string): Promise<void> {
    this.statements.deleteMap.run(id)
  }

  async listTokens(mapId: string): Promise<StoredToken[]> {
    const rows = this.db
      .prepare('SELECT token_hash, role, revoked_at FROM map_tokens WHERE map_id = ?')
      .all(mapId) as { token_hash: Buffer; role: string; revoked_at: string | null }[]
    return storedTokens(rows)
  }

  async findTokenMap(hash: Uint8Array): Promise<string | null> {
    const row = this.db.prepare('SELECT map_id FROM map_tokens WHERE token_hash = ?').get(hash) as
      { map_id: string } | undefined
    return row?.map_id ?? null
  }

  async replaceToken(mapId: string, role: Role, hash: Uint8Array): Promise<void> {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE map_tokens SET revoked_at = ? WHERE map_id = ? AND role = ? AND revoked_at IS NULL',
        )
        .run(now, mapId, role)
      this.db
        .prepare(
          'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(hash, mapId, role, now)
    })()
  }

  async addVersion(version: NewVersion): Promise<VersionSummary> {
    const now = new Date().toISOString()
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO map_versions (map_id, name, kind, created_at, created_by_name,
           created_by_role, state, confidential_state, stakeholder_count)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        version.mapId,
        version.name,
        version.kind,
        now,
        version.createdBy.name,
        version.createdBy.role,
        version.state,
        version.confidentialState,
        version.stakeholderCount,
      )
    return {
      id: Number(lastInsertRowid),
      name: version.name,
      kind: version.kind,
      createdAt: now,
      createdBy: version.createdBy,
      byteSize: version.state.byteLength,
      stakeholderCount: version.stakeholderCount,
    }
  }

  async listVersions(mapId: string): Promise<VersionSummary[]> {
    const rows = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = ? ORDER BY id DESC`)
      .all(mapId) as VersionRow[]
    return rows.map(toVersionSummary)
  }

  async getVersion(mapId: string, versionId: number): Promise<StoredVersion | null> {
    const row = this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS}, state, confidential_state FROM map_versions
           WHERE map_id = ? AND id = ?`,
      )
      .get(mapId, versionId) as VersionStateRow | undefined
    if (row === undefined) return null
    return {
      summary: toVersionSummary(row),
      state: new Uint8Array(row.state),
      confidentialState: row.confidential_state && new Uint8Array(row.confidential_state),
    }
  }

  async rewriteVersions(
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): Promise<number> {
    return this.db.transaction(() => this.rewriteVersionRows(mapId, rewrite))()
  }

  /** Rewrites the map's versions as `rewrite` answers; call inside a transaction. */
  private rewriteVersionRows(
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): number {
    const rows = this.db
      .prepare('SELECT id, state, confidential_state FROM map_versions WHERE map_id = ?')
      .all(mapId) as { id: number; state: Buffer; confidential_state: Buffer | null }[]
    const update = this.db.prepare(
      `UPDATE map_versions SET state = ?, stakeholder_count = coalesce(?, stakeholder_count),
         confidential_state = coalesce(?, confidential_state) WHERE id = ?`,
    )
    let changed = 0
    for (const row of rows) {
      const secret = row.confidential_state && new Uint8Array(row.confidential_state)
      const next = rewrite(new Uint8Array(row.state), secret)
      if (next === null) continue
      const count = next.stakeholderCount ?? null
      update.run(next.state, count, next.confidentialState ?? null, row.id)
      changed += 1
    }
    return changed
  }

  async recordAudit(changes: readonly AuditChange[], windowMs: number): Promise<void> {
    // Rows of values not recorded then (NULL) and rows of other kinds are never extended.
    const latest = this.db.prepare(
      `SELECT id, fields, changes FROM audit_entries WHERE map_id = ? AND stakeholder_id = ?
         AND participant_name = ? AND participant_role IS ? AND last_at >= ?
         AND kind = '${AUDIT_CHANGE_KIND}' AND changes IS NOT NULL
       ORDER BY last_at DESC LIMIT 1`,
    )
    const extend = this.db.prepare(
      'UPDATE audit_entries SET fields = ?, changes = ?, last_at = ? WHERE id = ?',
    )
    const insert = this.db.prepare(
      `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
         fields, changes, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.db.transaction(() => {
      for (const change of changes) {
        const since = new Date(Date.parse(change.at) - windowMs).toISOString()
        const { mapId, stakeholderId, participant, at } = change
        const row = latest.get(mapId, stakeholderId, participant.name, participant.role, since) as
          { id: number; fields: string; changes: string } | undefined
        if (row !== undefined) {
          const fields = new Set([...(JSON.parse(row.fields) as string[]), ...change.fields])
          const merged = mergeAuditChanges(
            JSON.parse(row.changes) as AuditFieldChange[],
            change.changes ?? [],
          )
          extend.run(JSON.stringify([...fields].sort()), JSON.stringify(merged), at, row.id)
        } else {
          const fields = JSON.stringify([...new Set(change.fields)].sort())
          const values = JSON.stringify(change.changes ?? [])
          insert.run(
            mapId,
            stakeholderId,
            participant.name,
            participant.role,
            fields,
            values,
            at,
            at,
          )
        }
      }
    })()
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    const at = entry.at ?? new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
           kind, fields, changes, details, first_at, last_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.mapId,
        entry.stakeholderId,
        entry.participant.name,
        entry.participant.role,
        entry.kind,
        JSON.stringify(entry.fields ?? []),
        JSON.stringify(entry.changes ?? []),
        entry.details === undefined ? null : JSON.stringify(entry.details),
        at,
        at,
      )
  }

  async listAudit(mapId: string, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { where, params } = auditWhere(mapId, query, () => '?')
    const rows = this.db
      .prepare(`SELECT * FROM audit_entries WHERE ${where} ORDER BY last_at DESC, id DESC`)
      .all(...params) as StoredAuditRow[]
    return rows.map(auditEntryFromRow)
  }

  async purgeFreedSpace(): Promise<void> {
    // Move everything into the main file, rebuild it without free pages, then empty the WAL
    // that VACUUM itself wrote to.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.exec('VACUUM')
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}

function readUpdates(
  rows: Iterable<{ id: number; update: Buffer }>,
  afterId: number,
): StoredUpdates {
  const updates: Uint8Array[] = []
  let lastId = afterId
  let bytes = 0
  for (const row of rows) {
    // better-sqlite3 hands out Buffers; a plain Uint8Array view keeps Yjs' types honest.
    updates.push(new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength))
    lastId = row.id
    bytes += row.update.byteLength
  }
  return { updates, lastId, bytes }
}

function toVersionSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'named' ? 'named' : 'auto',
    createdAt: row.created_at,
    createdBy: {
      name: row.created_by_name,
      role: isRole(row.created_by_role) ? row.created_by_role : null,
    },
    byteSize: row.byte_size,
    stakeholderCount: row.stakeholder_count,
  }
}
