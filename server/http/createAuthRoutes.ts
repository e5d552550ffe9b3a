/**
 * Sign-in routes of organisation mode (issue 18) and `GET /api/session` (both modes).
 *
 *   GET  /auth/login?returnTo=/path   → 303 to the provider; the login state in `sc_login`
 *   GET  /auth/callback?code&state    → checks it all (OidcRelyingParty), stores the user and
 *                                       a new session, sets `sc_session`, 303 to returnTo;
 *                                       a failure ends on the error page in the user's language
 *   POST /auth/logout                 → ends this session; 303 to the provider's logout
 *                                       (when offered) or home
 *   POST /auth/logout-everywhere      → ends every session of the user, then as logout
 *   GET  /api/session                 → { mode, user }
 *
 * The two POSTs come from forms of our own pages: the Origin check of createHttpHandler
 * refuses foreign pages, and SameSite=Lax keeps the cookie off their requests anyway.
 */
import { Buffer } from 'node:buffer'
import type { ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { SessionResponse } from '../../shared/protocol/sessionApi'
import type { OrganisationConfig } from '../config'
import { type ReadSession, newSessionTimes, sessionPolicyOf } from '../access/readSession'
import {
  LOGIN_COOKIE,
  SESSION_COOKIE,
  hashSessionId,
  newSessionId,
  readCookie,
  serializeCookie,
} from '../access/sessionCookie'
import { type LoginState, OidcRelyingParty } from '../identity/OidcRelyingParty'
import { sendSignInErrorPage } from '../identity/signInErrorPage'
import type { IdentityRecords } from '../storage/IdentityRecords'
import type { SocketFilter } from '../transport/createSyncTransport'
import type { Route } from './Route'
import { sendJson } from './sendJson'

/** How long a sign-in may take between `/auth/login` and the callback. */
const LOGIN_STATE_SECONDS = 10 * 60

export interface AuthRouteOptions {
  identities: IdentityRecords
  /** Absent in open mode: only `/api/session` is served, answering `mode: 'open'`. */
  organisation?: OrganisationConfig
  readSession: ReadSession
  logger: Logger
  /** Closes the signed-out sockets (4401) on every node; the transport's closeSocketsOf. */
  closeSockets?: (filter: SocketFilter, code: number, reason: string) => void
  /** How far this server's clock is off, in seconds (tests of a skewed clock). */
  clockSkewSeconds?: number
  now?: () => number
}

export function createAuthRoutes(options: AuthRouteOptions): Route[] {
  const { organisation, readSession } = options
  const sessionRoute: Route = {
    method: 'GET',
    pattern: /^\/api\/session$/,
    async handle(request, response) {
      const user = organisation === undefined ? null : await readSession(request)
      const answer: SessionResponse = {
        mode: organisation === undefined ? 'open' : 'organisation',
        user:
          user === null
            ? null
            : {
                id: user.identity.id,
                name: user.identity.name,
                email: user.email,
                isAdmin: user.isAdmin,
              },
      }
      sendJson(response, 200, answer)
    },
  }
  if (organisation === undefined) return [sessionRoute]
  return [sessionRoute, ...signInRoutes(organisation, options)]
}

function signInRoutes(organisation: OrganisationConfig, options: AuthRouteOptions): Route[] {
  const { identities, readSession, logger } = options
  const now = options.now ?? Date.now
  const relyingParty = new OidcRelyingParty(organisation, {
    clockSkewSeconds: options.clockSkewSeconds,
  })
  const secure = organisation.publicUrl.startsWith('https:')
  const policy = sessionPolicyOf(organisation)
  const loginCookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(LOGIN_COOKIE, value, { secure, maxAgeSeconds, path: '/auth/' })
  const sessionCookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(SESSION_COOKIE, value, { secure, maxAgeSeconds })

  /** Ends the browser's sign-in here and, where the provider offers it, there too. */
  async function endSignIn(response: ServerResponse): Promise<void> {
    const providerLogout = await relyingParty.endSessionUrl()
    response.setHeader('Set-Cookie', sessionCookie('', 0))
    redirect(response, providerLogout?.href ?? '/')
  }

  return [
    {
      method: 'GET',
      pattern: /^\/auth\/login$/,
      async handle(request, response) {
        const query = new URL(request.url ?? '/', organisation.publicUrl).searchParams
        const returnTo = sameOriginPath(query.get('returnTo'), organisation.publicUrl)
        const started = await relyingParty.start(returnTo)
        if (!started.ok) {
          logger.warn({ failure: started.failure, detail: started.detail }, 'sign-in failed')
          return sendSignInErrorPage(request, response, started.failure)
        }
        response.setHeader(
          'Set-Cookie',
          loginCookie(encodeLoginState(started.login), LOGIN_STATE_SECONDS),
        )
        redirect(response, started.url.href)
      },
    },
    {
      method: 'GET',
      pattern: /^\/auth\/callback$/,
      async handle(request, response) {
        const login = decodeLoginState(readCookie(request, LOGIN_COOKIE))
        // The state is used once, whatever happens next.
        response.setHeader('Set-Cookie', loginCookie('', 0))
        if (login === null) {
          logger.warn(
            { failure: 'login-expired', detail: 'no login state cookie' },
            'sign-in failed',
          )
          return sendSignInErrorPage(request, response, 'login-expired')
        }
        const search = new URL(request.url ?? '/', organisation.publicUrl).search
        const result = await relyingParty.finish(search, login)
        if (!result.ok) {
          logger.warn({ failure: result.failure, detail: result.detail }, 'sign-in failed')
          return sendSignInErrorPage(request, response, result.failure)
        }
        const user = await identities.upsertUser(result.claims)
        const sessionId = newSessionId()
        const times = newSessionTimes(policy, now())
        await identities.createSession({
          idHash: hashSessionId(sessionId),
          userId: user.id,
          ...times,
        })
        // Old sessions are swept now and then; readSession refuses them in any case.
        identities.deleteExpiredSessions(times.createdAt).catch((error: unknown) => {
          logger.warn({ err: error }, 'expired sessions not swept')
        })
        logger.info({ userId: user.id, groups: user.groups.length }, 'signed in')
        const maxAge = (Date.parse(times.absoluteExpiresAt) - Date.parse(times.createdAt)) / 1000
        response.setHeader('Set-Cookie', [loginCookie('', 0), sessionCookie(sessionId, maxAge)])
        redirect(response, sameOriginPath(login.returnTo, organisation.publicUrl))
      },
    },
    {
      method: 'POST',
      pattern: /^\/auth\/logout$/,
      async handle(request, response) {
        const id = readCookie(request, SESSION_COOKIE)
        const user = await readSession(request)
        if (id !== null) await identities.deleteSession(hashSessionId(id))
        if (user !== null) {
          logger.info({ userId: user.identity.id }, 'signed out')
          const filter = { sessionKey: user.session.key }
          options.closeSockets?.(filter, CloseCode.unauthorized, 'signed out')
        }
        await endSignIn(response)
      },
    },
    {
      method: 'POST',
      pattern: /^\/auth\/logout-everywhere$/,
      async handle(request, response) {
        const user = await readSession(request)
        if (user !== null) {
          const ended = await identities.deleteUserSessions(user.identity.id)
          logger.info({ userId: user.identity.id, sessions: ended }, 'signed out everywhere')
          const filter = { userId: user.identity.id }
          options.closeSockets?.(filter, CloseCode.unauthorized, 'signed out everywhere')
        }
        await endSignIn(response)
      },
    },
  ]
}

/** 303 See Other: the browser follows with a GET, whatever the method was. */
function redirect(response: ServerResponse, location: string): void {
  response.statusCode = 303
  response.setHeader('Location', location)
  response.setHeader('Cache-Control', 'no-store')
  response.end()
}

/**
 * A path on this app to land on after signing in: `returnTo` when it is one (same origin,
 * not a sign-in route), else the home page.
 */
export function sameOriginPath(returnTo: string | null, publicUrl: string): string {
  if (returnTo === null || !returnTo.startsWith('/') || returnTo.includes('\\')) return '/'
  // Control characters (a newline in a header, a tab browsers drop) make no path of ours.
  if ([...returnTo].some((char) => char.charCodeAt(0) < 0x20)) return '/'
  let target: URL
  try {
    target = new URL(returnTo, publicUrl)
  } catch {
    return '/'
  }
  if (target.origin !== new URL(publicUrl).origin) return '/'
  if (target.pathname.startsWith('/auth/')) return '/'
  return `${target.pathname}${target.search}${target.hash}`
}

function encodeLoginState(login: LoginState): string {
  return Buffer.from(JSON.stringify(login)).toString('base64url')
}

/** The login state of the cookie, or null when missing or not of our making. */
function decodeLoginState(value: string | null): LoginState | null {
  if (value === null) return null
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null) return null
    const { state, nonce, codeVerifier, returnTo } = parsed as Record<string, unknown>
    if (
      typeof state !== 'string' ||
      typeof nonce !== 'string' ||
      typeof codeVerifier !== 'string' ||
      typeof returnTo !== 'string'
    ) {
      return null
    }
    return { state, nonce, codeVerifier, returnTo }
  } catch {
    return null
  }
}
