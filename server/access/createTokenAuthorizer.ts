import type { MapStore } from '../storage/MapStore'
import type { Authorize } from '../transport/authorize'
import { authenticateToken } from './authenticateToken'
import { readRequestToken } from './readRequestToken'

/**
 * The socket policy: the `?token=` of the upgrade request (what the y-websocket client's
 * `params: { token }` produces) decides the role; refusals carry 4404, 4401 or 4403.
 */
export function createTokenAuthorizer(store: MapStore): Authorize {
  return async (request, mapId) => {
    const auth = await authenticateToken(store, mapId, readRequestToken(request))
    // A guest link's grant goes with the role: its socket closes when the link expires.
    if (auth.ok) return auth
    return { ok: false, closeCode: auth.closeCode, reason: auth.reason }
  }
}
