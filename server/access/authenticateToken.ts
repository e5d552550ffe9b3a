/**
 * Checks a share token against one map. The order of the checks fixes the answer: unknown
 * map (404 / 4404), then no or unknown token (401 / 4401), then a token of another map or
 * a revoked one (403 / 4403). The map's own tokens are compared in constant time. A token
 * that is none of them may be a guest link (GuestLinkRecords.ts), found by its hash: a live
 * one grants its role until it expires; an expired or revoked one, or one of another map,
 * is refused like a revoked token (403 / 4403), and so is every guest link of a map whose
 * guest links are forbidden (GuestLinkPolicy.ts) until they are allowed again. In
 * organisation mode a map's four role links count for nothing: one of them, live or not,
 * is refused with 403 / 4403 (`role-links-off`), so a copied owner link cannot outlive its
 * holder's membership.
 */
import { CloseCode } from '../../shared/protocol/closeCodes'
import { isGuestLinkLive } from '../../shared/protocol/guestLinks'
import type { Role } from '../../shared/protocol/roles'
import type { MapStore } from '../storage/MapStore'
import { hashAccessToken, sameTokenHash } from './accessTokens'
import type { GuestLinkPolicy } from './GuestLinkPolicy'

/** What a token is checked against: the store, and whether a map's guest links work. */
export interface TokenAccess {
  store: MapStore
  guestLinks: GuestLinkPolicy
  /** Organisation mode: the role links are refused; only guest links (and sessions) count. */
  refuseRoleLinks?: boolean
}

/** The guest link a token was, for closing its sockets when it expires or is revoked. */
export interface GuestLinkGrant {
  id: string
  /** ISO 8601 time. */
  expiresAt: string
}

/** Outcome of {@link authenticateToken}, with the HTTP status and close code of a refusal. */
export type Authentication =
  | { ok: true; role: Role; guestLink?: GuestLinkGrant }
  | {
      ok: false
      reason: 'not-found' | 'unauthorized' | 'forbidden' | 'role-links-off'
      status: 404 | 401 | 403
      closeCode: number
    }

/** Longest token accepted; ours are 32 characters, the rest is noise not worth hashing. */
const MAX_TOKEN_LENGTH = 256

/** Decides which role `token` grants on `mapId`, or why it grants none. */
export async function authenticateToken(
  { store, guestLinks, refuseRoleLinks = false }: TokenAccess,
  mapId: string,
  token: string | null,
  now: Date = new Date(),
): Promise<Authentication> {
  if ((await store.getMap(mapId)) === null) {
    return { ok: false, reason: 'not-found', status: 404, closeCode: CloseCode.mapNotFound }
  }
  const unauthorized = {
    ok: false,
    reason: 'unauthorized',
    status: 401,
    closeCode: CloseCode.unauthorized,
  } as const
  if (token === null || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return unauthorized
  const hash = hashAccessToken(token)
  let match: { role: Role; revoked: boolean } | null = null
  // Compare against every token of the map, not just until a hit.
  for (const stored of await store.listTokens(mapId)) {
    if (sameTokenHash(stored.hash, hash)) match = stored
  }
  if (match !== null && refuseRoleLinks) {
    return { ok: false, reason: 'role-links-off', status: 403, closeCode: CloseCode.forbidden }
  }
  if (match !== null && !match.revoked) return { ok: true, role: match.role }
  const forbidden = {
    ok: false,
    reason: 'forbidden',
    status: 403,
    closeCode: CloseCode.forbidden,
  } as const
  if (match !== null) return forbidden
  const link = await store.findGuestLink(hash)
  if (link !== null) {
    if (link.mapId !== mapId || !isGuestLinkLive(link, now)) return forbidden
    if ((await guestLinks.effective(mapId)) === 'forbidden') return forbidden
    return { ok: true, role: link.role, guestLink: { id: link.id, expiresAt: link.expiresAt } }
  }
  if ((await store.findTokenMap(hash)) !== null) return forbidden
  return unauthorized
}
