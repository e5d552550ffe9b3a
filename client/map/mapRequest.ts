/**
 * The first steps of opening a map: take a share link's token out of the address bar, ask
 * the server what the map is and which role the token gives, then connect and sync.
 *
 * The entry starts them as soon as the address names a map ({@link startMapRequest}), so
 * they run while the canvas code (most of the JavaScript) downloads and compiles; the map
 * page then takes them over ({@link takeMapRequest}, {@link takeEarlyConnection}) instead
 * of starting only once that code ran.
 */
import type { MapAccessResponse } from '../../shared/protocol/accessApi'
import { fetchMapMetadata } from '../config/apiClient'
import type { MapConnection } from '../sync/MapConnection'
import { mapPath } from '../navigation'
import {
  accessFor,
  bestToken,
  readTokenFromLocation,
  rememberLinkToken,
} from '../sharing/mapAccess'

/** A metadata request on its way, with the token it was sent with. */
export interface MapRequest {
  token: string | null
  metadata: Promise<MapAccessResponse>
}

/** A connection opened ahead of the map page; `abandoned` once the page looked for it. */
interface EarlyConnection {
  mapId: string
  token: string | null
  connection: MapConnection | null
  abandoned: boolean
}

let early: { mapId: string; request: MapRequest } | null = null
let earlyConnection: EarlyConnection | null = null

/** Starts opening `mapId` ahead of the map page: its metadata, then its connection. */
export function startMapRequest(mapId: string): void {
  const request = sendMapRequest(mapId)
  early = { mapId, request }
  const slot: EarlyConnection = { mapId, token: request.token, connection: null, abandoned: false }
  earlyConnection = slot
  // Only a map the server agreed to open; a failure is the map page's to show.
  request.metadata.then(
    async (metadata) => {
      const { connectMap } = await import('../sync/MapConnection')
      if (!slot.abandoned) slot.connection = connectMap(mapId, request.token, metadata.role)
    },
    () => undefined,
  )
}

/**
 * The connection opened early for `mapId` with `token`, once; null when there is none
 * (yet): the caller connects itself, and one made later is not used.
 */
export function takeEarlyConnection(mapId: string, token: string | null): MapConnection | null {
  const slot = earlyConnection
  earlyConnection = null
  if (slot === null) return null
  slot.abandoned = true
  if (slot.mapId === mapId && slot.token === token) return slot.connection
  slot.connection?.destroy()
  return null
}

/** The request started early for `mapId`, once; else (a retry, another map) a new one. */
export function takeMapRequest(mapId: string): MapRequest {
  const started = early?.mapId === mapId ? early.request : null
  early = null
  return started ?? sendMapRequest(mapId)
}

function sendMapRequest(mapId: string): MapRequest {
  const linkToken = readTokenFromLocation(window.location)
  if (linkToken) {
    rememberLinkToken(mapId, linkToken)
    // The token leaves the address bar; other parameters (`?present`) stay.
    window.history.replaceState(null, '', mapPath(mapId) + window.location.search)
  }
  const token = bestToken(accessFor(mapId))
  return { token, metadata: fetchMapMetadata(mapId, token) }
}
