/**
 * This browser's guest session of a map (issue 18, shared/protocol/guestApi.ts): started
 * with the link's token and the name the person typed when the map opens, kept beside the
 * tokens (mapAccess.ts) and checked again on the next opening; its token goes on the
 * sockets, so the server knows who this is. A name the person types renames the session;
 * a facilitator's rename (e.g. to a role-play role) holds until they type another one.
 */
import {
  type CreateGuestResponse,
  GUEST_SESSION_HEADER,
  type GuestResponse,
} from '../../shared/protocol/guestApi'
import type { Identity } from '../../shared/protocol/identity'
import { ApiRequestError } from '../config/apiClient'
import { apiJson } from './apiWithToken'
import { participantFetch } from './participantFetch'
import { type StoredGuestSession, accessFor, rememberGuestSession } from './mapAccess'

/** How long opening a map waits for the server's guest session before going on without. */
const GUEST_SESSION_TIMEOUT_MS = 4000

const guestsUrl = (mapId: string) => `/api/maps/${encodeURIComponent(mapId)}/guests`

function guestCall(path: string, token: string, guestToken?: string, name?: string) {
  return apiJson<GuestResponse>(path, token, {
    method: name === undefined ? 'GET' : 'PATCH',
    headers: {
      ...(name !== undefined && { 'content-type': 'application/json' }),
      ...(guestToken !== undefined && { [GUEST_SESSION_HEADER]: guestToken }),
    },
    ...(name !== undefined && { body: JSON.stringify({ name }) }),
    signal: AbortSignal.timeout(GUEST_SESSION_TIMEOUT_MS),
  })
}

/**
 * The guest session to open `mapId` with: the one kept, as the server names the guest now
 * (renamed to `typed` if the person typed another name since), else a new one. Offline, the
 * kept one (or null).
 */
export async function openGuestSession(
  mapId: string,
  linkToken: string,
  typed: string,
): Promise<StoredGuestSession | null> {
  const kept = accessFor(mapId).guest ?? null
  if (kept !== null) {
    try {
      const me = `${guestsUrl(mapId)}/me`
      const renamed = kept.typed !== typed
      const { guest } = await guestCall(me, linkToken, kept.token, renamed ? typed : undefined)
      const session = { guest, token: kept.token, typed }
      rememberGuestSession(mapId, session)
      return session
    } catch (error) {
      // Not a refusal of the session (the server is out of reach): keep using it.
      if (!(error instanceof ApiRequestError) || error.status !== 401) return kept
      rememberGuestSession(mapId, null)
    }
  }
  try {
    const created = await apiJson<CreateGuestResponse>(guestsUrl(mapId), linkToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: typed }),
      signal: AbortSignal.timeout(GUEST_SESSION_TIMEOUT_MS),
    })
    const session = { guest: created.guest, token: created.guestToken, typed }
    rememberGuestSession(mapId, session)
    return session
  } catch {
    return null
  }
}

/** Renames this browser's guest on `mapId` to what the person typed; answers the guest. */
export async function renameSelf(
  mapId: string,
  linkToken: string,
  token: string,
  typed: string,
): Promise<StoredGuestSession> {
  const { guest } = await guestCall(`${guestsUrl(mapId)}/me`, linkToken, token, typed)
  const session = { guest, token, typed }
  rememberGuestSession(mapId, session)
  return session
}

/**
 * A facilitator's or owner's rename of a guest of `mapId` (e.g. to a role-play role): with
 * the link's token, or as a signed-in member (no token: the session cookie says who).
 */
export async function renameGuest(
  mapId: string,
  linkToken: string | null,
  guestId: string,
  name: string,
): Promise<Identity> {
  const path = `${guestsUrl(mapId)}/${encodeURIComponent(guestId)}`
  const response = await participantFetch(linkToken, () => null)(path, 'PATCH', { name })
  return ((await response.json()) as GuestResponse).guest
}
