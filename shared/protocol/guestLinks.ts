/**
 * Guest links (issue 18): share links beside the four role tokens of a map, any number per
 * role (facilitator, editor, viewer — never owner), each with an expiry and revocable. The
 * token is shown once, when the link is made; the server keeps only its hash. A link past its
 * expiry or revoked is refused like a revoked token (403 / 4403), and its open sockets close.
 *
 * HTTP (owners and facilitators; a facilitator may not make or revoke facilitator links):
 * `GET /api/maps/<id>/guest-links`, `POST /api/maps/<id>/guest-links`,
 * `DELETE /api/maps/<id>/guest-links/<linkId>`.
 */
import type { Actor } from './accessApi'
import { type Role, canFacilitate } from './roles'

/** Roles a guest link can give, strongest first: every role but owner. */
export const GUEST_LINK_ROLES = ['facilitator', 'editor', 'viewer'] as const

/** A role a guest link can give. */
export type GuestLinkRole = (typeof GUEST_LINK_ROLES)[number]

/** True when `value` is one of {@link GUEST_LINK_ROLES}. */
export function isGuestLinkRole(value: unknown): value is GuestLinkRole {
  return typeof value === 'string' && (GUEST_LINK_ROLES as readonly string[]).includes(value)
}

/** Expiry of a new link when the creator picks none, in days. */
export const DEFAULT_GUEST_LINK_DAYS = 7
/** Shortest expiry offered, in days. */
export const MIN_GUEST_LINK_DAYS = 1
/** Longest expiry accepted, in days (as `expiresInDays` or as a date that far ahead). */
export const MAX_GUEST_LINK_DAYS = 90

const DAY_MS = 24 * 60 * 60 * 1000

/** Whether `actor` may list guest links at all: owners and facilitators. */
export function canListGuestLinks(actor: Role): boolean {
  return canFacilitate(actor)
}

/**
 * Whether `actor` may make or revoke a guest link for `target`: owners any; facilitators
 * editor and viewer links only (a facilitator link would hand on their own power).
 */
export function canManageGuestLink(actor: Role, target: GuestLinkRole): boolean {
  return target === 'facilitator' ? actor === 'owner' : canFacilitate(actor)
}

/** One entry of `GET /api/maps/<id>/guest-links` (newest first); never the token. */
export interface GuestLinkSummary {
  id: string
  role: GuestLinkRole
  /** ISO 8601 times. */
  createdAt: string
  expiresAt: string
  /** Null while the link is not revoked. */
  revokedAt: string | null
  /** The role and display name of whoever made it (the name as sent in `by`, may be empty). */
  createdBy: Actor
}

/**
 * `POST /api/maps/<id>/guest-links` body: the role, and either `expiresInDays` (a whole
 * number, 1 … 90) or `expiresAt` (an ISO 8601 time, or a date meaning the end of that day
 * in UTC, at most 90 days ahead); neither: 7 days. `by` is the creator's display name.
 */
export interface CreateGuestLinkRequest {
  role: GuestLinkRole
  expiresInDays?: number
  expiresAt?: string
  by?: string
}

/** `POST /api/maps/<id>/guest-links` answer (201): the only time the token is sent. */
export interface CreateGuestLinkResponse {
  id: string
  role: GuestLinkRole
  token: string
  expiresAt: string
}

/** Whether a link is usable at `now`: not revoked and not yet expired. */
export function isGuestLinkLive(
  link: Pick<GuestLinkSummary, 'expiresAt' | 'revokedAt'>,
  now: Date,
): boolean {
  return link.revokedAt === null && Date.parse(link.expiresAt) > now.getTime()
}

/** Outcome of {@link guestLinkExpiry}. */
export type GuestLinkExpiry = { ok: true; expiresAt: Date } | { ok: false; message: string }

/**
 * The expiry a create request asks for, checked: a whole number of days in range, or a
 * time in the future no further than {@link MAX_GUEST_LINK_DAYS} ahead (a minute's slack
 * for clocks), or the default. Pure, so the client can check before it sends.
 */
export function guestLinkExpiry(
  request: { expiresInDays?: unknown; expiresAt?: unknown },
  now: Date,
): GuestLinkExpiry {
  const { expiresInDays, expiresAt } = request
  if (expiresInDays !== undefined && expiresAt !== undefined) {
    return { ok: false, message: 'Give expiresInDays or expiresAt, not both.' }
  }
  if (expiresAt !== undefined) {
    if (typeof expiresAt !== 'string' || expiresAt.length > 40) {
      return { ok: false, message: 'expiresAt must be an ISO 8601 time or date.' }
    }
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(expiresAt)
    const time = Date.parse(dateOnly ? `${expiresAt}T23:59:59.999Z` : expiresAt)
    if (!Number.isFinite(time)) {
      return { ok: false, message: 'expiresAt must be an ISO 8601 time or date.' }
    }
    if (time <= now.getTime()) return { ok: false, message: 'expiresAt is in the past.' }
    if (time > now.getTime() + MAX_GUEST_LINK_DAYS * DAY_MS + 60_000) {
      return { ok: false, message: `A link lasts at most ${MAX_GUEST_LINK_DAYS} days.` }
    }
    return { ok: true, expiresAt: new Date(time) }
  }
  const days = expiresInDays ?? DEFAULT_GUEST_LINK_DAYS
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < MIN_GUEST_LINK_DAYS ||
    days > MAX_GUEST_LINK_DAYS
  ) {
    return {
      ok: false,
      message: `expiresInDays must be a whole number from ${MIN_GUEST_LINK_DAYS} to ${MAX_GUEST_LINK_DAYS}.`,
    }
  }
  return { ok: true, expiresAt: new Date(now.getTime() + days * DAY_MS) }
}
