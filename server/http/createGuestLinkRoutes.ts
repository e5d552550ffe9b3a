/**
 * The guest-link routes (shared/protocol/guestLinks.ts): list, make and revoke a map's
 * guest links. Owners and facilitators only (403 `role-not-allowed` for others); a
 * facilitator may not make or revoke facilitator links. The token is answered once, when
 * made; only its hash is stored. Revoking closes the link's open sockets with 4403, on
 * every node of a cluster (the transport handed in is the cluster-wide one).
 */
import type { ReadSession } from '../access/readSession'
import type { Logger } from 'pino'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  type CreateGuestLinkResponse,
  GUEST_LINK_ROLES,
  canListGuestLinks,
  canManageGuestLink,
  guestLinkExpiry,
  isGuestLinkRole,
} from '../../shared/protocol/guestLinks'
import { MAX_IDENTITY_NAME_LENGTH } from '../../shared/protocol/identity'
import { createAccessToken, hashAccessToken } from '../access/accessTokens'
import type { MapStore } from '../storage/MapStore'
import type { SyncTransport } from '../transport/createSyncTransport'
import { createMapId } from './createMapId'
import { readJsonBody } from './readJsonBody'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

/** Largest body of `POST …/guest-links` read. */
const MAX_BODY_BYTES = 4 * 1024

/** What a link id in a URL may look like (ours are 22 base64url characters). */
const LINK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** What the guest-link routes work on. */
export interface GuestLinkRouteOptions {
  store: MapStore
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  /** Reached late (built after the routes); on a cluster, the cluster-wide transport. */
  transport: () => SyncTransport
  logger?: Logger
}

/** `GET`, `POST /api/maps/<id>/guest-links` and `DELETE /api/maps/<id>/guest-links/<linkId>`. */
export function createGuestLinkRoutes(options: GuestLinkRouteOptions): Route[] {
  const { store } = options
  const policy = accessPolicyOf(options)
  return [
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/guest-links$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canListGuestLinks)
        if (access === null) return
        sendJson(response, 200, await store.listGuestLinks(access.mapId))
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/guest-links$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canListGuestLinks)
        if (access === null) return
        const body = await readJsonBody(request, MAX_BODY_BYTES)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const value = (
          typeof body.value === 'object' && body.value !== null ? body.value : {}
        ) as Record<string, unknown>
        const { role } = value
        if (!isGuestLinkRole(role)) {
          return sendApiError(
            response,
            400,
            ApiErrorCode.invalidRole,
            `A guest link's role is one of ${GUEST_LINK_ROLES.join(', ')}.`,
          )
        }
        if (!canManageGuestLink(access.role, role)) {
          return sendApiError(
            response,
            403,
            ApiErrorCode.roleNotAllowed,
            `The ${access.role} role may not make ${role} links.`,
          )
        }
        if ((await options.guestLinks.effective(access.mapId)) === 'forbidden') {
          return sendApiError(
            response,
            403,
            ApiErrorCode.guestLinksForbidden,
            'Guest links are forbidden for this map.',
          )
        }
        const expiry = guestLinkExpiry(value, new Date())
        if (!expiry.ok) {
          return sendApiError(response, 400, ApiErrorCode.invalidExpiry, expiry.message)
        }
        const token = createAccessToken()
        const link = await store.createGuestLink({
          id: createMapId(),
          mapId: access.mapId,
          tokenHash: hashAccessToken(token),
          role,
          expiresAt: expiry.expiresAt.toISOString(),
          createdBy: { name: creatorName(value['by']), role: access.role },
        })
        options.logger?.info(
          {
            mapId: access.mapId,
            linkId: link.id,
            role,
            expiresAt: link.expiresAt,
            by: access.role,
          },
          'guest link created',
        )
        const answer: CreateGuestLinkResponse = {
          id: link.id,
          role,
          token,
          expiresAt: link.expiresAt,
        }
        sendJson(response, 201, answer)
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/maps\/([^/]*)\/guest-links\/([^/]*)$/,
      async handle(request, response, [id, linkId]) {
        const access = await requireMapAccess(policy, request, response, id, canListGuestLinks)
        if (access === null) return
        const link =
          linkId !== undefined && LINK_ID_PATTERN.test(linkId)
            ? (await store.listGuestLinks(access.mapId)).find((each) => each.id === linkId)
            : undefined
        if (link === undefined) {
          return sendApiError(response, 404, ApiErrorCode.notFound, 'No such guest link.')
        }
        if (!canManageGuestLink(access.role, link.role)) {
          return sendApiError(
            response,
            403,
            ApiErrorCode.roleNotAllowed,
            `The ${access.role} role may not revoke ${link.role} links.`,
          )
        }
        const revoked = await store.revokeGuestLink(access.mapId, link.id)
        const closed = options
          .transport()
          .closeGuestLinkConnections(
            access.mapId,
            link.id,
            CloseCode.forbidden,
            'guest link revoked',
          )
        options.logger?.info(
          { mapId: access.mapId, linkId: link.id, role: link.role, by: access.role, closed },
          'guest link revoked',
        )
        sendJson(response, 200, revoked ?? link)
      },
    },
  ]
}

/** The creator's display name as sent in `by`, cut to length; 'Anonymous' when none. */
function creatorName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().slice(0, MAX_IDENTITY_NAME_LENGTH) : ''
  return name.length > 0 ? name : 'Anonymous'
}
