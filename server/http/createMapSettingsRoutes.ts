/**
 * A map's settings (shared/protocol/mapSettings.ts): `GET` and `PUT /api/maps/<id>/settings`,
 * owners only (403 `role-not-allowed` for others). Both answer the map's own setting, the
 * organisation's default and what holds. When a change leaves the map's guest links
 * forbidden, their open sockets are closed with 4403 through the same path as a revoked
 * link (cluster-wide: the transport handed in is the cluster-wide one); their tokens are
 * refused from then on by authenticateToken, which reads the policy on every use.
 */
import type { Logger } from 'pino'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { isGuestLinkLive } from '../../shared/protocol/guestLinks'
import {
  type MapSettingsResponse,
  canChangeMapSettings,
  isGuestLinkSetting,
} from '../../shared/protocol/mapSettings'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import type { ReadSession } from '../access/readSession'
import type { MapStore } from '../storage/MapStore'
import type { SyncTransport } from '../transport/createSyncTransport'
import { readJsonBody } from './readJsonBody'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

/** Largest body of `PUT …/settings` read. */
const MAX_BODY_BYTES = 4 * 1024

const SETTINGS_PATH = /^\/api\/maps\/([^/]*)\/settings$/

/** What the map-settings routes work on. */
export interface MapSettingsRouteOptions {
  store: MapStore
  guestLinks: GuestLinkPolicy
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Reached late (built after the routes); on a cluster, the cluster-wide transport. */
  transport: () => SyncTransport
  logger?: Logger
}

/** `GET` and `PUT /api/maps/<id>/settings`. */
export function createMapSettingsRoutes(options: MapSettingsRouteOptions): Route[] {
  const { store, guestLinks } = options
  const policy = accessPolicyOf(options)

  async function answer(mapId: string): Promise<MapSettingsResponse> {
    const own = await store.mapSettings.getGuestLinks(mapId)
    return {
      mode: guestLinks.organisationDefault === null ? 'open' : 'organisation',
      guestLinks: own ?? 'default',
      organisationDefault: guestLinks.organisationDefault ?? 'allowed',
      effective: { guestLinks: await guestLinks.effective(mapId) },
    }
  }

  /** Closes the open sockets of every live guest link of the map; answers how many. */
  async function closeGuestLinkSockets(mapId: string): Promise<number> {
    const now = new Date()
    let closed = 0
    for (const link of await store.listGuestLinks(mapId)) {
      if (!isGuestLinkLive(link, now)) continue
      closed += options
        .transport()
        .closeGuestLinkConnections(mapId, link.id, CloseCode.forbidden, 'guest links forbidden')
    }
    return closed
  }

  return [
    {
      method: 'GET',
      pattern: SETTINGS_PATH,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canChangeMapSettings)
        if (access === null) return
        sendJson(response, 200, await answer(access.mapId))
      },
    },
    {
      method: 'PUT',
      pattern: SETTINGS_PATH,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canChangeMapSettings)
        if (access === null) return
        const body = await readJsonBody(request, MAX_BODY_BYTES)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const setting = (body.value as { guestLinks?: unknown } | null)?.guestLinks
        if (!isGuestLinkSetting(setting)) {
          return sendApiError(
            response,
            400,
            ApiErrorCode.invalidSetting,
            "guestLinks is one of 'allowed', 'forbidden', 'default'.",
          )
        }
        await store.mapSettings.setGuestLinks(access.mapId, setting === 'default' ? null : setting)
        const settings = await answer(access.mapId)
        const closed =
          settings.effective.guestLinks === 'forbidden'
            ? await closeGuestLinkSockets(access.mapId)
            : 0
        options.logger?.info(
          {
            mapId: access.mapId,
            guestLinks: setting,
            effective: settings.effective.guestLinks,
            closed,
          },
          'map settings changed',
        )
        sendJson(response, 200, settings)
      },
    },
  ]
}
