/** The {@link ConfirmationLinkRecords} on PostgreSQL: one statement per method. */
import type { StakeholderAnswer } from '../../shared/confirmation/stakeholderAnswer'
import type { ConfirmationLinkSummary } from '../../shared/protocol/confirmationLinks'
import {
  CONFIRMATION_LINK_COLUMNS,
  type ConfirmationLinkRecords,
  type ConfirmationLinkRow,
  type NewConfirmationLink,
  type StoredConfirmationLink,
  confirmationLinkSummaryFromRow,
  newConfirmationLinkSummary,
  storedConfirmationLinkFromRow,
} from './ConfirmationLinkRecords'
import type { PostgresConnection } from './PostgresConnection'

export class PostgresConfirmationLinkRecords implements ConfirmationLinkRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async create(link: NewConfirmationLink): Promise<ConfirmationLinkSummary> {
    const now = new Date().toISOString()
    await this.connection.query(
      `INSERT INTO confirmation_links (id, map_id, stakeholder_id, entry_id, token_hash,
         created_at, expires_at, created_by_role, created_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        link.id,
        link.mapId,
        link.stakeholderId,
        link.entryId,
        Buffer.from(link.tokenHash),
        now,
        link.expiresAt,
        link.createdBy.role,
        link.createdBy.name,
      ],
    )
    return newConfirmationLinkSummary(link, now)
  }

  async list(mapId: string): Promise<ConfirmationLinkSummary[]> {
    const { rows } = await this.connection.query<ConfirmationLinkRow>(
      `SELECT ${CONFIRMATION_LINK_COLUMNS} FROM confirmation_links WHERE map_id = $1
         ORDER BY created_at DESC, id DESC`,
      [mapId],
    )
    return rows.map(confirmationLinkSummaryFromRow)
  }

  async find(tokenHash: Uint8Array): Promise<StoredConfirmationLink | null> {
    const { rows } = await this.connection.query<ConfirmationLinkRow>(
      `SELECT ${CONFIRMATION_LINK_COLUMNS} FROM confirmation_links WHERE token_hash = $1`,
      [Buffer.from(tokenHash)],
    )
    const row = rows[0]
    return row === undefined ? null : storedConfirmationLinkFromRow(row)
  }

  async revoke(mapId: string, linkId: string): Promise<ConfirmationLinkSummary | null> {
    const { rows } = await this.connection.query<ConfirmationLinkRow>(
      `UPDATE confirmation_links SET revoked_at = coalesce(revoked_at, $1)
         WHERE map_id = $2 AND id = $3 RETURNING ${CONFIRMATION_LINK_COLUMNS}`,
      [new Date().toISOString(), mapId, linkId],
    )
    const row = rows[0]
    return row === undefined ? null : confirmationLinkSummaryFromRow(row)
  }

  async answer(linkId: string, answer: StakeholderAnswer): Promise<boolean> {
    const result = await this.connection.query(
      `UPDATE confirmation_links SET answer = $1
         WHERE id = $2 AND answer IS NULL AND revoked_at IS NULL AND expires_at > $3`,
      [JSON.stringify(answer), linkId, answer.answeredAt],
    )
    return result.rowCount === 1
  }
}
