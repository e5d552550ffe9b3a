/**
 * The {@link MapRecords} on SQLite: catalogue, share tokens, versions and audit trail. Each
 * method is one statement or one synchronous transaction; the row mapping and the audit
 * merging are shared with PostgreSQL (mapStoreRows.ts).
 */
import type Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import type { MapMetadata } from '../../shared/protocol/api'
import {
  AUDIT_CHANGE_KIND,
  type AuditEntry,
  type AuditQuery,
  type VersionSummary,
} from '../../shared/protocol/accessApi'
import type { Role } from '../../shared/protocol/roles'
import {
  type AuditChange,
  CURRENT_DOCUMENT_LAYOUT,
  type MapRecords,
  type NewAuditEntry,
  type NewMap,
  type NewVersion,
  type RewrittenVersion,
  type StoredToken,
  type StoredVersion,
} from './MapStore'
import {
  type AuditColumns,
  type MapRow,
  type StoredAuditRow,
  type TokenRow,
  type VersionRow,
  type VersionStateRow,
  appendedAuditValues,
  identityValues,
  auditColumnsAfter,
  auditEntryFromRow,
  auditWhere,
  auditWindowStart,
  mapMetadataFromRow,
  newVersionSummary,
  rewrittenVersionRows,
  storedVersionFromRow,
  storedTokens,
  versionInsertValues,
  versionSummaryFromRow,
} from './mapStoreRows'

const VERSION_COLUMNS =
  'id, name, kind, created_at, created_by_name, created_by_role, created_by_kind, created_by_id, length(state) AS byte_size, ' +
  'stakeholder_count'

const INSERT_TOKEN =
  'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES (?, ?, ?, ?)'

export class SqliteMapRecords implements MapRecords {
  /** The statements of paths taken per connection or per room load, prepared once. */
  private readonly statements: {
    insertMap: Statement<[string, string, string, string, string, number]>
    selectMap: Statement<[string], MapRow>
    touchMap: Statement<[string, string]>
    selectLayout: Statement<[string], { document_layout: number }>
    deleteMap: Statement<[string]>
  }

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertMap: db.prepare(
        `INSERT INTO maps (id, title, template, created_at, updated_at, document_layout)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      selectMap: db.prepare('SELECT * FROM maps WHERE id = ?'),
      touchMap: db.prepare('UPDATE maps SET updated_at = ? WHERE id = ?'),
      selectLayout: db.prepare('SELECT document_layout FROM maps WHERE id = ?'),
      deleteMap: db.prepare('DELETE FROM maps WHERE id = ?'),
    }
  }

  async createMap(
    map: NewMap,
    tokenHashes: Partial<Record<Role, Uint8Array>> = {},
  ): Promise<MapMetadata> {
    const now = new Date().toISOString()
    const insertToken = this.db.prepare(INSERT_TOKEN)
    this.db.transaction(() => {
      this.statements.insertMap.run(
        map.id,
        map.title,
        map.template,
        now,
        now,
        CURRENT_DOCUMENT_LAYOUT,
      )
      for (const [role, hash] of Object.entries(tokenHashes)) {
        insertToken.run(hash, map.id, role, now)
      }
    })()
    return { ...map, createdAt: now, updatedAt: now }
  }

  async getMap(id: string): Promise<MapMetadata | null> {
    const row = this.statements.selectMap.get(id)
    return row === undefined ? null : mapMetadataFromRow(row)
  }

  async touchMap(id: string): Promise<void> {
    this.statements.touchMap.run(new Date().toISOString(), id)
  }

  async deleteMap(id: string): Promise<void> {
    this.statements.deleteMap.run(id)
  }

  async listTokens(mapId: string): Promise<StoredToken[]> {
    const rows = this.db
      .prepare('SELECT token_hash, role, revoked_at FROM map_tokens WHERE map_id = ?')
      .all(mapId) as TokenRow[]
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
      this.db.prepare(INSERT_TOKEN).run(hash, mapId, role, now)
    })()
  }

  async addVersion(version: NewVersion): Promise<VersionSummary> {
    const now = new Date().toISOString()
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO map_versions (map_id, name, kind, created_at, created_by_name,
           created_by_role, state, confidential_state, stakeholder_count, created_by_kind, created_by_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...versionInsertValues(version, now))
    return newVersionSummary(version, Number(lastInsertRowid), now)
  }

  async listVersions(mapId: string): Promise<VersionSummary[]> {
    const rows = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = ? ORDER BY id DESC`)
      .all(mapId) as VersionRow[]
    return rows.map(versionSummaryFromRow)
  }

  async getVersion(mapId: string, versionId: number): Promise<StoredVersion | null> {
    const row = this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS}, state, confidential_state FROM map_versions
           WHERE map_id = ? AND id = ?`,
      )
      .get(mapId, versionId) as (VersionRow & VersionStateRow) | undefined
    if (row === undefined) return null
    return storedVersionFromRow(row)
  }

  async rewriteVersions(
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): Promise<number> {
    return this.db.transaction(() => this.rewriteVersionsInTransaction(mapId, rewrite))()
  }

  /** Rewrites the map's versions as `rewrite` answers, inside the caller's transaction. */
  rewriteVersionsInTransaction(
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): number {
    const rows = this.db
      .prepare('SELECT id, state, confidential_state FROM map_versions WHERE map_id = ?')
      .all(mapId) as VersionStateRow[]
    const update = this.db.prepare(
      `UPDATE map_versions SET state = ?, stakeholder_count = coalesce(?, stakeholder_count),
         confidential_state = coalesce(?, confidential_state) WHERE id = ?`,
    )
    const changed = rewrittenVersionRows(rows, rewrite)
    for (const row of changed) {
      update.run(row.state, row.stakeholderCount, row.confidentialState, row.id)
    }
    return changed.length
  }

  /** The layout the map is stored in, or undefined when there is no such map. */
  documentLayout(mapId: string): number | undefined {
    return this.statements.selectLayout.get(mapId)?.document_layout
  }

  /** Marks the map as stored in the current layout, inside the caller's transaction. */
  markLayoutCurrentInTransaction(mapId: string): void {
    this.db
      .prepare('UPDATE maps SET document_layout = ? WHERE id = ?')
      .run(CURRENT_DOCUMENT_LAYOUT, mapId)
  }

  async recordAudit(changes: readonly AuditChange[], windowMs: number): Promise<void> {
    // Rows of values not recorded then (NULL) and rows of other kinds are never extended.
    const latest = this.db.prepare(
      `SELECT id, fields, changes FROM audit_entries WHERE map_id = ? AND stakeholder_id = ?
         AND participant_name = ? AND participant_role IS ? AND participant_id IS ?
         AND last_at >= ?
         AND kind = '${AUDIT_CHANGE_KIND}' AND changes IS NOT NULL
       ORDER BY last_at DESC LIMIT 1`,
    )
    const extend = this.db.prepare(
      'UPDATE audit_entries SET fields = ?, changes = ?, last_at = ? WHERE id = ?',
    )
    const insert = this.db.prepare(
      `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
         participant_kind, participant_id, fields, changes, first_at, last_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.db.transaction(() => {
      for (const change of changes) {
        const { mapId, stakeholderId, participant, at } = change
        const since = auditWindowStart(change, windowMs)
        const { name, role } = participant
        const identityId = participant.id ?? null
        const row = latest.get(mapId, stakeholderId, name, role, identityId, since) as
          (AuditColumns & { id: number }) | undefined
        const { fields, changes: values } = auditColumnsAfter(row, change)
        if (row !== undefined) extend.run(fields, values, at, row.id)
        else
          insert.run(
            mapId,
            stakeholderId,
            participant.name,
            participant.role,
            participant.kind ?? null,
            identityId,
            fields,
            values,
            at,
            at,
          )
      }
    })()
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
           kind, fields, changes, details, first_at, last_at, participant_kind, participant_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...[...appendedAuditValues(entry), ...identityValues(entry.participant)])
  }

  async listAudit(mapId: string, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { where, params } = auditWhere(mapId, query, () => '?')
    const rows = this.db
      .prepare(`SELECT * FROM audit_entries WHERE ${where} ORDER BY last_at DESC, id DESC`)
      .all(...params) as StoredAuditRow[]
    return rows.map(auditEntryFromRow)
  }
}
