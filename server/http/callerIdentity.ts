/**
 * Who an HTTP caller is as the server knows them: the signed-in user, else the guest
 * session of `X-Guest-Session`. A link token alone is no identity (anyone could claim an
 * id with it), so a caller without one is refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import type { MapAccessPolicy } from '../access/authenticateRequest'
import { findGuestOfRequest } from '../access/findGuestOfRequest'
import type { MapStore } from '../storage/MapStore'
import { sendApiError } from './sendJson'

/** The caller's identity id, or null after answering why there is none (401, 403). */
export async function callerIdentity(
  store: MapStore,
  policy: MapAccessPolicy,
  request: IncomingMessage,
  response: ServerResponse,
  mapId: string,
  signedIn: { identity: { id: string } } | null,
): Promise<string | null> {
  if (signedIn !== null) return signedIn.identity.id
  const session = policy.readSession === null ? null : await policy.readSession(request)
  if (session !== null) return session.identity.id
  const guest = await findGuestOfRequest(store, mapId, request)
  if (guest === 'unknown') {
    sendApiError(response, 401, ApiErrorCode.unauthorized, 'Unknown guest session.')
    return null
  }
  if (guest === null) {
    sendApiError(
      response,
      403,
      ApiErrorCode.ballotNeedsIdentity,
      'This needs a signed-in session or a guest session (X-Guest-Session).',
    )
    return null
  }
  return guest.id
}
