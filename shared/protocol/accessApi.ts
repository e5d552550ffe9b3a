/**
 * Shapes of the HTTP API for access, history and audit (issue 5), shared by server and
 * client. Every route below `/api/maps/<id>` needs `Authorization: Bearer <token>`.
 */
import type { MapMetadata } from './api'
import type { Role } from './roles'

/** One share token per role; only their hashes are stored on the server. */
export type MapTokens = Record<Role, string>

/** `POST /api/maps` answer (201): the new map's id and its four share tokens. */
export interface CreateMapWithTokensResponse {
  id: string
  tokens: MapTokens
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

/** Who made a version or a change; `role` is null for the server's own snapshots. */
export interface Participant {
  name: string
  role: Role | null
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
  createdBy: Participant
  /** Size of the stored Yjs state. */
  byteSize: number
  stakeholderCount: number
}

/** `POST /api/maps/<id>/versions` body. `by` is the display name to record (optional). */
export interface CreateVersionRequest {
  name: string
  by?: string
}

/** Largest version name accepted, in characters. */
export const MAX_VERSION_NAME_LENGTH = 200

/** One row of `GET /api/maps/<id>/audit`: who changed which fields of a stakeholder, when. */
export interface AuditEntry {
  id: number
  stakeholderId: string
  participant: Participant
  /** Names of the changed fields; values are never kept here (they may be personal data). */
  fields: string[]
  firstAt: string
  lastAt: string
}
