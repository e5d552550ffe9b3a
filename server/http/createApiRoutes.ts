/**
 * The `/api/*`, `/healthz`, `/readyz` and `/metrics` routes for maps and their share links.
 * Versions, audit and erasure live in {@link createHistoryRoutes}; the downloads (register,
 * map JSON, report) in {@link createExportRoutes}, included here.
 */
import type { ReadSession } from '../access/readSession'
import type { Logger } from 'pino'
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ClientConfig } from '../../shared/protocol/api'
import type {
  CreateMapWithTokensResponse,
  MapAccessResponse,
  MapTokens,
  ReissueTokenResponse,
} from '../../shared/protocol/accessApi'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { ROLES, canDeleteMap, canManageLink, isRole } from '../../shared/protocol/roles'
import type { Role } from '../../shared/protocol/roles'
import { createAccessToken, hashAccessToken } from '../access/accessTokens'
import { readRequestToken } from '../access/readRequestToken'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { Readiness } from '../operations/checkReadiness'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { MapStore } from '../storage/MapStore'
import type { SyncTransport } from '../transport/createSyncTransport'
import { AddressRateLimit } from './AddressRateLimit'
import { createExportRoutes } from './createExportRoutes'
import { createMapId } from './createMapId'
import { parseCreateMapRequest } from './parseCreateMapRequest'
import { readJsonBody } from './readJsonBody'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'
import { sendCompressed } from './sendCompressed'
import { clientAddress } from './clientAddress'

/** Largest `POST /api/maps` body accepted. */
export const MAX_JSON_BODY_BYTES = 64 * 1024

/** What the API routes work on; the transport is reached late (it is built after them). */
export interface ApiRouteOptions {
  store: MapStore
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
  clientConfig: ClientConfig
  /** When set, creating a map needs this as Bearer token. */
  createMapToken: string | null
  /** Maps one address may create: per hour on average, and at once. */
  createMapRate: { perHour: number; burst: number }
  /** Behind a reverse proxy: the client's address from `X-Forwarded-For` (clientAddress.ts). */
  trustProxy?: boolean
  /** When set, `/metrics` needs this as Bearer token. */
  metricsToken: string | null
  metrics: ServerMetrics
  /** Gets the map lifecycle lines (created, deleted); none when absent. */
  logger?: Logger
  /** Readiness of what the server needs: storage, and Redis in a cluster (null: none). */
  readiness: () => Promise<Readiness>
  transport: () => SyncTransport
}

/** The `/api/*`, `/healthz` and `/metrics` routes, the export routes included. */
export function createApiRoutes(options: ApiRouteOptions): Route[] {
  const { store, rooms, clientConfig } = options
  const policy = accessPolicyOf(options)
  const createLimit = new AddressRateLimit(
    options.createMapRate.perHour,
    options.createMapRate.burst,
  )
  return [
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      async handle(_request, response) {
        // `now` lets browsers set their countdown clock to the millisecond (serverClock.ts).
        sendJson(response, 200, { status: 'ok', now: Date.now() })
      },
    },
    {
      method: 'GET',
      pattern: /^\/readyz$/,
      async handle(_request, response) {
        const readiness = await options.readiness()
        const ready = readiness.storage && readiness.redis !== false
        sendJson(response, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          ...readiness,
        })
      },
    },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      async handle(request, response) {
        if (options.metricsToken !== null && !sameToken(request, options.metricsToken)) {
          response.setHeader('WWW-Authenticate', 'Bearer')
          return sendApiError(response, 401, 'unauthorized', 'Metrics need a token.')
        }
        const body = await options.metrics.render()
        sendCompressed(
          response,
          200,
          { 'Content-Type': options.metrics.contentType, 'Cache-Control': 'no-store' },
          body,
        )
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/config$/,
      async handle(_request, response) {
        sendJson(response, 200, clientConfig)
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps$/,
      async handle(request, response) {
        // Organisation mode: the signed-in member creates it and becomes its owner.
        const creator = options.readSession ? await options.readSession(request) : null
        if (options.readSession && creator === null) {
          return sendApiError(response, 401, ApiErrorCode.signInRequired, 'Sign in first.')
        }
        if (
          !options.readSession &&
          options.createMapToken !== null &&
          !sameToken(request, options.createMapToken)
        ) {
          return sendApiError(response, 401, 'unauthorized', 'Creating maps needs a token.')
        }
        // Counted after the token check: only requests that could create a map use it up.
        const allowed = createLimit.take(clientAddress(request, options.trustProxy ?? false))
        if (!allowed.ok) {
          response.setHeader('Retry-After', String(allowed.retryAfterSeconds))
          return sendApiError(
            response,
            429,
            ApiErrorCode.rateLimited,
            rateLimitedMessage(request, allowed.retryAfterSeconds),
          )
        }
        const body = await readJsonBody(request, MAX_JSON_BODY_BYTES)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const parsed = parseCreateMapRequest(body.value)
        if (!parsed.ok) {
          const { status, code, message } = parsed.error
          return sendApiError(response, status, code, message)
        }
        const id = createMapId()
        const { imported, ...newMap } = parsed.value
        if (creator !== null) {
          // Organisation mode makes no role links: they would never expire and ignore
          // membership. The creator is its owner member and shares it with guest links.
          await store.createMap({ id, ...newMap })
          await store.library.claimMap(id, creator.identity.id)
          if (imported) await store.mapSettings.awaitImportedResults(id)
          options.logger?.info({ mapId: id, template: parsed.value.template }, 'map created')
          const answer: CreateMapWithTokensResponse = { id }
          return sendJson(response, 201, answer)
        }
        const tokens = Object.fromEntries(ROLES.map((role) => [role, createAccessToken()]))
        const hashes = Object.fromEntries(
          ROLES.map((role) => [role, hashAccessToken(tokens[role] ?? '')]),
        ) as Record<Role, Uint8Array>
        const map = await store.createMap({ id, ...newMap }, hashes)
        if (imported) await store.mapSettings.awaitImportedResults(id)
        options.logger?.info({ mapId: map.id, template: parsed.value.template }, 'map created')
        const answer: CreateMapWithTokensResponse = { id: map.id, tokens: tokens as MapTokens }
        sendJson(response, 201, answer)
      },
    },
    {
      method: 'GET',
      // The segment is matched still percent-encoded: `%2F` can never become a slash here.
      pattern: /^\/api\/maps\/([^/]*)$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        const map = await store.getMap(access.mapId)
        if (map === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        const answer: MapAccessResponse = { ...map, role: access.role }
        sendJson(response, 200, answer)
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/maps\/([^/]*)$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canDeleteMap)
        if (access === null) return
        const peers = await rooms.deleteMap(access.mapId)
        options
          .transport()
          .closeMapConnections(access.mapId, null, CloseCode.mapNotFound, 'map deleted')
        for (const peer of peers) peer.close(CloseCode.mapNotFound, 'map deleted')
        options.logger?.info({ mapId: access.mapId, role: access.role }, 'map deleted')
        response.writeHead(204, { 'Cache-Control': 'no-store' })
        response.end()
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/tokens\/([^/]*)$/,
      async handle(request, response, [id, rawRole]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        if (options.readSession) {
          return sendApiError(
            response,
            403,
            ApiErrorCode.roleLinksOff,
            'Organisation mode has no share links: add members, or make a guest link.',
          )
        }
        if (!isRole(rawRole)) {
          return sendApiError(response, 404, 'not-found', `Roles are ${ROLES.join(', ')}.`)
        }
        if (!canManageLink(access.role, rawRole)) {
          return sendApiError(
            response,
            403,
            'role-not-allowed',
            `The ${access.role} role may not reissue the ${rawRole} link.`,
          )
        }
        const token = createAccessToken()
        await store.replaceToken(access.mapId, rawRole, hashAccessToken(token))
        // One token per role: every socket of that role used the token just revoked.
        options
          .transport()
          .closeMapConnections(access.mapId, rawRole, CloseCode.forbidden, 'token revoked')
        const answer: ReissueTokenResponse = { role: rawRole, token }
        sendJson(response, 200, answer)
      },
    },
    ...createExportRoutes({
      store,
      guestLinks: options.guestLinks,
      rooms,
      readSession: options.readSession ?? null,
    }),
  ]
}

/** True when the request carries `expected` as its token (compared in constant time). */
function sameToken(request: IncomingMessage, expected: string): boolean {
  const given = Buffer.from(readRequestToken(request) ?? '')
  const wanted = Buffer.from(expected)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/** The 429 message in the requester's language (Dutch when it asks for it first, else English). */
function rateLimitedMessage(request: IncomingMessage, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  const first = (request.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase()
  return first?.startsWith('nl')
    ? `Er zijn vanaf dit adres te veel kaarten gemaakt. Probeer het over ${minutes} min opnieuw.`
    : `Too many maps were created from this address. Try again in ${minutes} min.`
}
