import { CloseCode } from '../../shared/protocol/closeCodes'
import type { Authorize } from '../transport/authorize'
import { type MapAccessPolicy, authenticateRequest } from './authenticateRequest'
import { findGuestOfRequest } from './findGuestOfRequest'
import { createGuestId } from './guestIdentity'

/**
 * The socket policy: the `?token=` of the upgrade request (what the y-websocket client's
 * `params: { token }` produces) decides the role; refusals carry 4404, 4401 or 4403. In
 * organisation mode an upgrade without a token is decided by its `sc_session` cookie (the
 * browser sends it on a same-origin upgrade) and the user's membership: the socket is that
 * user; a signed-in person who comes with a token is named by their session too. Else, with a token, the `?guest=` session token names the guest; one that is not a
 * session of this map is refused (4401). Without it the socket is a guest of its own, for
 * this connection only.
 */
export function createTokenAuthorizer(policy: MapAccessPolicy): Authorize {
  const { store } = policy
  return async (request, mapId) => {
    const auth = await authenticateRequest(policy, mapId, request)
    if (!auth.ok) return { ok: false, closeCode: auth.closeCode, reason: auth.reason }
    // A guest link's grant goes with the role: its socket closes when the link expires.
    const grant = auth.guestLink === undefined ? {} : { guestLink: auth.guestLink }
    if (auth.user !== null) {
      const { identity, groups, isAdmin, session } = auth.user
      const user = {
        userId: identity.id,
        name: identity.name,
        groups,
        isAdmin,
        sessionKey: session.key,
        sessionEndsAt: session.endsAt,
      }
      return { ok: true, role: auth.role, ...grant, user, identity, fromSession: true }
    }
    // A signed-in person who came with a link is still themselves: the link gives the role,
    // the session the name (their sockets follow the link, not a membership).
    const signedIn = policy.readSession === null ? null : await policy.readSession(request)
    if (signedIn !== null) {
      return { ok: true, role: auth.role, ...grant, identity: signedIn.identity, fromSession: true }
    }
    const guest = await findGuestOfRequest(store, mapId, request)
    if (guest === 'unknown') {
      return { ok: false, closeCode: CloseCode.unauthorized, reason: 'unknown guest session' }
    }
    if (guest !== null) {
      return { ok: true, role: auth.role, ...grant, identity: guest, fromSession: true }
    }
    const identity = { kind: 'guest' as const, id: createGuestId(), name: '' }
    return { ok: true, role: auth.role, ...grant, identity, fromSession: false }
  }
}
