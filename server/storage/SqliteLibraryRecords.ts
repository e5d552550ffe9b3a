/**
 * The {@link LibraryRecords} on SQLite: one statement or one synchronous transaction per
 * method (a member change and its last-owner check cannot be interleaved); the rows are
 * read as in PostgreSQL (libraryRows.ts).
 */
import type Database from 'better-sqlite3'
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

export class SqliteLibraryRecords implements LibraryRecords {
  constructor(private readonly db: Database.Database) {}

  async claimMap(mapId: string, userId: string): Promise<void> {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      this.db.prepare('UPDATE maps SET created_by = ? WHERE id = ?').run(userId, mapId)
      this.db
        .prepare(
          `INSERT INTO map_members (map_id, member_kind, member_id, role, added_at)
             VALUES (?, 'user', ?, 'owner', ?)
             ON CONFLICT (map_id, member_kind, member_id) DO UPDATE SET role = 'owner'`,
        )
        .run(mapId, userId, now)
    })()
  }

  async listMembers(mapId: string): Promise<StoredMember[]> {
    const rows = this.db
      .prepare(
        `SELECT mm.member_kind, mm.member_id, mm.role, mm.added_at, u.name AS user_name,
                u.email AS user_email
           FROM map_members mm
           LEFT JOIN users u ON mm.member_kind = 'user' AND u.id = mm.member_id
          WHERE mm.map_id = ?`,
      )
      .all(mapId) as MemberRow[]
    return orderMembers(rows.flatMap((row) => memberFromRow(row) ?? []))
  }

  async putMember(mapId: string, kind: MemberKind, id: string, role: Role): Promise<MemberChange> {
    return this.db.transaction((): MemberChange => {
      const current = this.currentRole(mapId, kind, id)
      if (current === role) return { ok: true, changed: false }
      if (current === 'owner' && this.otherOwners(mapId, kind, id) === 0) {
        return { ok: false, reason: 'last-owner' }
      }
      this.db
        .prepare(
          `INSERT INTO map_members (map_id, member_kind, member_id, role, added_at)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (map_id, member_kind, member_id) DO UPDATE SET role = excluded.role`,
        )
        .run(mapId, kind, id, role, new Date().toISOString())
      return { ok: true, changed: true }
    })()
  }

  async removeMember(mapId: string, kind: MemberKind, id: string): Promise<MemberChange> {
    return this.db.transaction((): MemberChange => {
      const current = this.currentRole(mapId, kind, id)
      if (current === null) return { ok: true, changed: false }
      if (current === 'owner' && this.otherOwners(mapId, kind, id) === 0) {
        return { ok: false, reason: 'last-owner' }
      }
      this.db
        .prepare('DELETE FROM map_members WHERE map_id = ? AND member_kind = ? AND member_id = ?')
        .run(mapId, kind, id)
      return { ok: true, changed: true }
    })()
  }

  async roleOf(mapId: string, userId: string, groups: readonly string[]): Promise<Role | null> {
    const rows = this.db
      .prepare(
        `SELECT role FROM map_members
          WHERE map_id = ? AND ((member_kind = 'user' AND member_id = ?)
             OR (member_kind = 'group' AND member_id IN (SELECT value FROM json_each(?))))`,
      )
      .all(mapId, userId, JSON.stringify(groups)) as { role: string }[]
    return strongestRole(rows.flatMap(({ role }) => (isRole(role) ? [role] : [])))
  }

  async setArchived(mapId: string, archived: boolean): Promise<void> {
    this.db
      .prepare('UPDATE maps SET archived_at = ? WHERE id = ?')
      .run(archived ? new Date().toISOString() : null, mapId)
  }

  async recordSummary(mapId: string, summary: MapSummary): Promise<void> {
    this.db
      .prepare(
        `UPDATE maps SET stakeholder_names = ?, stakeholder_count = ?,
             updated_by_name = COALESCE(?, updated_by_name), summary_stored_at = ? WHERE id = ?`,
      )
      .run(
        storedStakeholderNames(summary.stakeholderNames),
        summary.stakeholderNames.length,
        summary.updatedBy,
        new Date().toISOString(),
        mapId,
      )
  }

  async listUnsummarisedMaps(limit: number): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT id FROM maps WHERE summary_stored_at IS NULL ORDER BY id LIMIT ?')
      .all(limit) as { id: string }[]
    return rows.map((row) => row.id)
  }

  async recordMissingSummary(mapId: string, stakeholderNames: readonly string[]): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE maps SET stakeholder_names = ?, stakeholder_count = ?, summary_stored_at = ?
           WHERE id = ? AND summary_stored_at IS NULL`,
      )
      .run(
        storedStakeholderNames(stakeholderNames),
        stakeholderNames.length,
        new Date().toISOString(),
        mapId,
      )
    return result.changes > 0
  }

  async listLibrary(query: LibraryQuery): Promise<LibraryEntry[]> {
    const rows = query.admin
      ? (this.db
          .prepare(`SELECT ${LIBRARY_COLUMNS}, NULL AS role FROM maps m`)
          .all() as LibraryRow[])
      : (this.db
          .prepare(
            `SELECT ${LIBRARY_COLUMNS}, mm.role FROM maps m
               JOIN map_members mm ON mm.map_id = m.id
              WHERE (mm.member_kind = 'user' AND mm.member_id = ?)
                 OR (mm.member_kind = 'group' AND mm.member_id IN (SELECT value FROM json_each(?)))`,
          )
          .all(query.userId, JSON.stringify(query.groups)) as LibraryRow[])
    return libraryEntries(rows, query)
  }

  private currentRole(mapId: string, kind: MemberKind, id: string): string | null {
    const row = this.db
      .prepare(
        'SELECT role FROM map_members WHERE map_id = ? AND member_kind = ? AND member_id = ?',
      )
      .get(mapId, kind, id) as { role: string } | undefined
    return row?.role ?? null
  }

  private otherOwners(mapId: string, kind: MemberKind, id: string): number {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM map_members WHERE map_id = ? AND role = 'owner'
            AND NOT (member_kind = ? AND member_id = ?)`,
      )
      .get(mapId, kind, id) as { n: number }
    return row.n
  }
}
