/**
 * Shapes of the HTTP API for access, history and audit (issue 5), shared by server and
 * client. Every route below `/api/maps/<id>` needs `Authorization: Bearer <token>`.
 */
import type { MapMetadata } from './api'
import type { IdentityKind } from './identity'
import type { Role } from './roles'

/** One share token per role; only their hashes are stored on the server. */
export type MapTokens = Record<Role, string>

/**
 * `POST /api/maps` answer (201): the new map's id and, in open mode, its four share tokens.
 * Organisation mode makes none: the creator is the map's owner member.
 */
export interface CreateMapWithTokensResponse {
  id: string
  tokens?: MapTokens
}

/** `GET /api/maps/<id>` answer: the metadata and the role of the token used. */
export interface MapAccessResponse extends MapMetadata {
  role: Role
}

/** `POST /api/maps/<id>/tokens/<role>` answer: the new token (the old one stops working). */
export interface ReissueTokenResponse {
  role: Role
  token: string
}

/** Who made a version or a change (the person, not a presence row); `role` is null for the server's own snapshots. */
export interface Actor {
  name: string
  role: Role | null
  /** Whether a signed-in user or a guest acted (issue 18); absent on rows made before. */
  kind?: IdentityKind
  /** The server-issued id of that user or guest; absent on rows made before. */
  id?: string
}

/** An automatic snapshot (hourly, last participant left, before a restore) or a named one. */
export type VersionKind = 'auto' | 'named'

/** One entry of `GET /api/maps/<id>/versions` (newest first). */
export interface VersionSummary {
  id: number
  /** The user's name for a named version; a code for an automatic one (`versionNames.ts`). */
  name: string
  kind: VersionKind
  /** ISO 8601 timestamp. */
  createdAt: string
  createdBy: Actor
  /** Size of the stored Yjs state. */
  byteSize: number
  stakeholderCount: number
}

/**
 * `POST /api/maps/<id>/versions` body. `by` is the display name to record (optional); a
 * request with a guest session (`X-Guest-Session`) is named by that guest instead.
 */
export interface CreateVersionRequest {
  name: string
  by?: string
}

/** Largest version name accepted, in characters. */
export const MAX_VERSION_NAME_LENGTH = 200

/**
 * A value the audit trail keeps: a score, a yes/no, or the code of a closed vocabulary
 * (category, attitude, ...). Free text, names and contact data are never kept as values.
 */
export type AuditValue = number | boolean | string | null

/**
 * What the audit trail keeps of one changed field: old and new value for scores and
 * classifications (`value`); for free text only that it changed (`text`); for lists and
 * entries (impacts, engagement log, the confidential part) that they changed (`changed`);
 * for the whole record that it was `added` or `removed`.
 */
export type AuditFieldChange =
  | { field: string; kind: 'value'; from: AuditValue; to: AuditValue }
  | { field: string; kind: 'text' | 'changed' | 'added' | 'removed' }

/** Kind of an audit row made from edits; other parts of the server append other kinds. */
export const AUDIT_CHANGE_KIND = 'change'

/** One row of `GET /api/maps/<id>/audit`: who changed what of a stakeholder, when. */
export interface AuditEntry {
  id: number
  /**
   * {@link AUDIT_CHANGE_KIND} for edits; another code (e.g. an erasure report) for entries
   * other parts of the server append. A reader shows an unknown kind with its `details`.
   */
  kind: string
  stakeholderId: string
  participant: Actor
  /** Names of the changed fields. */
  fields: string[]
  /** What changed, per field; null for rows recorded before values were kept. */
  changes: AuditFieldChange[] | null
  /** Facts of an entry of another kind (counts, codes; never personal data), or null. */
  details: Record<string, AuditValue> | null
  firstAt: string
  lastAt: string
}

/** Filters of `GET /api/maps/<id>/audit` (query `stakeholder`, `person`, `from`, `to`). */
export interface AuditQuery {
  stakeholderId?: string
  /** Exact participant name. */
  person?: string
  /** ISO 8601 time or date: rows that ended at or after it. */
  from?: string
  /** ISO 8601 time or date: rows that began before it (a date includes that whole day). */
  to?: string
}
