/**
 * The {@link LibraryRecords} on PostgreSQL, so every node sees the same members: a member
 * change runs in one transaction holding the map row's lock, so two owners demoting each
 * other at once cannot leave the map without one; rows are read as in SQLite
 * (libraryRows.ts).
 */
import type { PoolClient } from 'pg'
import type { LibraryEntry, MemberKind } from '../../shared/protocol/libraryApi'
import { strongestRole } from '../../shared/protocol/libraryApi'
import { isRole, type Role } from '../../shared/protocol/roles'
import type {
  LibraryQuery,
  LibraryRecords,
  MapSummary,
  MemberChange,
  StoredMember,
} from './LibraryRecords'
import type { PostgresConnection } from './PostgresConnection'
import {
  type LibraryRow,
  type MemberRow,
  libraryEntries,
  memberFromRow,
  orderMembers,
  storedStakeholderNames,
} from './libraryRows'

const LIBRARY_COLUMNS =
  'm.id, m.title, m.updated_at, m.updated_by_name, m.stakeholder_count, m.stakeholder_names, ' +
  'm.archived_at'

export class PostgresLibraryRecords implements LibraryRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async claimMap(mapId: string, userId: string): Promise<void> {
    await this.connection.transaction(async (client) => {
      await client.query('UPDATE maps SET created_by = $1 WHERE id = $2', [userId, mapId])
      await client.query(
        `INSERT INTO map_members (map_id, member_kind, member_id, role, added_at)
           VALUES ($1, 'user', $2, 'owner', $3)
           ON CONFLICT (map_id, member_kind, member_id) DO UPDATE SET role = 'owner'`,
        [mapId, userId, new Date().toISOString()],
      )
    })
  }

  async listMembers(mapId: string): Promise<StoredMember[]> {
    const { rows } = await this.connection.query<MemberRow>(
      `SELECT mm.member_kind, mm.member_id, mm.role, mm.added_at, u.name AS user_name,
              u.email AS user_email
         FROM map_members mm
         LEFT JOIN users u ON mm.member_kind = 'user' AND u.id = mm.member_id
        WHERE mm.map_id = $1`,
      [mapId],
    )
    return orderMembers(rows.flatMap((row) => memberFromRow(row) ?? []))
  }

  async putMember(mapId: string, kind: MemberKind, id: string, role: Role): Promise<MemberChange> {
    return this.connection.transaction(async (client): Promise<MemberChange> => {
      const current = await this.lockAndReadRole(client, mapId, kind, id)
      if (current === role) return { ok: true, changed: false }
      if (current === 'owner' && (await this.otherOwners(client, mapId, kind, id)) === 0) {
        return { ok: false, reason: 'last-owner' }
      }
      await client.query(
        `INSERT INTO map_members (map_id, member_kind, member_id, role, added_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (map_id, member_kind, member_id) DO UPDATE SET role = excluded.role`,
        [mapId, kind, id, role, new Date().toISOString()],
      )
      return { ok: true, changed: true }
    })
  }

  async removeMember(mapId: string, kind: MemberKind, id: string): Promise<MemberChange> {
    return this.connection.transaction(async (client): Promise<MemberChange> => {
      const current = await this.lockAndReadRole(client, mapId, kind, id)
      if (current === null) return { ok: true, changed: false }
      if (current === 'owner' && (await this.otherOwners(client, mapId, kind, id)) === 0) {
        return { ok: false, reason: 'last-owner' }
      }
      await client.query(
        'DELETE FROM map_members WHERE map_id = $1 AND member_kind = $2 AND member_id = $3',
        [mapId, kind, id],
      )
      return { ok: true, changed: true }
    })
  }

  async roleOf(mapId: string, userId: string, groups: readonly string[]): Promise<Role | null> {
    const { rows } = await this.connection.query<{ role: string }>(
      `SELECT role FROM map_members
        WHERE map_id = $1 AND ((member_kind = 'user' AND member_id = $2)
           OR (member_kind = 'group' AND member_id = ANY($3::text[])))`,
      [mapId, userId, [...groups]],
    )
    return strongestRole(rows.flatMap(({ role }) => (isRole(role) ? [role] : [])))
  }

  async setArchived(mapId: string, archived: boolean): Promise<void> {
    await this.connection.query('UPDATE maps SET archived_at = $1 WHERE id = $2', [
      archived ? new Date().toISOString() : null,
      mapId,
    ])
  }

  async recordSummary(mapId: string, summary: MapSummary): Promise<void> {
    await this.connection.query(
      `UPDATE maps SET stakeholder_names = $1, stakeholder_count = $2,
           updated_by_name = COALESCE($3, updated_by_name), summary_stored_at = $4 WHERE id = $5`,
      [
        storedStakeholderNames(summary.stakeholderNames),
        summary.stakeholderNames.length,
        summary.updatedBy,
        new Date().toISOString(),
        mapId,
      ],
    )
  }

  async listUnsummarisedMaps(limit: number): Promise<string[]> {
    const { rows } = await this.connection.query<{ id: string }>(
      'SELECT id FROM maps WHERE summary_stored_at IS NULL ORDER BY id LIMIT $1',
      [limit],
    )
    return rows.map((row) => row.id)
  }

  async recordMissingSummary(mapId: string, stakeholderNames: readonly string[]): Promise<boolean> {
    const result = await this.connection.query(
      `UPDATE maps SET stakeholder_names = $1, stakeholder_count = $2, summary_stored_at = $3
         WHERE id = $4 AND summary_stored_at IS NULL`,
      [
        storedStakeholderNames(stakeholderNames),
        stakeholderNames.length,
        new Date().toISOString(),
        mapId,
      ],
    )
    return (result.rowCount ?? 0) > 0
  }

  async listLibrary(query: LibraryQuery): Promise<LibraryEntry[]> {
    const { rows } = query.admin
      ? await this.connection.query<LibraryRow>(
          `SELECT ${LIBRARY_COLUMNS}, NULL AS role FROM maps m`,
        )
      : await this.connection.query<LibraryRow>(
          `SELECT ${LIBRARY_COLUMNS}, mm.role FROM maps m
             JOIN map_members mm ON mm.map_id = m.id
            WHERE (mm.member_kind = 'user' AND mm.member_id = $1)
               OR (mm.member_kind = 'group' AND mm.member_id = ANY($2::text[]))`,
          [query.userId, [...query.groups]],
        )
    return libraryEntries(rows, query)
  }

  /** Takes the map row's lock (member changes of one map run one after another). */
  private async lockAndReadRole(
    client: PoolClient,
    mapId: string,
    kind: MemberKind,
    id: string,
  ): Promise<string | null> {
    await client.query('SELECT 1 FROM maps WHERE id = $1 FOR UPDATE', [mapId])
    const { rows } = await client.query<{ role: string }>(
      'SELECT role FROM map_members WHERE map_id = $1 AND member_kind = $2 AND member_id = $3',
      [mapId, kind, id],
    )
    return rows[0]?.role ?? null
  }

  private async otherOwners(
    client: PoolClient,
    mapId: string,
    kind: MemberKind,
    id: string,
  ): Promise<number> {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM map_members WHERE map_id = $1 AND role = 'owner'
          AND NOT (member_kind = $2 AND member_id = $3)`,
      [mapId, kind, id],
    )
    return Number(rows[0]?.n ?? 0)
  }
}
