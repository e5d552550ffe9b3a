/**
 * Which role a request or socket has on a map, by share token or (organisation mode) by
 * the signed-in user's membership. A token, when the request carries one, decides as it
 * always did (authenticateToken.ts), so links keep working for guests — except that in
 * organisation mode only guest links count: the four role links, which never expire and
 * ignore membership, are refused (403 / 4403). Without a token, a
 * signed-in user's role is the strongest of their own and their groups' memberships, owner
 * for organisation admins; a user who is no member is refused (403 / 4403), a request with
 * neither token nor session is unauthorized (401 / 4401). Open mode has no sessions: only
 * the token counts, exactly as before.
 */
import type { IncomingMessage } from 'node:http'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { Role } from '../../shared/protocol/roles'
import type { MapStore } from '../storage/MapStore'
import { type Authentication, type TokenAccess, authenticateToken } from './authenticateToken'
import { readRequestToken } from './readRequestToken'
import type { ReadSession, SignedInUser } from './readSession'

/** What decides access: the store, whether guest links work, and in organisation mode the sessions. */
export interface MapAccessPolicy extends TokenAccess {
  /** Null in open mode. */
  readSession: ReadSession | null
}

/** {@link Authentication}, with the signed-in user when the role came from a membership. */
export type RequestAuthentication =
  (Authentication & { ok: false }) | (Authentication & { ok: true; user: SignedInUser | null })

/** The role of a signed-in user on a map: admins act as owner; null when no member. */
export async function memberRole(
  store: MapStore,
  mapId: string,
  user: SignedInUser,
): Promise<Role | null> {
  if (user.isAdmin) return 'owner'
  return store.library.roleOf(mapId, user.identity.id, user.groups)
}

/** Decides the role of `request` on `mapId`, or why it has none. */
export async function authenticateRequest(
  policy: MapAccessPolicy,
  mapId: string,
  request: IncomingMessage,
): Promise<RequestAuthentication> {
  const token = readRequestToken(request)
  if (policy.readSession === null || token !== null) {
    const refuseRoleLinks = policy.readSession !== null
    const auth = await authenticateToken({ ...policy, refuseRoleLinks }, mapId, token)
    return auth.ok ? { ...auth, user: null } : auth
  }
  if ((await policy.store.getMap(mapId)) === null) {
    return { ok: false, reason: 'not-found', status: 404, closeCode: CloseCode.mapNotFound }
  }
  const user = await policy.readSession(request)
  if (user === null) {
    return { ok: false, reason: 'unauthorized', status: 401, closeCode: CloseCode.unauthorized }
  }
  const role = await memberRole(policy.store, mapId, user)
  if (role === null) {
    return { ok: false, reason: 'forbidden', status: 403, closeCode: CloseCode.forbidden }
  }
  return { ok: true, role, user }
}

/** The policy of a route table's options: open mode (no sessions) when none are given. */
export function accessPolicyOf(
  options: TokenAccess & { readSession?: ReadSession | null },
): MapAccessPolicy {
  const { store, guestLinks, readSession } = options
  return { store, guestLinks, readSession: readSession ?? null }
}
