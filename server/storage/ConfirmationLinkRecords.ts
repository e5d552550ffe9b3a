/**
 * Confirmation links of maps (shared/protocol/confirmationLinks.ts): one per request for a
 * stakeholder's confirmation of one engagement-log entry, stored by the SHA-256 hash of its
 * token (accessTokens.ts), with an expiry, revocable, and with at most one answer. The
 * answer is kept here too (the page shows it again) besides the copy the server writes into
 * the map's document as evidence. A part of the store of its own, like {@link BallotRecords};
 * the rows go with the map when it is deleted.
 */
import type { StakeholderAnswer } from '../../shared/confirmation/stakeholderAnswer'
import type { Actor } from '../../shared/protocol/accessApi'
import type { ConfirmationLinkSummary } from '../../shared/protocol/confirmationLinks'

/** What {@link ConfirmationLinkRecords.create} stores; the creation time is set by the store. */
export interface NewConfirmationLink {
  id: string
  mapId: string
  stakeholderId: string
  entryId: string
  tokenHash: Uint8Array
  /** ISO 8601 time. */
  expiresAt: string
  createdBy: Actor
}

/** A stored link as a token lookup finds it. */
export interface StoredConfirmationLink extends ConfirmationLinkSummary {
  mapId: string
}

export interface ConfirmationLinkRecords {
  /** Stores a new link of an existing map. */
  create(link: NewConfirmationLink): Promise<ConfirmationLinkSummary>
  /** The map's links, revoked, expired and answered ones included, newest first. */
  list(mapId: string): Promise<ConfirmationLinkSummary[]>
  /** The link a token hash belongs to (of any map, live or not), or null. */
  find(tokenHash: Uint8Array): Promise<StoredConfirmationLink | null>
  /** Revokes a link of the map (keeping the first time); null when the map has no such link. */
  revoke(mapId: string, linkId: string): Promise<ConfirmationLinkSummary | null>
  /**
   * Stores the link's answer if it has none, is not revoked and has not expired at
   * `answer.answeredAt`, in one statement (two answers at once: one wins). Answers whether
   * it was stored.
   */
  answer(linkId: string, answer: StakeholderAnswer): Promise<boolean>
}

/** A confirmation_links row as both engines return it. */
export interface ConfirmationLinkRow {
  id: string
  map_id: string
  stakeholder_id: string
  entry_id: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  answer: string | null
  created_by_role: string | null
  created_by_name: string
}

/** The columns selected for a {@link ConfirmationLinkRow}. */
export const CONFIRMATION_LINK_COLUMNS =
  'id, map_id, stakeholder_id, entry_id, created_at, expires_at, revoked_at, answer, created_by_role, created_by_name'

/** A row as the API shows it (what the row holds was checked when it was written). */
export function storedConfirmationLinkFromRow(row: ConfirmationLinkRow): StoredConfirmationLink {
  return {
    id: row.id,
    mapId: row.map_id,
    stakeholderId: row.stakeholder_id,
    entryId: row.entry_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdBy: { name: row.created_by_name, role: row.created_by_role as Actor['role'] },
    answer: row.answer === null ? null : (JSON.parse(row.answer) as StakeholderAnswer),
  }
}

/** The summary of a row, without its map id. */
export function confirmationLinkSummaryFromRow(row: ConfirmationLinkRow): ConfirmationLinkSummary {
  const { mapId: _mapId, ...summary } = storedConfirmationLinkFromRow(row)
  return summary
}

/** The summary of a link just made. */
export function newConfirmationLinkSummary(
  link: NewConfirmationLink,
  createdAt: string,
): ConfirmationLinkSummary {
  return {
    id: link.id,
    stakeholderId: link.stakeholderId,
    entryId: link.entryId,
    createdAt,
    expiresAt: link.expiresAt,
    revokedAt: null,
    createdBy: link.createdBy,
    answer: null,
  }
}
