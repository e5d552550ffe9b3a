/**
 * The {@link UpdateLog} on PostgreSQL: the hot path, in hand-written SQL. Appends to one map
 * take the map row's lock first (`UPDATE maps …`), so a map's rows get their ids in commit
 * order: a reader that sees row n of a map has seen all its earlier ones, which makes
 * "everything after row n" a complete catch-up for another node. The methods taking a
 * `client` run inside the caller's transaction (the layout migration).
 */
import type { PoolClient } from 'pg'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { AppendedUpdates, StoredUpdates, UpdateLog } from './MapStore'
import type { PostgresConnection } from './PostgresConnection'
import { type RowId, type UpdateRow, storedUpdatesFromRows } from './mapStoreRows'

const SELECT_LOG =
  'SELECT id, "update" FROM map_updates WHERE map_id = $1 AND doc = $3 AND id > $2 ORDER BY id'

export class PostgresUpdateLog implements UpdateLog {
  constructor(private readonly connection: PostgresConnection) {}

  async appendUpdates(
    mapId: string,
    updates: readonly Uint8Array[],
    document: MapDocumentName = 'map',
  ): Promise<AppendedUpdates> {
    const now = new Date().toISOString()
    return this.connection.transaction(async (client) => {
      // The row lock serialises appends to this map until commit (see the file comment).
      await client.query('UPDATE maps SET updated_at = $1 WHERE id = $2', [now, mapId])
      const last = await client.query<{ id: RowId | null }>(
        'SELECT max(id) AS id FROM map_updates WHERE map_id = $1 AND doc = $2',
        [mapId, document],
      )
      const previousId = Number(last.rows[0]?.id ?? 0)
      const inserted = await client.query<{ id: RowId }>(
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
    const { rows } = await this.connection.query<UpdateRow>(SELECT_LOG, [mapId, afterId, document])
    return storedUpdatesFromRows(rows, afterId)
  }

  async compact(
    mapId: string,
    mergedUpdate: Uint8Array,
    uptoId: number,
    document: MapDocumentName = 'map',
  ): Promise<void> {
    await this.connection.transaction(async (client) => {
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
    const { rows } = await this.connection.query<{ count: string }>(
      'SELECT count(*) AS count FROM map_updates WHERE map_id = $1 AND doc = $2',
      [mapId, document],
    )
    return Number(rows[0]?.count ?? 0)
  }

  /** A document's whole log, read inside `client`'s transaction. */
  async logIn(
    client: PoolClient,
    mapId: string,
    document: MapDocumentName,
  ): Promise<StoredUpdates> {
    const { rows } = await client.query<UpdateRow>(SELECT_LOG, [mapId, 0, document])
    return storedUpdatesFromRows(rows, 0)
  }

  /**
   * Replaces the map document's whole log by `map` and appends `confidentialAddition` to the
   * confidential log, inside `client`'s transaction.
   */
  async replaceMapLogIn(
    client: PoolClient,
    mapId: string,
    logs: { map: Uint8Array; confidentialAddition: Uint8Array },
    now: string,
  ): Promise<void> {
    await client.query("DELETE FROM map_updates WHERE map_id = $1 AND doc = 'map'", [mapId])
    // New ids, above every row any node has applied: they all read these rows next.
    await client.query(
      `INSERT INTO map_updates (map_id, doc, "update", created_at)
         VALUES ($1, 'map', $2, $4), ($1, 'confidential', $3, $4)`,
      [mapId, Buffer.from(logs.map), Buffer.from(logs.confidentialAddition), now],
    )
  }
}
