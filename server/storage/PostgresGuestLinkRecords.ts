/** The {@link GuestLinkRecords} on PostgreSQL: one statement per method. */
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
import type { PostgresConnection } from './PostgresConnection'

export class PostgresGuestLinkRecords implements GuestLinkRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async createGuestLink(link: NewGuestLink): Promise<GuestLinkSummary> {
    const now = new Date().toISOString()
    await this.connection.query(
      `INSERT INTO guest_links (id, map_id, token_hash, role, created_at, expires_at,
         created_by_role, created_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        link.id,
        link.mapId,
        Buffer.from(link.tokenHash),
        link.role,
        now,
        link.expiresAt,
        link.createdBy.role,
        link.createdBy.name,
      ],
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
    const { rows } = await this.connection.query<GuestLinkRow>(
      `SELECT ${GUEST_LINK_COLUMNS} FROM guest_links WHERE map_id = $1
         ORDER BY created_at DESC, id DESC`,
      [mapId],
    )
    return rows.map(guestLinkSummaryFromRow)
  }

  async findGuestLink(tokenHash: Uint8Array): Promise<StoredGuestLink | null> {
    const { rows } = await this.connection.query<GuestLinkRow>(
      `SELECT ${GUEST_LINK_COLUMNS} FROM guest_links WHERE token_hash = $1`,
      [Buffer.from(tokenHash)],
    )
    const row = rows[0]
    return row === undefined ? null : storedGuestLinkFromRow(row)
  }

  async revokeGuestLink(mapId: string, linkId: string): Promise<GuestLinkSummary | null> {
    const { rows } = await this.connection.query<GuestLinkRow>(
      `UPDATE guest_links SET revoked_at = coalesce(revoked_at, $1)
         WHERE map_id = $2 AND id = $3 RETURNING ${GUEST_LINK_COLUMNS}`,
      [new Date().toISOString(), mapId, linkId],
    )
    const row = rows[0]
    return row === undefined ? null : guestLinkSummaryFromRow(row)
  }
}
