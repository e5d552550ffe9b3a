/** The {@link ConfirmationLinkRecords} on SQLite: one statement per method. */
import type Database from 'better-sqlite3'
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

export class SqliteConfirmationLinkRecords implements ConfirmationLinkRecords {
  constructor(private readonly db: Database.Database) {}

  async create(link: NewConfirmationLink): Promise<ConfirmationLinkSummary> {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO confirmation_links (id, map_id, stakeholder_id, entry_id, token_hash,
           created_at, expires_at, created_by_role, created_by_name)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        link.id,
        link.mapId,
        link.stakeholderId,
        link.entryId,
        link.tokenHash,
        now,
        link.expiresAt,
        link.createdBy.role,
        link.createdBy.name,
      )
    return newConfirmationLinkSummary(link, now)
  }

  async list(mapId: string): Promise<ConfirmationLinkSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT ${CONFIRMATION_LINK_COLUMNS} FROM confirmation_links WHERE map_id = ?
           ORDER BY created_at DESC, id DESC`,
      )
      .all(mapId) as ConfirmationLinkRow[]
    return rows.map(confirmationLinkSummaryFromRow)
  }

  async find(tokenHash: Uint8Array): Promise<StoredConfirmationLink | null> {
    const row = this.db
      .prepare(`SELECT ${CONFIRMATION_LINK_COLUMNS} FROM confirmation_links WHERE token_hash = ?`)
      .get(tokenHash) as ConfirmationLinkRow | undefined
    return row === undefined ? null : storedConfirmationLinkFromRow(row)
  }

  async revoke(mapId: string, linkId: string): Promise<ConfirmationLinkSummary | null> {
    const row = this.db
      .prepare(
        `UPDATE confirmation_links SET revoked_at = coalesce(revoked_at, ?)
           WHERE map_id = ? AND id = ? RETURNING ${CONFIRMATION_LINK_COLUMNS}`,
      )
      .get(new Date().toISOString(), mapId, linkId) as ConfirmationLinkRow | undefined
    return row === undefined ? null : confirmationLinkSummaryFromRow(row)
  }

  async answer(linkId: string, answer: StakeholderAnswer): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE confirmation_links SET answer = ?
           WHERE id = ? AND answer IS NULL AND revoked_at IS NULL AND expires_at > ?`,
      )
      .run(JSON.stringify(answer), linkId, answer.answeredAt)
    return result.changes === 1
  }
}
