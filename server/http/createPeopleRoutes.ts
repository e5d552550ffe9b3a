/**
 * An organisation admin's actions on other people (issue 18, organisation mode only):
 * `POST /api/people/<userId>/sign-out` ends every session of the person (someone left,
 * a laptop was lost) and closes their open sockets with 4401 on every node, as their own
 * **Sign out everywhere** would. Admins only: a signed-in non-admin is refused with 403,
 * nobody signed in with 401. Like every state-changing route it passes the Origin check of
 * the HTTP handler first, and the `SameSite=Lax` session cookie stays off a foreign site's
 * POST.
 */
import type { Logger } from 'pino'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { PersonSignOutResponse } from '../../shared/protocol/peopleApi'
import type { ReadSession } from '../access/readSession'
import type { IdentityRecords } from '../storage/IdentityRecords'
import type { SyncTransport } from '../transport/createSyncTransport'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

export interface PeopleRouteOptions {
  identities: IdentityRecords
  readSession: ReadSession
  logger: Logger
  /** Reached late: the transport is built after the routes (cluster-wide on a cluster). */
  transport: () => SyncTransport
}

export function createPeopleRoutes(options: PeopleRouteOptions): Route[] {
  const { identities, readSession, logger } = options
  return [
    {
      method: 'POST',
      pattern: /^\/api\/people\/([^/]+)\/sign-out$/,
      async handle(request, response, [rawId]) {
        const admin = await readSession(request)
        if (admin === null) {
          sendApiError(response, 401, ApiErrorCode.signInRequired, 'Sign in first.')
          return
        }
        if (!admin.isAdmin) {
          sendApiError(response, 403, ApiErrorCode.forbidden, 'Only organisation admins may.')
          return
        }
        let userId: string
        try {
          userId = decodeURIComponent(rawId ?? '')
        } catch {
          userId = ''
        }
        const person = userId === '' ? null : await identities.getUser(userId)
        if (person === null) {
          sendApiError(response, 404, ApiErrorCode.notFound, 'No such person.')
          return
        }
        const sessionsEnded = await identities.deleteUserSessions(person.id)
        options
          .transport()
          .closeSocketsOf({ userId: person.id }, CloseCode.unauthorized, 'signed out by an admin')
        logger.info(
          { userId: person.id, adminId: admin.identity.id, sessions: sessionsEnded },
          'signed out by an admin',
        )
        const body: PersonSignOutResponse = { sessionsEnded }
        sendJson(response, 200, body)
      },
    },
  ]
}
