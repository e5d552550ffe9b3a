import pg from 'pg'
import type { PoolClient } from 'pg'
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
import { migratePostgres } from './postgresMigrations'

/** Connection settings of a {@link PostgresMapStore}. */
export interface PostgresMapStoreOptions {
  /** `postgres://…`; a `?options=-c%20search_path%3D<schema>` parameter picks the schema. */
  connectionString: string
  /** Most connections the pool opens at once. */
  poolSize: number
  /** Told about errors of idle connections (e.g. the server ended them); they are replaced. */
  onConnectionError?: (error: Error) => void
}

interface MapRow {
  id: string
  title: string
  template: MapMetadata['template']
  created_at: string
  updated_at: string
}

interface VersionRow {
  id: string
  name: string
  kind: string
  created_at: string
  created_by_name: string
  created_by_role: string | null
  byte_size: number
  stakeholder_count: number
}

/** BIGSERIAL ids come back as text; maps will not reach 2^53 rows. */
type Id = string

interface UpdateRow {
  id: Id
  update: Buffer
}

const VERSION_COLUMNS =
  'id, name, kind, created_at, created_by_name, created_by_role, ' +
  'octet_length(state) AS byte_size, stakeholder_count'

/**
 * {@link MapStore} on PostgreSQL (node-postgres pool), for several server nodes sharing one
 * database. Each method is one statement or one transaction; with `synchronous_commit` on
 * (the default) a resolved write is durable. The schema is migrated on first use.
 *
 * Appends to one map take the map row's lock first (`UPDATE maps …`), so a map's rows get
 * their ids in commit order: a reader that sees row n of a map has seen all its earlier
 * ones, which makes "everything after row n" a complete catch-up for another node.
 */
export class PostgresMapStore implements MapStore {
  private readonly pool: pg.Pool
  /** Settles once the schema is migrated; reset after a failure so the next call retries. */
  private ready: Promise<void> | null = null

  constructor(options: PostgresMapStoreOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    })
    // An idle connection ended by the server must not crash the process: the pool drops it
    // and opens a new one on demand.
    this.pool.on('error', (error) => options.onConnectionError?.(error))
  }

  async createMap(
    map: NewMap,
    tokenHashes: Partial<Record<Role, Uint8Array>> = {},
  ): Promise<MapMetadata> {
    const now = new Date().toISOString()
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO maps (id, title, template, created_at, updated_at, document_layout)
           VALUES ($1, $2, $3, $4, $4, $5)`,
        [map.id, map.title, map.template, now, CURRENT_DOCUMENT_LAYOUT],
      )
      for (const [role, hash] of Object.entries(tokenHashes)) {
        await client.query(
          'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES ($1, $2, $3, $4)',
          [Buffer.from(hash), map.id, role, now],
        )
      }
    })
    return { ...map, createdAt: now, updatedAt: now }
  }

  async getMap(id: string): Promise<MapMetadata | null> {
    const { rows } = await this.query<MapRow>('SELECT * FROM maps WHERE id = $1', [id])
    const row = rows[0]
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
    await this.query('UPDATE maps SET updated_at = $1 WHERE id = $2', [
      new Date().toISOString(),
      id,
    ])
  }

  async appendUpdates(
    mapId: string,
    updates: readonly Uint8Array[],
    document: MapDocumentName = 'map',
  ): Promise<AppendedUpdates> {
    const now = new Date().toISOString()
    return this.transaction(async (client) => {
      // The row lock serialises appends to this map until commit (see the class comment).
      await client.query('UPDATE maps SET updated_at = $1 WHERE id = $2', [now, mapId])
      const last = await client.query<{ id: Id | null }>(
        'SELECT max(id) AS id FROM map_updates WHERE map_id = $1 AND doc = $2',
        [mapId, document],
      )
      const previousId = Number(last.rows[0]?.id ?? 0)
      const inserted = await client.query<{ id: Id }>(
        `INSERT INTO map_updates (map_id, doc, "update", created_at)
           SELECT $1, $4, u, $3 FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n
         RETURNING id`,
        [mapId, updates.map((update) => Buffer.from(update)), now, document],
      )
      const ids = inserted.rows.map((row) => Number(row.id))
      return { previousId, lastId: ids.length > 0 ? Math.max(...ids) : previousId }
    })
  }

  async loadUpdates(mapId: string, document: MapDocumentName = 'map'): Promise<StoredUpdates> {
    return this.loadUpdatesSince(mapId, 0, document)
  }

  async loadUpdatesSince(
    mapId: string,
    afterId: number,
    document: MapDocumentName = 'map',
  ): Promise<StoredUpdates> {
    const { rows } = await this.query<UpdateRow>(
      'SELECT id, "update" FROM map_updates WHERE map_id = $1 AND doc = $3 AND id > $2 ORDER BY id',
      [mapId, afterId, document],
    )
    return readUpdates(rows, afterId)
  }

  async compact(
    mapId: string,
    mergedUpdate: Uint8Array,
    uptoId: number,
    document: MapDocumentName = 'map',
  ): Promise<void> {
    await this.transaction(async (client) => {
      // Same lock as appends: no append of this map interleaves with the rewrite.
      await client.query('SELECT id FROM maps WHERE id = $1 FOR NO KEY UPDATE', [mapId])
      const deleted = await client.query(
        'DELETE FROM map_updates WHERE map_id = $1 AND doc = $2 AND id <= $3',
        [mapId, document, uptoId],
      )
      if (deleted.rowCount === 0) return
      // The merged row takes the id of the newest row it replaces, so it still sorts before
      // rows appended while it was being computed.
      await client.query(
        'INSERT INTO map_updates (id, map_id, doc, "update", created_at) VALUES ($1, $2, $3, $4, $5)',
        [uptoId, mapId, document, Buffer.from(mergedUpdate), new Date().toISOString()],
      )
    })
  }

  async countUpdates(mapId: string, document: MapDocumentName = 'map'): Promise<number> {
    const { rows } = await this.query<{ count: string }>(
      'SELECT count(*) AS count FROM map_updates WHERE map_id = $1 AND doc = $2',
      [mapId, document],
    )
    return Number(rows[0]?.count ?? 0)
  }

  async migrateLayout(mapId: string, migration: LayoutMigration): Promise<LayoutMigrationResult> {
    const unchanged = { logsChanged: false, versionsRewritten: 0 }
    const isCurrent = (rows: { document_layout: number }[]) =>
      rows[0] === undefined ||
      (rows[0].document_layout >= CURRENT_DOCUMENT_LAYOUT && !migration.force)
    const layoutQuery = 'SELECT document_layout FROM maps WHERE id = $1'
    // The usual case, a map already current, costs one read and no lock.
    if (isCurrent((await this.query<{ document_layout: number }>(layoutQuery, [mapId])).rows)) {
      return unchanged
    }
    return this.transaction(async (client) => {
      // The lock appends take: every other node's writes to this map wait for the split, and
      // a node that migrates at the same time finds it done.
      const locked = await client.query<{ document_layout: number }>(`${layoutQuery} FOR UPDATE`, [
        mapId,
      ])
      if (isCurrent(locked.rows)) return unchanged
      const logOf = async (document: MapDocumentName) =>
        readUpdates(
          (
            await client.query<UpdateRow>(
              'SELECT id, "update" FROM map_updates WHERE map_id = $1 AND doc = $2 ORDER BY id',
              [mapId, document],
            )
          ).rows,
          0,
        ).updates
      const logs = migration.logs(await logOf('map'), await logOf('confidential'))
      const now = new Date().toISOString()
      if (logs !== null) {
        await client.query("DELETE FROM map_updates WHERE map_id = $1 AND doc = 'map'", [mapId])
        // New ids, above every row any node has applied: they all read these rows next.
        await client.query(
          `INSERT INTO map_updates (map_id, doc, "update", created_at)
             VALUES ($1, 'map', $2, $4), ($1, 'confidential', $3, $4)`,
          [mapId, Buffer.from(logs.map), Buffer.from(logs.confidentialAddition), now],
        )
      }
      const versionsRewritten = await this.rewriteVersionRows(client, mapId, migration.version)
      await client.query(
        'UPDATE maps SET document_layout = $1, updated_at = CASE WHEN $2 THEN $3 ELSE updated_at END WHERE id = $4',
        [CURRENT_DOCUMENT_LAYOUT, logs !== null, now, mapId],
      )
      return { logsChanged: logs !== null, versionsRewritten }
    })
  }

  async deleteMap(id: string): Promise<void> {
    await this.query('DELETE FROM maps WHERE id = $1', [id])
  }

  async listTokens(mapId: string): Promise<StoredToken[]> {
    const { rows } = await this.query<{
      token_hash: Buffer
      role: string
      revoked_at: string | null
    }>('SELECT token_hash, role, revoked_at FROM map_tokens WHERE map_id = $1', [mapId])
    return storedTokens(rows)
  }

  async findTokenMap(hash: Uint8Array): Promise<string | null> {
    const { rows } = await this.query<{ map_id: string }>(
      'SELECT map_id FROM map_tokens WHERE token_hash = $1',
      [Buffer.from(hash)],
    )
    return rows[0]?.map_id ?? null
  }

  async replaceToken(mapId: string, role: Role, hash: Uint8Array): Promise<void> {
    const now = new Date().toISOString()
    await this.transaction(async (client) => {
      await client.query(
        `UPDATE map_tokens SET revoked_at = $1
           WHERE map_id = $2 AND role = $3 AND revoked_at IS NULL`,
        [now, mapId, role],
      )
      await client.query(
        'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES ($1, $2, $3, $4)',
        [Buffer.from(hash), mapId, role, now],
      )
    })
  }

  async addVersion(version: NewVersion): Promise<VersionSummary> {
    const now = new Date().toISOString()
    const { rows } = await this.query<{ id: Id }>(
      `INSERT INTO map_versions (map_id, name, kind, created_at, created_by_name,
         created_by_role, state, confidential_state, stakeholder_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id`,
      [
        version.mapId,
        version.name,
        version.kind,
        now,
        version.createdBy.name,
        version.createdBy.role,
        Buffer.from(version.state),
        version.confidentialState && Buffer.from(version.confidentialState),
        version.stakeholderCount,
      ],
    )
    return {
      id: Number(rows[0]?.id),
      name: version.name,
      kind: version.kind,
      createdAt: now,
      createdBy: version.createdBy,
      byteSize: version.state.byteLength,
      stakeholderCount: version.stakeholderCount,
    }
  }

  async listVersions(mapId: string): Promise<VersionSummary[]> {
    const { rows } = await this.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM map_versions WHERE map_id = $1 ORDER BY id DESC`,
      [mapId],
    )
    return rows.map(toVersionSummary)
  }

  async getVersion(mapId: string, versionId: number): Promise<StoredVersion | null> {
    const { rows } = await this.query<
      VersionRow & { state: Buffer; confidential_state: Buffer | null }
    >(
      `SELECT ${VERSION_COLUMNS}, state, confidential_state FROM map_versions
         WHERE map_id = $1 AND id = $2`,
      [mapId, versionId],
    )
    const row = rows[0]
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
    return this.transaction((client) => this.rewriteVersionRows(client, mapId, rewrite))
  }

  /** Rewrites the map's versions as `rewrite` answers, inside `client`'s transaction. */
  private async rewriteVersionRows(
    client: PoolClient,
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): Promise<number> {
    const { rows } = await client.query<{
      id: Id
      state: Buffer
      confidential_state: Buffer | null
    }>(
      'SELECT id, state, confidential_state FROM map_versions WHERE map_id = $1 ORDER BY id FOR UPDATE',
      [mapId],
    )
    let changed = 0
    for (const row of rows) {
      const secret = row.confidential_state && new Uint8Array(row.confidential_state)
      const next = rewrite(new Uint8Array(row.state), secret)
      if (next === null) continue
      await client.query(
        `UPDATE map_versions SET state = $1, stakeholder_count = coalesce($2, stakeholder_count),
           confidential_state = coalesce($3, confidential_state) WHERE id = $4`,
        [
          Buffer.from(next.state),
          next.stakeholderCount ?? null,
          next.confidentialState ? Buffer.from(next.confidentialState) : null,
          row.id,
        ],
      )
      changed += 1
    }
    return changed
  }

  async recordAudit(changes: readonly AuditChange[], windowMs: number): Promise<void> {
    // One order for every node, so two nodes merging rows of the same participants cannot
    // lock them crosswise (deadlock).
    const ordered = [...changes].sort((a, b) =>
      compareText(
        `${a.mapId}\u0000${a.stakeholderId}\u0000${a.participant.name}`,
        `${b.mapId}\u0000${b.stakeholderId}\u0000${b.participant.name}`,
      ),
    )
    await this.transaction(async (client) => {
      for (const change of ordered) {
        const since = new Date(Date.parse(change.at) - windowMs).toISOString()
        const { mapId, stakeholderId, participant, at } = change
        // Rows of values not recorded then (NULL) and rows of other kinds are never extended.
        const { rows } = await client.query<{ id: Id; fields: string; changes: string }>(
          `SELECT id, fields, changes FROM audit_entries WHERE map_id = $1 AND stakeholder_id = $2
             AND participant_name = $3 AND participant_role IS NOT DISTINCT FROM $4
             AND last_at >= $5 AND kind = '${AUDIT_CHANGE_KIND}' AND changes IS NOT NULL
           ORDER BY last_at DESC LIMIT 1 FOR UPDATE`,
          [mapId, stakeholderId, participant.name, participant.role, since],
        )
        const row = rows[0]
        if (row !== undefined) {
          const fields = new Set([...(JSON.parse(row.fields) as string[]), ...change.fields])
          const merged = mergeAuditChanges(
            JSON.parse(row.changes) as AuditFieldChange[],
            change.changes ?? [],
          )
          await client.query(
            'UPDATE audit_entries SET fields = $1, changes = $2, last_at = $3 WHERE id = $4',
            [JSON.stringify([...fields].sort()), JSON.stringify(merged), at, row.id],
          )
        } else {
          const fields = JSON.stringify([...new Set(change.fields)].sort())
          await client.query(
            `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name,
               participant_role, fields, changes, first_at, last_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
            [
              mapId,
              stakeholderId,
              participant.name,
              participant.role,
              fields,
              JSON.stringify(change.changes ?? []),
              at,
            ],
          )
        }
      }
    })
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    const at = entry.at ?? new Date().toISOString()
    await this.query(
      `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
         kind, fields, changes, details, first_at, last_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [
        entry.mapId,
        entry.stakeholderId,
        entry.participant.name,
        entry.participant.role,
        entry.kind,
        JSON.stringify(entry.fields ?? []),
        JSON.stringify(entry.changes ?? []),
        entry.details === undefined ? null : JSON.stringify(entry.details),
        at,
      ],
    )
  }

  async listAudit(mapId: string, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { where, params } = auditWhere(mapId, query, (index) => `$${index}`)
    const { rows } = await this.query<StoredAuditRow>(
      `SELECT * FROM audit_entries WHERE ${where} ORDER BY last_at DESC, id DESC`,
      params,
    )
    return rows.map(auditEntryFromRow)
  }

  async purgeFreedSpace(): Promise<void> {
    // Plain VACUUM: the old tuples' space is freed for reuse without locking out the other
    // nodes (VACUUM FULL would stop every write while it rewrites the tables). Old tuples can
    // stay in unreused page space, WAL segments and backups for a while (docs/sync.md).
    await this.query('VACUUM map_updates, map_versions')
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end()
  }

  private async query<Row extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<Row>> {
    await this.migrated()
    return this.pool.query<Row>(text, values)
  }

  /** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    await this.migrated()
    return this.withClient(async (client, markBroken) => {
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        // A connection that cannot even roll back must not be handed out again.
        await client.query('ROLLBACK').catch(markBroken)
        throw error
      }
    })
  }

  /**
   * Runs `work` on a connection of its own. While checked out, the connection's errors
   * (the server ending it) are ours to handle: unhandled they would crash the process.
   * Such a connection is destroyed on release instead of going back to the pool.
   */
  private async withClient<T>(
    work: (client: PoolClient, markBroken: (error: unknown) => void) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    const markBroken = (error: unknown): void => {
      broken ??= error instanceof Error ? error : new Error(String(error))
    }
    client.on('error', markBroken)
    try {
      return await work(client, markBroken)
    } finally {
      client.off('error', markBroken)
      client.release(broken)
    }
  }

  private migrated(): Promise<void> {
    this.ready ??= this.withClient(async (client, markBroken) => {
      try {
        await migratePostgres(client)
      } catch (error) {
        markBroken(error)
        throw error
      }
    }).catch((error: unknown) => {
      this.ready = null
      throw error
    })
    return this.ready
  }
}

function readUpdates(rows: readonly UpdateRow[], afterId: number): StoredUpdates {
  const updates: Uint8Array[] = []
  let lastId = afterId
  let bytes = 0
  for (const row of rows) {
    updates.push(new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength))
    lastId = Number(row.id)
    bytes += row.update.byteLength
  }
  return { updates, lastId, bytes }
}

function toVersionSummary(row: VersionRow): VersionSummary {
  return {
    id: Number(row.id),
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
