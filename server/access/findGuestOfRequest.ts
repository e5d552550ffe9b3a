import type { IncomingMessage } from 'node:http'
import type { Identity } from '../../shared/protocol/identity'
import type { MapStore } from '../storage/MapStore'
import { hashAccessToken } from './accessTokens'
import { readGuestToken } from './guestIdentity'

/** Longest guest token looked up; ours are 32 characters. */
const MAX_GUEST_TOKEN_LENGTH = 256

/**
 * The guest a request's guest session token stands for on `mapId`: null when the request
 * has none, 'unknown' when it is not a session of this map.
 */
export async function findGuestOfRequest(
  store: MapStore,
  mapId: string,
  request: IncomingMessage,
): Promise<Identity | null | 'unknown'> {
  const token = readGuestToken(request)
  if (token === null) return null
  if (token.length > MAX_GUEST_TOKEN_LENGTH) return 'unknown'
  const session = await store.findGuestSession(mapId, hashAccessToken(token))
  if (session === null) return 'unknown'
  return { kind: 'guest', id: session.guestId, name: session.name }
}
