/** The {@link GuestLinkRecords} on SQLite: one statement per method. */
import type Database from 'better-sqlite3'
import type { GuestLinkSummary } from '../../shared/protocol/guestLinks'
import {
  GUEST_LINK_COLUMNS,
  type GuestLinkRecords,
  type GuestLinkRow,
  type NewGuestLink,
  type StoredGuestLink,
  guestLinkSummaryFromRow,
  storedGuestLinkFromRow,
} from './GuestLinkRecords'

export class SqliteGuestLinkRecords implements GuestLinkRecords {
  constructor(private readonly db: Database.Database) {}

  async createGuestLink(link: NewGuestLink): Promise<GuestLinkSummary> {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO guest_links (id, map_id, token_hash, role, created_at, expires_at,
           created_by_role, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        link.id,
        link.mapId,
        link.tokenHash,
        link.role,
        now,
        link.expiresAt,
        link.createdBy.role,
        link.createdBy.name,
      )
    return {
      id: link.id,
      role: link.role,
      createdAt: now,
      expiresAt: link.expiresAt,
      revokedAt: null,
      createdBy: link.createdBy,
    }
  }

  async listGuestLinks(mapId: string): Promise<GuestLinkSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT ${GUEST_LINK_COLUMNS} FROM guest_links WHERE map_id = ?
           ORDER BY created_at DESC, id DESC`,
      )
      .all(mapId) as GuestLinkRow[]
    return rows.map(guestLinkSummaryFromRow)
  }

  async findGuestLink(tokenHash: Uint8Array): Promise<StoredGuestLink | null> {
    const row = this.db
      .prepare(`SELECT ${GUEST_LINK_COLUMNS} FROM guest_links WHERE token_hash = ?`)
      .get(tokenHash) as GuestLinkRow | undefined
    return row === undefined ? null : storedGuestLinkFromRow(row)
  }

  async revokeGuestLink(mapId: string, linkId: string): Promise<GuestLinkSummary | null> {
    const row = this.db
      .prepare(
        `UPDATE guest_links SET revoked_at = coalesce(revoked_at, ?)
           WHERE map_id = ? AND id = ? RETURNING ${GUEST_LINK_COLUMNS}`,
      )
      .get(new Date().toISOString(), mapId, linkId) as GuestLinkRow | undefined
    return row === undefined ? null : guestLinkSummaryFromRow(row)
  }
}
