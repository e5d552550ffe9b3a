/**
 * Guest links of maps (shared/protocol/guestLinks.ts), beside the four role tokens of
 * {@link MapRecords}: any number per role, each with an expiry, revocable, stored by the
 * SHA-256 hash of its token (accessTokens.ts). Deleting a map deletes its links.
 */
import type { Actor } from '../../shared/protocol/accessApi'
import type { GuestLinkRole, GuestLinkSummary } from '../../shared/protocol/guestLinks'

/** What {@link GuestLinkRecords.createGuestLink} stores; the creation time is set by the store. */
export interface NewGuestLink {
  id: string
  mapId: string
  tokenHash: Uint8Array
  role: GuestLinkRole
  /** ISO 8601 time. */
  expiresAt: string
  createdBy: Actor
}

/** A stored link as a token lookup finds it. */
export interface StoredGuestLink extends GuestLinkSummary {
  mapId: string
}

export interface GuestLinkRecords {
  /** Stores a new link of an existing map. */
  createGuestLink(link: NewGuestLink): Promise<GuestLinkSummary>
  /** The map's links, revoked and expired ones included, newest first. */
  listGuestLinks(mapId: string): Promise<GuestLinkSummary[]>
  /** The link a token hash belongs to (of any map, live or not), or null. */
  findGuestLink(tokenHash: Uint8Array): Promise<StoredGuestLink | null>
  /**
   * Revokes a link of the map now (a revoked link keeps its first revocation time). Answers
   * the link as it is afterwards, or null when the map has no such link.
   */
  revokeGuestLink(mapId: string, linkId: string): Promise<GuestLinkSummary | null>
}

/** A guest_links row as both engines return it. */
export interface GuestLinkRow {
  id: string
  map_id: string
  role: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  created_by_role: string | null
  created_by_name: string
}

/** The columns selected for a {@link GuestLinkRow}. */
export const GUEST_LINK_COLUMNS =
  'id, map_id, role, created_at, expires_at, revoked_at, created_by_role, created_by_name'

/** A row as the API shows it (roles were checked when the row was written). */
export function storedGuestLinkFromRow(row: GuestLinkRow): StoredGuestLink {
  return {
    id: row.id,
    mapId: row.map_id,
    role: row.role as GuestLinkRole,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdBy: { name: row.created_by_name, role: row.created_by_role as Actor['role'] },
  }
}

/** The summary of a row, without its map id. */
export function guestLinkSummaryFromRow(row: GuestLinkRow): GuestLinkSummary {
  const { mapId: _mapId, ...summary } = storedGuestLinkFromRow(row)
  return summary
}
