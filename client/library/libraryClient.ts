/**
 * Calls of the organisation's library and of a map's members (organisation mode). They
 * carry no token: the browser sends the session cookie on these same-origin requests, and
 * the server decides by the user's membership.
 */
import type {
  LibraryResponse,
  LibrarySort,
  MapMembersResponse,
  MemberKind,
  UsersResponse,
} from '../../shared/protocol/libraryApi'
import type { Role } from '../../shared/protocol/roles'
import { errorFromResponse, unreachableError } from '../config/apiClient'

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      cache: 'no-store',
      headers: { accept: 'application/json', ...init.headers },
    })
  } catch (error) {
    throw unreachableError(error)
  }
  if (!response.ok) throw await errorFromResponse(response)
  return response
}

const mapPath = (mapId: string) => `/api/maps/${encodeURIComponent(mapId)}`

const memberPath = (mapId: string, kind: MemberKind, id: string) =>
  `${mapPath(mapId)}/members/${kind}/${encodeURIComponent(id)}`

/** The maps the signed-in user may open, searched and ordered. */
export async function fetchLibrary(q: string, sort: LibrarySort, archived: boolean) {
  const query = new URLSearchParams({ q, sort, archived: archived ? '1' : '0' })
  const response = await call(`/api/library?${query.toString()}`)
  return ((await response.json()) as LibraryResponse).maps
}

/** Archives (true) or restores (false) a map. */
export async function setMapArchived(mapId: string, archived: boolean): Promise<void> {
  await call(`${mapPath(mapId)}/${archived ? 'archive' : 'restore'}`, { method: 'POST' })
}

/** Deletes a map with all its history (owners only). */
export async function deleteMap(mapId: string): Promise<void> {
  await call(mapPath(mapId), { method: 'DELETE' })
}

/** The members of a map (owners and admins). */
export async function fetchMembers(mapId: string) {
  const response = await call(`${mapPath(mapId)}/members`)
  return ((await response.json()) as MapMembersResponse).members
}

/** Adds a member or changes their role. */
export async function putMember(mapId: string, kind: MemberKind, id: string, role: Role) {
  await call(memberPath(mapId, kind, id), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  })
}

/** Removes a member. */
export async function removeMember(mapId: string, kind: MemberKind, id: string) {
  await call(memberPath(mapId, kind, id), { method: 'DELETE' })
}

/** People who have signed in once, by the start of their name or e-mail. */
export async function findUsers(q: string) {
  const response = await call(`/api/users?${new URLSearchParams({ q }).toString()}`)
  return ((await response.json()) as UsersResponse).users
}
