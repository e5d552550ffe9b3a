/**
 * HTTP calls that need a map's share token (`Authorization: Bearer <token>`): share links,
 * versions, audit, erasure and deletion. Errors become {@link ApiRequestError}s, as in
 * `config/apiClient.ts`.
 */
import * as Y from 'yjs'
import type { StakeholderDiff } from '../../shared/document/diffStakeholders'
import type {
  AuditEntry,
  AuditQuery,
  ReissueTokenResponse,
  VersionSummary,
} from '../../shared/protocol/accessApi'
import type {
  CreateGuestLinkRequest,
  CreateGuestLinkResponse,
  GuestLinkSummary,
} from '../../shared/protocol/guestLinks'
import type {
  ConfirmationLinkSummary,
  CreateConfirmationLinkRequest,
  CreateConfirmationLinkResponse,
} from '../../shared/protocol/confirmationLinks'
import type {
  GuestLinkSetting,
  MapSettingsRequest,
  MapSettingsResponse,
} from '../../shared/protocol/mapSettings'
import type { Role } from '../../shared/protocol/roles'
import { GUEST_SESSION_HEADER } from '../../shared/protocol/guestApi'
import { errorFromResponse, unreachableError } from '../config/apiClient'
import { accessFor } from './mapAccess'

/** Fetches `path` with the token; answers the raw response once it is OK. */
async function send(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...init.headers },
    })
  } catch (error) {
    throw unreachableError(error)
  }
  if (response.ok) return response
  throw await errorFromResponse(response)
}

/** GET or POST with a JSON answer. */
export async function apiJson<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  return (await (await send(path, token, init)).json()) as T
}

function postJson<T>(path: string, token: string, body: unknown): Promise<T> {
  return apiJson<T>(path, token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

const mapUrl = (mapId: string) => `/api/maps/${encodeURIComponent(mapId)}`

/** Replaces the link of `role` (the old one stops working at once); answers the new token. */
export function reissueToken(mapId: string, role: Role, token: string) {
  return apiJson<ReissueTokenResponse>(`${mapUrl(mapId)}/tokens/${role}`, token, {
    method: 'POST',
  })
}

/** The map's guest links, revoked and expired ones included, newest first (never their tokens). */
export function listGuestLinks(mapId: string, token: string) {
  return apiJson<GuestLinkSummary[]>(`${mapUrl(mapId)}/guest-links`, token)
}

/** Makes a guest link; the answer holds its token, which the server never sends again. */
export function createGuestLink(mapId: string, token: string, request: CreateGuestLinkRequest) {
  return postJson<CreateGuestLinkResponse>(`${mapUrl(mapId)}/guest-links`, token, request)
}

/** Revokes a guest link: it stops working and its open sessions are closed. */
export function revokeGuestLink(mapId: string, linkId: string, token: string) {
  return apiJson<GuestLinkSummary>(
    `${mapUrl(mapId)}/guest-links/${encodeURIComponent(linkId)}`,
    token,
    { method: 'DELETE' },
  )
}

/** The confirmation links of one engagement-log entry, newest first (never their tokens). */
export function listConfirmationLinks(
  mapId: string,
  token: string,
  stakeholderId: string,
  entryId: string,
) {
  const query = new URLSearchParams({ stakeholder: stakeholderId, entry: entryId })
  return apiJson<ConfirmationLinkSummary[]>(`${mapUrl(mapId)}/confirmation-links?${query}`, token)
}

/** Asks for a stakeholder's confirmation of an entry; the answer's token is sent only now. */
export function createConfirmationLink(
  mapId: string,
  token: string,
  request: CreateConfirmationLinkRequest,
) {
  return postJson<CreateConfirmationLinkResponse>(
    `${mapUrl(mapId)}/confirmation-links`,
    token,
    request,
  )
}

/** Withdraws a confirmation link: its page says so and takes no answer. */
export function revokeConfirmationLink(mapId: string, linkId: string, token: string) {
  return apiJson<ConfirmationLinkSummary>(
    `${mapUrl(mapId)}/confirmation-links/${encodeURIComponent(linkId)}`,
    token,
    { method: 'DELETE' },
  )
}

/** The map's settings (owners only): its guest-link setting, the organisation's default, what holds. */
export function getMapSettings(mapId: string, token: string) {
  return apiJson<MapSettingsResponse>(`${mapUrl(mapId)}/settings`, token)
}

/** Sets whether the map's guest links work; forbidding closes their open sessions. */
export function putMapSettings(mapId: string, token: string, guestLinks: GuestLinkSetting) {
  const body: MapSettingsRequest = { guestLinks }
  return apiJson<MapSettingsResponse>(`${mapUrl(mapId)}/settings`, token, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** The map's versions, newest first. */
export function listVersions(mapId: string, token: string) {
  return apiJson<VersionSummary[]>(`${mapUrl(mapId)}/versions`, token)
}

/**
 * Saves the current state as a named version, named by this browser's guest session when it
 * has one (the server takes that over `by`).
 */
export function createVersion(mapId: string, token: string, name: string, by?: string) {
  const guest = accessFor(mapId).guest
  return apiJson<VersionSummary>(`${mapUrl(mapId)}/versions`, token, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(guest && { [GUEST_SESSION_HEADER]: guest.token }),
    },
    body: JSON.stringify({ name, by }),
  })
}

/**
 * A version's document, loaded into a fresh Y.Doc that is connected to nothing: show it
 * read-only and destroy it when done.
 */
export async function fetchVersionDoc(
  mapId: string,
  versionId: number,
  token: string,
): Promise<Y.Doc> {
  const response = await send(`${mapUrl(mapId)}/versions/${versionId}`, token, {
    headers: { accept: 'application/octet-stream' },
  })
  const doc = new Y.Doc()
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()))
  return doc
}

/** What changed in stakeholder terms from version `from` to `to` (a version or the current map). */
export function diffVersions(mapId: string, from: number, to: number | 'current', token: string) {
  return apiJson<StakeholderDiff>(`${mapUrl(mapId)}/versions/${from}/diff/${to}`, token)
}

/** Restores a version as a new change (the server snapshots the current state first). */
export function restoreVersion(mapId: string, versionId: number, token: string, by?: string) {
  return postJson<{ restored: number }>(`${mapUrl(mapId)}/versions/${versionId}/restore`, token, {
    by,
  })
}

/** The query string of audit filters (empty ones left out). */
function auditQueryString(query: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (query.stakeholderId) params.set('stakeholder', query.stakeholderId)
  if (query.person) params.set('person', query.person)
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Audit rows of the map matching the filters, newest first (owners and facilitators). */
export function fetchAudit(mapId: string, token: string, query: AuditQuery = {}) {
  return apiJson<AuditEntry[]>(`${mapUrl(mapId)}/audit${auditQueryString(query)}`, token)
}

/** The filtered audit trail as a CSV file in the language given. */
export async function fetchAuditCsv(
  mapId: string,
  token: string,
  query: AuditQuery,
  lang: 'en' | 'nl',
): Promise<Blob> {
  const path = `${mapUrl(mapId)}/audit.csv${auditQueryString(query, { lang })}`
  return (await send(path, token, { headers: { accept: 'text/csv' } })).blob()
}

/** Erases a contact's personal data from the map and from all of its history. */
export function eraseContact(
  mapId: string,
  stakeholderId: string,
  contactId: string,
  token: string,
  by?: string,
) {
  const path = `${mapUrl(mapId)}/stakeholders/${encodeURIComponent(stakeholderId)}/contacts/${encodeURIComponent(contactId)}/erase`
  return postJson<{ erasedFromCurrent: boolean; versionsRewritten: number }>(path, token, { by })
}

/** Erases the personal data of every contact a stakeholder has or had (owner only). */
export function eraseAllContacts(mapId: string, stakeholderId: string, token: string, by?: string) {
  const path = `${mapUrl(mapId)}/stakeholders/${encodeURIComponent(stakeholderId)}/contacts/erase`
  return postJson<{ erasedContactIds: string[]; versionsRewritten: number }>(path, token, { by })
}

/** Deletes the map with all its history (owner only). */
export async function deleteMap(mapId: string, token: string): Promise<void> {
  await send(mapUrl(mapId), token, { method: 'DELETE' })
}
