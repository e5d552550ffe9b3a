/**
 * This browser's guest session of a map (issue 18, shared/protocol/guestApi.ts): started
 * with the link's token and the name the person typed when the map opens, kept beside the
 * tokens (mapAccess.ts) and checked again on the next opening; its token goes on the
 * sockets, so the server knows who this is. Renaming oneself updates the session; a
 * facilitator renames a guest with their own link.
 */
import {
  type CreateGuestResponse,
  GUEST_SESSION_HEADER,
  type GuestResponse,
} from '../../shared/protocol/guestApi'
import type { Identity } from '../../shared/protocol/identity'
import { ApiRequestError } from '../config/apiClient'
import { apiJson } from './apiWithToken'
import { type StoredGuestSession, accessFor, rememberGuestSession } from './mapAccess'

/** How long opening a map waits for the server's guest session before going on without. */
const GUEST_SESSION_TIMEOUT_MS = 4000

const guestsUrl = (mapId: string) => `/api/maps/${encodeURIComponent(mapId)}/guests`

function patchName(path: string, token: string, name: string, guestToken?: string) {
  return apiJson<GuestResponse>(path, token, {
    method: 'PATCH',
    headers: {
      'content-type': 'application/json',
      ...(guestToken !== undefined && { [GUEST_SESSION_HEADER]: guestToken }),
    },
    body: JSON.stringify({ name }),
    signal: AbortSignal.timeout(GUEST_SESSION_TIMEOUT_MS),
  })
}

/**
 * The guest session to open `mapId` with: the one kept, renamed to `name` (which also shows
 * the server still knows it), else a new one. Offline, the kept one (or null).
 */
export async function openGuestSession(
  mapId: string,
  linkToken: string,
  name: string,
): Promise<StoredGuestSession | null> {
  const kept = accessFor(mapId).guest ?? null
  if (kept !== null) {
    try {
      const { guest } = await patchName(`${guestsUrl(mapId)}/me`, linkToken, name, kept.token)
      const session = { guest, token: kept.token }
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
      body: JSON.stringify({ name }),
      signal: AbortSignal.timeout(GUEST_SESSION_TIMEOUT_MS),
    })
    const session = { guest: created.guest, token: created.guestToken }
    rememberGuestSession(mapId, session)
    return session
  } catch {
    return null
  }
}

/** Renames this browser's guest on `mapId`; answers the guest as the server now names them. */
export async function renameSelf(
  mapId: string,
  linkToken: string,
  session: StoredGuestSession,
  name: string,
): Promise<Identity> {
  const { guest } = await patchName(`${guestsUrl(mapId)}/me`, linkToken, name, session.token)
  rememberGuestSession(mapId, { ...session, guest })
  return guest
}

/** A facilitator's or owner's rename of a guest of `mapId` (e.g. to a role-play role). */
export async function renameGuest(
  mapId: string,
  linkToken: string,
  guestId: string,
  name: string,
): Promise<Identity> {
  const path = `${guestsUrl(mapId)}/${encodeURIComponent(guestId)}`
  return (await patchName(path, linkToken, name)).guest
}
