/**
 * The {@link MapRecords} on PostgreSQL: catalogue, share tokens, versions and audit trail.
 * Each method is one statement or one transaction; with `synchronous_commit` on (the
 * default) a resolved write is durable. The row mapping and the audit merging are shared
 * with SQLite (mapStoreRows.ts). The methods taking a `client` run inside the caller's
 * transaction (the layout migration).
 */
import type { PoolClient } from 'pg'
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
import type { PostgresConnection } from './PostgresConnection'
import {
  type AuditColumns,
  type MapRow,
  type RowId,
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
  'id, name, kind, created_at, created_by_name, created_by_role, created_by_kind, created_by_id, ' +
  'octet_length(state) AS byte_size, stakeholder_count'

const INSERT_TOKEN =
  'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES ($1, $2, $3, $4)'

export class PostgresMapRecords implements MapRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async createMap(
    map: NewMap,
    tokenHashes: Partial<Record<Role, Uint8Array>> = {},
  ): Promise<MapMetadata> {
    const now = new Date().toISOString()
    await this.connection.transaction(async (client) => {
      await client.query(
        `INSERT INTO maps (id, title, template, created_at, updated_at, document_layout)
           VALUES ($1, $2, $3, $4, $4, $5)`,
        [map.id, map.title, map.template, now, CURRENT_DOCUMENT_LAYOUT],
      )
      for (const [role, hash] of Object.entries(tokenHashes)) {
        await client.query(INSERT_TOKEN, [Buffer.from(hash), map.id, role, now])
      }
    })
    return { ...map, createdAt: now, updatedAt: now }
  }

  async getMap(id: string): Promise<MapMetadata | null> {
    const { rows } = await this.connection.query<MapRow>('SELECT * FROM maps WHERE id = $1', [id])
    const row = rows[0]
    return row === undefined ? null : mapMetadataFromRow(row)
  }

  async touchMap(id: string): Promise<void> {
    await this.connection.query('UPDATE maps SET updated_at = $1 WHERE id = $2', [
      new Date().toISOString(),
      id,
    ])
  }

  async deleteMap(id: string): Promise<void> {
    await this.connection.query('DELETE FROM maps WHERE id = $1', [id])
  }

  async listTokens(mapId: string): Promise<StoredToken[]> {
    const { rows } = await this.connection.query<TokenRow>(
      'SELECT token_hash, role, revoked_at FROM map_tokens WHERE map_id = $1',
      [mapId],
    )
    return storedTokens(rows)
  }

  async findTokenMap(hash: Uint8Array): Promise<string | null> {
    const { rows } = await this.connection.query<{ map_id: string }>(
      'SELECT map_id FROM map_tokens WHERE token_hash = $1',
      [Buffer.from(hash)],
    )
    return rows[0]?.map_id ?? null
  }

  async replaceToken(mapId: string, role: Role, hash: Uint8Array): Promise<void> {
    const now = new Date().toISOString()
    await this.connection.transaction(async (client) => {
      await client.query(
        `UPDATE map_tokens SET revoked_at = $1
           WHERE map_id = $2 AND role = $3 AND revoked_at IS NULL`,
        [now, mapId, role],
      )
      await client.query(INSERT_TOKEN, [Buffer.from(hash), mapId, role, now])
    })
  }

  async addVersion(version: NewVersion): Promise<VersionSummary> {
    const now = new Date().toISOString()
    const { rows } = await this.connection.query<{ id: RowId }>(
      `INSERT INTO map_versions (map_id, name, kind, created_at, created_by_name,
         created_by_role, state, confidential_state, stakeholder_count, created_by_kind, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING id`,
      versionInsertValues(version, now),
    )
    return newVersionSummary(version, rows[0]?.id ?? Number.NaN, now)
  }

  async listVersions(mapId: string): Promise<VersionSummary[]> {
    const { rows } = await this.connection.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = $1 ORDER BY id DESC`,
      [mapId],
    )
    return rows.map(versionSummaryFromRow)
  }

  async getVersion(mapId: string, versionId: number): Promise<StoredVersion | null> {
    const { rows } = await this.connection.query<VersionRow & VersionStateRow>(
      `SELECT ${VERSION_COLUMNS}, state, confidential_state FROM map_versions
         WHERE map_id = $1 AND id = $2`,
      [mapId, versionId],
    )
    const row = rows[0]
    if (row === undefined) return null
    return storedVersionFromRow(row)
  }

  async rewriteVersions(
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): Promise<number> {
    return this.connection.transaction((client) => this.rewriteVersionsIn(client, mapId, rewrite))
  }

  /** Rewrites the map's versions as `rewrite` answers, inside `client`'s transaction. */
  async rewriteVersionsIn(
    client: PoolClient,
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): Promise<number> {
    const { rows } = await client.query<VersionStateRow>(
      'SELECT id, state, confidential_state FROM map_versions WHERE map_id = $1 ORDER BY id FOR UPDATE',
      [mapId],
    )
    const changed = rewrittenVersionRows(rows, rewrite)
    for (const row of changed) {
      await client.query(
        `UPDATE map_versions SET state = $1, stakeholder_count = coalesce($2, stakeholder_count),
           confidential_state = coalesce($3, confidential_state) WHERE id = $4`,
        [
          Buffer.from(row.state),
          row.stakeholderCount,
          row.confidentialState && Buffer.from(row.confidentialState),
          row.id,
        ],
      )
    }
    return changed.length
  }

  /**
   * The layout the map is stored in (undefined: no such map), read on any connection or,
   * locked against every other node's writes to the map, inside `client`'s transaction.
   */
  async documentLayout(mapId: string, lockedIn?: PoolClient): Promise<number | undefined> {
    const text = 'SELECT document_layout FROM maps WHERE id = $1'
    const { rows } =
      lockedIn === undefined
        ? await this.connection.query<{ document_layout: number }>(text, [mapId])
        : await lockedIn.query<{ document_layout: number }>(`${text} FOR UPDATE`, [mapId])
    return rows[0]?.document_layout
  }

  /** Marks the map current (and touched when its logs changed), inside `client`'s transaction. */
  async markLayoutCurrentIn(
    client: PoolClient,
    mapId: string,
    touchedAt: string | null,
  ): Promise<void> {
    await client.query(
      'UPDATE maps SET document_layout = $1, updated_at = coalesce($2, updated_at) WHERE id = $3',
      [CURRENT_DOCUMENT_LAYOUT, touchedAt, mapId],
    )
  }

  async recordAudit(changes: readonly AuditChange[], windowMs: number): Promise<void> {
    // One order for every node, so two nodes merging rows of the same participants cannot
    // lock them crosswise (deadlock).
    const key = (change: AuditChange) =>
      `${change.mapId}\u0000${change.stakeholderId}\u0000${change.participant.name}`
    const ordered = [...changes].sort((a, b) => compareText(key(a), key(b)))
    await this.connection.transaction(async (client) => {
      for (const change of ordered) {
        const { mapId, stakeholderId, participant, at } = change
        // Rows of values not recorded then (NULL) and rows of other kinds are never extended.
        const { rows } = await client.query<AuditColumns & { id: RowId }>(
          `SELECT id, fields, changes FROM audit_entries WHERE map_id = $1 AND stakeholder_id = $2
             AND participant_name = $3 AND participant_role IS NOT DISTINCT FROM $4
             AND participant_id IS NOT DISTINCT FROM $6
             AND last_at >= $5 AND kind = '${AUDIT_CHANGE_KIND}' AND changes IS NOT NULL
           ORDER BY last_at DESC LIMIT 1 FOR UPDATE`,
          [
            mapId,
            stakeholderId,
            participant.name,
            participant.role,
            auditWindowStart(change, windowMs),
            participant.id ?? null,
          ],
        )
        const row = rows[0]
        const { fields, changes: values } = auditColumnsAfter(row, change)
        if (row !== undefined) {
          await client.query(
            'UPDATE audit_entries SET fields = $1, changes = $2, last_at = $3 WHERE id = $4',
            [fields, values, at, row.id],
          )
        } else {
          await client.query(
            `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name,
               participant_role, fields, changes, first_at, last_at, participant_kind,
               participant_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)`,
            [
              mapId,
              stakeholderId,
              participant.name,
              participant.role,
              fields,
              values,
              at,
              participant.kind ?? null,
              participant.id ?? null,
            ],
          )
        }
      }
    })
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    await this.connection.query(
      `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
         kind, fields, changes, details, first_at, last_at, participant_kind, participant_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [...appendedAuditValues(entry), ...identityValues(entry.participant)],
    )
  }

  async listAudit(mapId: string, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { where, params } = auditWhere(mapId, query, (index) => `$${index}`)
    const { rows } = await this.connection.query<StoredAuditRow>(
      `SELECT * FROM audit_entries WHERE ${where} ORDER BY last_at DESC, id DESC`,
      params,
    )
    return rows.map(auditEntryFromRow)
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
