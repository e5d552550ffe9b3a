import type { ClientConfig, CreateMapResponse } from '../../shared/protocol/api'
import { isValidMapId } from '../../shared/protocol/mapId'
import type { MapStore } from '../storage/MapStore'
import { createMapId } from './createMapId'
import { parseCreateMapRequest } from './parseCreateMapRequest'
import { readJsonBody } from './readJsonBody'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

/** Largest `POST /api/maps` body accepted. */
export const MAX_JSON_BODY_BYTES = 64 * 1024

interface ApiRouteOptions {
  store: MapStore
  clientConfig: ClientConfig
}

/** The `/api/*` and `/healthz` routes. */
export function createApiRoutes({ store, clientConfig }: ApiRouteOptions): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      async handle(_request, response) {
        sendJson(response, 200, { status: 'ok' })
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
        const map = await store.createMap({ id: createMapId(), ...parsed.value })
        const answer: CreateMapResponse = { id: map.id }
        sendJson(response, 201, answer)
      },
    },
    {
      method: 'GET',
      // The segment is matched still percent-encoded: `%2F` can never become a slash here.
      pattern: /^\/api\/maps\/([^/]*)$/,
      async handle(_request, response, [id]) {
        if (!isValidMapId(id)) {
          return sendApiError(response, 400, 'invalid-map-id', 'That is not a valid map id.')
        }
        const map = await store.getMap(id)
        if (map === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        sendJson(response, 200, map)
      },
    },
  ]
}
