import type { MapStore } from '../storage/MapStore'
import type { Authorize } from '../transport/authorize'
import { authenticateRequest } from './authenticateRequest'
import type { ReadSession } from './readSession'

/**
 * The socket policy: the `?token=` of the upgrade request (what the y-websocket client's
 * `params: { token }` produces) decides the role; refusals carry 4404, 4401 or 4403. In
 * organisation mode an upgrade without a token is decided by its `sc_session` cookie (the
 * browser sends it on a same-origin upgrade) and the user's membership.
 */
export function createTokenAuthorizer(
  store: MapStore,
  readSession: ReadSession | null = null,
): Authorize {
  return async (request, mapId) => {
    const auth = await authenticateRequest({ store, readSession }, mapId, request)
    if (!auth.ok) return { ok: false, closeCode: auth.closeCode, reason: auth.reason }
    // A guest link's grant goes with the role: its socket closes when the link expires.
    const { user: signedIn, ...grant } = auth
    if (signedIn === null) return grant
    const { identity, groups, isAdmin, session } = signedIn
    const user = {
      userId: identity.id,
      name: identity.name,
      groups,
      isAdmin,
      sessionKey: session.key,
    }
    return { ...grant, user }
  }
}
