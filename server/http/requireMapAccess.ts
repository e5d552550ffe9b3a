import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { isValidMapId } from '../../shared/protocol/mapId'
import type { Role } from '../../shared/protocol/roles'
import { type MapAccessPolicy, authenticateRequest } from '../access/authenticateRequest'
import type { SignedInUser } from '../access/readSession'
import { sendApiError } from './sendJson'

const REFUSALS = {
  [ApiErrorCode.notFound]: 'No map with this id.',
  [ApiErrorCode.unauthorized]:
    'A valid token (Authorization: Bearer <token>) or a signed-in session is needed.',
  [ApiErrorCode.forbidden]: 'This token or user is not (or no longer) allowed on this map.',
  [ApiErrorCode.roleLinksOff]:
    'In organisation mode share links do not work: sign in as a member, or use a guest link.',
} as const

/**
 * Checks the request's token (or, in organisation mode, its signed-in user's membership)
 * for map `rawId` and that its role passes `allowed`. Answers the role and the user (null
 * for a token), or sends the error (400, 404, 401, 403) and answers null.
 */
export async function requireMapAccess(
  policy: MapAccessPolicy,
  request: IncomingMessage,
  response: ServerResponse,
  rawId: string | undefined,
  allowed: (role: Role) => boolean = () => true,
): Promise<{ mapId: string; role: Role; user: SignedInUser | null } | null> {
  if (!isValidMapId(rawId)) {
    sendApiError(response, 400, ApiErrorCode.invalidMapId, 'That is not a valid map id.')
    return null
  }
  const auth = await authenticateRequest(policy, rawId, request)
  if (!auth.ok) {
    sendApiError(response, auth.status, auth.reason, REFUSALS[auth.reason])
    return null
  }
  if (!allowed(auth.role)) {
    sendApiError(
      response,
      403,
      ApiErrorCode.roleNotAllowed,
      `The ${auth.role} role may not do this.`,
    )
    return null
  }
  return { mapId: rawId, role: auth.role, user: auth.user }
}
