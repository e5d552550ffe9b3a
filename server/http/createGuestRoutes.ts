/**
 * Guest sessions (issue 18, shared/protocol/guestApi.ts): a link holder starts one with the
 * name they typed and gets a server-issued guest id and a session token (stored only as its
 * hash); the guest reads (`GET …/guests/me`) and renames themselves; a facilitator or owner
 * renames any guest of the map.
 * A rename reaches the guest's open sockets at once: the server writes the new name into
 * their presence.
 */
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import type { CreateGuestResponse, GuestResponse } from '../../shared/protocol/guestApi'
import type { Identity } from '../../shared/protocol/identity'
import { canFacilitate } from '../../shared/protocol/roles'
import { createAccessToken, hashAccessToken } from '../access/accessTokens'
import { findGuestOfRequest } from '../access/findGuestOfRequest'
import { cleanGuestName, createGuestId } from '../access/guestIdentity'
import type { MapStore } from '../storage/MapStore'
import type { IncomingMessage } from 'node:http'
import { AddressRateLimit } from './AddressRateLimit'
import { clientAddress } from './clientAddress'
import { readJsonBody } from './readJsonBody'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import type { ReadSession } from '../access/readSession'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

const MAX_BODY_BYTES = 4 * 1024
/** A guest id as the server issues them (createGuestId). */
const GUEST_ID = /^g_[A-Za-z0-9_-]{1,40}$/
/** The name of someone who typed none (client/user/displayName.ts publishes the same). */
const ANONYMOUS_NAME = 'Anonymous'

/** What the guest routes work on. */
export interface GuestRouteOptions {
  store: MapStore
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Gives a guest's open sockets their new name; answers how many. */
  renameLive: (mapId: string, guestId: string, name: string) => number
  /** Behind a reverse proxy: the client's address from `X-Forwarded-For` (clientAddress.ts). */
  trustProxy?: boolean
}

/**
 * Guest sessions one address may start: each is a stored row, so a script with a link could
 * otherwise fill the disk (issue 15). A browser starts one per map and keeps it, so a room
 * of 20 people behind one address opening a few maps stays far below this.
 */
export const GUEST_SESSIONS_PER_HOUR = 600
export const GUEST_SESSION_BURST = 100

/** The guest session routes. */
export function createGuestRoutes(options: GuestRouteOptions): Route[] {
  const { store, renameLive } = options
  const policy = accessPolicyOf(options)
  const startLimit = new AddressRateLimit(GUEST_SESSIONS_PER_HOUR, GUEST_SESSION_BURST)
  /** The cleaned name of the body, or null after answering 400. */
  const readName = async (
    request: IncomingMessage,
    response: Parameters<Route['handle']>[1],
  ): Promise<string | null> => {
    const body = await readJsonBody(request, MAX_BODY_BYTES)
    if (!body.ok) {
      sendApiError(response, body.error.status, body.error.code, body.error.message)
      return null
    }
    const { name } = (body.value ?? {}) as { name?: unknown }
    if (typeof name !== 'string') {
      sendApiError(response, 400, ApiErrorCode.invalidName, 'name must be a string.')
      return null
    }
    return cleanGuestName(name) || ANONYMOUS_NAME
  }

  const rename = async (mapId: string, guestId: string, name: string): Promise<boolean> => {
    if (!(await store.renameGuest(mapId, guestId, name))) return false
    renameLive(mapId, guestId, name)
    return true
  }

  return [
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/guests$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        const allowed = startLimit.take(clientAddress(request, options.trustProxy ?? false))
        if (!allowed.ok) {
          response.setHeader('Retry-After', String(allowed.retryAfterSeconds))
          // The browser then opens the map as a guest of that connection; nothing is lost.
          return sendApiError(
            response,
            429,
            ApiErrorCode.rateLimited,
            'Too many guest sessions were started from this address. Try again later.',
          )
        }
        const name = await readName(request, response)
        if (name === null) return
        const guestToken = createAccessToken()
        const guest: Identity = { kind: 'guest', id: createGuestId(), name }
        await store.createGuestSession({
          mapId: access.mapId,
          guestId: guest.id,
          name,
          tokenHash: hashAccessToken(guestToken),
          createdAt: new Date().toISOString(),
        })
        const answer: CreateGuestResponse = { guest, guestToken }
        sendJson(response, 201, answer)
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/guests\/me$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        const guest = await findGuestOfRequest(store, access.mapId, request)
        if (guest === null || guest === 'unknown') {
          return sendApiError(
            response,
            401,
            ApiErrorCode.unauthorized,
            'A guest session of this map is needed: X-Guest-Session: <token>.',
          )
        }
        const answer: GuestResponse = { guest }
        sendJson(response, 200, answer)
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/api\/maps\/([^/]*)\/guests\/([^/]*)$/,
      async handle(request, response, [id, target]) {
        const self = target === 'me'
        const access = await requireMapAccess(policy, request, response, id, (role) =>
          self ? true : canFacilitate(role),
        )
        if (access === null) return
        let guestId: string
        if (self) {
          const guest = await findGuestOfRequest(store, access.mapId, request)
          if (guest === null || guest === 'unknown') {
            return sendApiError(
              response,
              401,
              ApiErrorCode.unauthorized,
              'A guest session of this map is needed: X-Guest-Session: <token>.',
            )
          }
          guestId = guest.id
        } else if (GUEST_ID.test(target ?? '')) {
          guestId = target as string
        } else {
          return sendApiError(response, 400, ApiErrorCode.invalidId, 'That is not a guest id.')
        }
        const name = await readName(request, response)
        if (name === null) return
        if (!(await rename(access.mapId, guestId, name))) {
          return sendApiError(response, 404, ApiErrorCode.notFound, 'No such guest on this map.')
        }
        const answer: GuestResponse = { guest: { kind: 'guest', id: guestId, name } }
        sendJson(response, 200, answer)
      },
    },
  ]
}
