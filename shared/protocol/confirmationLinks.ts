/**
 * Confirmation links (issue 21, "the stakeholder's own voice"): from one engagement-log
 * entry, the company makes a one-time link for the stakeholder or their representative. The
 * link opens a page, `/confirm/<token>`, that shows only that entry's summary and takes one
 * answer: confirmed, or corrected with corrections and comments. No account is needed and
 * the token opens nothing else: not the map's socket, not its API, not other entries.
 *
 * HTTP (roles that may edit the map; a confidential entry only roles that may read it):
 * `GET /api/maps/<id>/confirmation-links`, `POST /api/maps/<id>/confirmation-links`,
 * `DELETE /api/maps/<id>/confirmation-links/<linkId>`. The token is answered once, when
 * made; the server keeps only its hash. One answer per link: after it, the page shows the
 * answer and takes no other, even before the expiry (a second view of the entry needs a new
 * link, so each answer is evidence of exactly what was shown).
 */
import type { Actor } from './accessApi'
import { type Role, canEditMap, canReadConfidential } from './roles'
import type { StakeholderAnswer } from '../confirmation/stakeholderAnswer'

/** Expiry of a new link when the creator picks none, in days. */
export const DEFAULT_CONFIRMATION_LINK_DAYS = 30
/** Shortest expiry accepted, in days. */
export const MIN_CONFIRMATION_LINK_DAYS = 1
/** Longest expiry accepted, in days. */
export const MAX_CONFIRMATION_LINK_DAYS = 90

/** Where the stakeholder's page lives; the token follows. */
export const CONFIRMATION_PAGE_PATH = '/confirm/'

const DAY_MS = 24 * 60 * 60 * 1000

/** Whether `role` may ask for confirmation of an entry it can read (confidential or not). */
export function canAskForConfirmation(role: Role, entryIsConfidential: boolean): boolean {
  return canEditMap(role) && (!entryIsConfidential || canReadConfidential(role))
}

/** Where a link stands, for the list in the editor. */
export type ConfirmationLinkState = 'waiting' | 'answered' | 'expired' | 'revoked'

/** One entry of `GET /api/maps/<id>/confirmation-links` (newest first); never the token. */
export interface ConfirmationLinkSummary {
  id: string
  stakeholderId: string
  entryId: string
  /** ISO 8601 times. */
  createdAt: string
  expiresAt: string
  /** Null while the link is not revoked. */
  revokedAt: string | null
  createdBy: Actor
  /** The stakeholder's answer, null while there is none. */
  answer: StakeholderAnswer | null
}

/**
 * `POST /api/maps/<id>/confirmation-links` body: the entry, `expiresInDays` (a whole number,
 * 1 … 90; default 30) and `by`, the creator's display name.
 */
export interface CreateConfirmationLinkRequest {
  stakeholderId: string
  entryId: string
  expiresInDays?: number
  by?: string
}

/** `POST /api/maps/<id>/confirmation-links` answer (201): the only time the token is sent. */
export interface CreateConfirmationLinkResponse {
  link: ConfirmationLinkSummary
  token: string
}

/** The page's path for `token`. */
export function confirmationPagePath(token: string): string {
  return `${CONFIRMATION_PAGE_PATH}${encodeURIComponent(token)}`
}

/** Where `link` stands at `now`: an answer stays an answer, even after the expiry. */
export function confirmationLinkState(
  link: Pick<ConfirmationLinkSummary, 'expiresAt' | 'revokedAt' | 'answer'>,
  now: Date,
): ConfirmationLinkState {
  if (link.answer !== null) return 'answered'
  if (link.revokedAt !== null) return 'revoked'
  if (Date.parse(link.expiresAt) <= now.getTime()) return 'expired'
  return 'waiting'
}

/** Outcome of {@link confirmationLinkExpiry}. */
export type ConfirmationLinkExpiry = { ok: true; expiresAt: Date } | { ok: false; message: string }

/** The expiry a create request asks for, checked (pure, so the client can check too). */
export function confirmationLinkExpiry(expiresInDays: unknown, now: Date): ConfirmationLinkExpiry {
  const days = expiresInDays ?? DEFAULT_CONFIRMATION_LINK_DAYS
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < MIN_CONFIRMATION_LINK_DAYS ||
    days > MAX_CONFIRMATION_LINK_DAYS
  ) {
    return {
      ok: false,
      message: `expiresInDays must be a whole number from ${MIN_CONFIRMATION_LINK_DAYS} to ${MAX_CONFIRMATION_LINK_DAYS}.`,
    }
  }
  return { ok: true, expiresAt: new Date(now.getTime() + days * DAY_MS) }
}
