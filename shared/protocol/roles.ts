/**
 * Roles of a map's participants, defined once for server and client. Each role has its own
 * share link (token); the server enforces what a role may do, the client only hides what
 * the server would refuse anyway.
 */

/** Every role, strongest first. */
export const ROLES = ['owner', 'facilitator', 'editor', 'viewer'] as const

/** What a participant may do in a map; see the `can*` functions. */
export type Role = (typeof ROLES)[number]

/** True when `value` is one of {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Viewers receive every change but may not make any. */
export function canEditMap(role: Role): boolean {
  return role !== 'viewer'
}

/** Owners and facilitators run the workshop: facilitation state, versions, restores. */
export function canFacilitate(role: Role): boolean {
  return role === 'owner' || role === 'facilitator'
}

/**
 * Who may reissue (and so revoke) the link of `target`: owners and facilitators manage the
 * facilitator, editor and viewer links; only an owner may replace the owner link.
 */
export function canManageLink(actor: Role, target: Role): boolean {
  return target === 'owner' ? actor === 'owner' : canFacilitate(actor)
}

/**
 * Contacts (personal data) and confidential engagement-log entries: owners and facilitators
 * only. The server never sends them to other roles, on any path (sync, versions, exports).
 */
export function canReadConfidential(role: Role): boolean {
  return role === 'owner' || role === 'facilitator'
}

/**
 * The audit trail says who changed what and when, with old and new scores: owners and
 * facilitators only (it is the company's record, not the workshop's).
 */
export function canReadAuditTrail(role: Role): boolean {
  return role === 'owner' || role === 'facilitator'
}

/** Deleting a map and all its history is irreversible: owners only. */
export function canDeleteMap(role: Role): boolean {
  return role === 'owner'
}

/**
 * Erasing personal data removes it from the map and all its history (versions, database,
 * browsers' copies) and cannot be undone: the owner only, the one answerable for the record.
 */
export function canErasePersonalData(role: Role): boolean {
  return role === 'owner'
}
