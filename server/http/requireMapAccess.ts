import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { isValidMapId } from '../../shared/protocol/mapId'
import type { Role } from '../../shared/protocol/roles'
import { type TokenAccess, authenticateToken } from '../access/authenticateToken'
import { readRequestToken } from '../access/readRequestToken'
import { sendApiError } from './sendJson'

const REFUSALS = {
  [ApiErrorCode.notFound]: 'No map with this id.',
  [ApiErrorCode.unauthorized]: 'A valid token is needed: Authorization: Bearer <token>.',
  [ApiErrorCode.forbidden]: 'This token is not (or no longer) valid for this map.',
} as const

/**
 * Checks the request's token for map `rawId` and that its role passes `allowed`. Answers
 * the role, or sends the error (400, 404, 401, 403) and answers null.
 */
export async function requireMapAccess(
  tokens: TokenAccess,
  request: IncomingMessage,
  response: ServerResponse,
  rawId: string | undefined,
  allowed: (role: Role) => boolean = () => true,
): Promise<{ mapId: string; role: Role } | null> {
  if (!isValidMapId(rawId)) {
    sendApiError(response, 400, ApiErrorCode.invalidMapId, 'That is not a valid map id.')
    return null
  }
  const auth = await authenticateToken(tokens, rawId, readRequestToken(request))
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
  return { mapId: rawId, role: auth.role }
}
