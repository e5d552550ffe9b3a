/**
 * Organisation mode's library and members (issue 18): `GET /api/library` lists the maps a
 * signed-in user may open; `POST /api/maps/<id>/archive` and `/restore` (owners and
 * facilitators); `GET/PUT/DELETE /api/maps/<id>/members[/<kind>/<id>]` (owners, and
 * organisation admins, who act as owner on every map); `GET /api/users?q=` finds people
 * who have signed in. Only registered in organisation mode.
 *
 * A member change that weakens or removes someone's role closes their open sockets to the
 * map (4403) on every node, through the transport's closeSocketsOf; the map always keeps an
 * owner (the store refuses otherwise: 409 last-owner).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  type LibraryResponse,
  type MapMembersResponse,
  type MemberKind,
  type UsersResponse,
  isLibrarySort,
  isMemberKind,
  roleRank,
} from '../../shared/protocol/libraryApi'
import { type Role, canFacilitate, isRole } from '../../shared/protocol/roles'
import { memberRole, accessPolicyOf } from '../access/authenticateRequest'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import type { ReadSession, SignedInUser } from '../access/readSession'
import type { MapStore } from '../storage/MapStore'
import type { SyncTransport } from '../transport/createSyncTransport'
import type { Route } from './Route'
import { readJsonBody } from './readJsonBody'
import { requireMapAccess } from './requireMapAccess'
import { sendApiError, sendJson } from './sendJson'

/** Longest group name accepted as a member (the provider's claim value). */
export const MAX_GROUP_NAME_LENGTH = 200

export interface LibraryRouteOptions {
  store: MapStore
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  readSession: ReadSession
  /** Members of this group are organisation admins; null: nobody is. */
  adminGroup: string | null
  /** Reached late: the transport is built after the routes. */
  transport: () => SyncTransport
  /** Settles once maps nobody opened since the library came are summarised (listing waits). */
  summariesBackfilled?: Promise<unknown>
}

export function createLibraryRoutes(options: LibraryRouteOptions): Route[] {
  const { store, readSession } = options
  const policy = accessPolicyOf(options)

  async function signedIn(request: IncomingMessage, response: ServerResponse) {
    const user = await readSession(request)
    if (user === null) sendApiError(response, 401, ApiErrorCode.signInRequired, 'Sign in first.')
    return user
  }

  /** The map's owner (or an admin) signed in, else the refusal is sent and null answered. */
  async function requireOwner(
    request: IncomingMessage,
    response: ServerResponse,
    id: string | undefined,
  ): Promise<{ mapId: string; user: SignedInUser } | null> {
    const access = await requireMapAccess(policy, request, response, id, (role) => role === 'owner')
    if (access === null) return null
    if (access.user === null) {
      sendApiError(response, 401, ApiErrorCode.signInRequired, 'Members are managed signed in.')
      return null
    }
    return { mapId: access.mapId, user: access.user }
  }

  /** The role a stored user has on the map now (their groups as of their last sign-in). */
  async function currentRoleOf(mapId: string, userId: string): Promise<Role | null> {
    const user = await store.identities.getUser(userId)
    if (user === null) return null
    const isAdmin = options.adminGroup !== null && user.groups.includes(options.adminGroup)
    return memberRole(store, mapId, {
      identity: { kind: 'user', id: user.id, name: user.name },
      email: user.email,
      groups: user.groups,
      isAdmin,
      session: { key: '', expiresAt: '', endsAt: '' },
    })
  }

  /** Closes the sockets a weakened or removed membership no longer covers. */
  async function closeWeakened(
    mapId: string,
    kind: MemberKind,
    id: string,
    before: Role | null,
    after: Role | null,
  ) {
    if (before === null || (after !== null && roleRank(after) <= roleRank(before))) return
    const transport = options.transport()
    if (kind === 'user') {
      const keepRole = await currentRoleOf(mapId, id)
      transport.closeSocketsOf(
        { mapId, userId: id, keepRole },
        CloseCode.forbidden,
        'membership changed',
      )
    } else {
      // Members of the group may hold another membership: each node asks per socket.
      const filter = { mapId, group: id, recheck: true }
      transport.closeSocketsOf(filter, CloseCode.forbidden, 'membership changed')
    }
  }

  async function memberTarget(
    response: ServerResponse,
    rawKind: string | undefined,
    rawId: string | undefined,
  ): Promise<{ kind: MemberKind; id: string } | null> {
    let id: string
    try {
      id = decodeURIComponent(rawId ?? '').trim()
    } catch {
      id = ''
    }
    if (!isMemberKind(rawKind) || id === '' || id.length > MAX_GROUP_NAME_LENGTH) {
      sendApiError(response, 400, ApiErrorCode.invalidId, 'Members are user/<id> or group/<name>.')
      return null
    }
    return { kind: rawKind, id }
  }

  const setArchived = (archived: boolean): Route['handle'] =>
    async function handle(request, response, [id]) {
      const access = await requireMapAccess(policy, request, response, id, canFacilitate)
      if (access === null) return
      await store.library.setArchived(access.mapId, archived)
      response.writeHead(204, { 'Cache-Control': 'no-store' })
      response.end()
    }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/library$/,
      async handle(request, response) {
        const user = await signedIn(request, response)
        if (user === null) return
        // The first listing after an upgrade waits for the counts of old maps.
        await options.summariesBackfilled
        const params = new URL(request.url ?? '/', 'http://localhost').searchParams
        const sort = params.get('sort') ?? 'updated'
        const archived = params.get('archived') ?? '0'
        if (!isLibrarySort(sort) || (archived !== '0' && archived !== '1')) {
          return sendApiError(response, 400, ApiErrorCode.invalidQuery, 'sort or archived unknown.')
        }
        const maps = await store.library.listLibrary({
          userId: user.identity.id,
          groups: user.groups,
          admin: user.isAdmin,
          q: (params.get('q') ?? '').slice(0, 200),
          archived: archived === '1',
          sort,
        })
        const answer: LibraryResponse = { maps }
        sendJson(response, 200, answer)
      },
    },
    { method: 'POST', pattern: /^\/api\/maps\/([^/]*)\/archive$/, handle: setArchived(true) },
    { method: 'POST', pattern: /^\/api\/maps\/([^/]*)\/restore$/, handle: setArchived(false) },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/members$/,
      async handle(request, response, [id]) {
        const access = await requireOwner(request, response, id)
        if (access === null) return
        const members = await store.library.listMembers(access.mapId)
        const answer: MapMembersResponse = {
          members: members.map((member) => ({
            kind: member.kind,
            id: member.id,
            role: member.role,
            name: member.user?.name ?? member.id,
            email: member.user?.email ?? null,
          })),
        }
        sendJson(response, 200, answer)
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/maps\/([^/]*)\/members\/([^/]*)\/([^/]*)$/,
      async handle(request, response, [id, rawKind, rawMember]) {
        const access = await requireOwner(request, response, id)
        if (access === null) return
        const target = await memberTarget(response, rawKind, rawMember)
        if (target === null) return
        const body = await readJsonBody(request, 1024)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const role = (body.value as { role?: unknown } | null)?.role
        if (!isRole(role)) {
          return sendApiError(response, 400, ApiErrorCode.invalidBody, 'role must be a role.')
        }
        if (target.kind === 'user' && (await store.identities.getUser(target.id)) === null) {
          return sendApiError(response, 404, ApiErrorCode.unknownUser, 'No user with this id.')
        }
        const before = await memberRoleOf(store, access.mapId, target.kind, target.id)
        const change = await store.library.putMember(access.mapId, target.kind, target.id, role)
        if (!change.ok) {
          return sendApiError(response, 409, ApiErrorCode.lastOwner, 'A map keeps one owner.')
        }
        await closeWeakened(access.mapId, target.kind, target.id, before, role)
        response.writeHead(204, { 'Cache-Control': 'no-store' })
        response.end()
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/maps\/([^/]*)\/members\/([^/]*)\/([^/]*)$/,
      async handle(request, response, [id, rawKind, rawMember]) {
        const access = await requireOwner(request, response, id)
        if (access === null) return
        const target = await memberTarget(response, rawKind, rawMember)
        if (target === null) return
        const before = await memberRoleOf(store, access.mapId, target.kind, target.id)
        const change = await store.library.removeMember(access.mapId, target.kind, target.id)
        if (!change.ok) {
          return sendApiError(response, 409, ApiErrorCode.lastOwner, 'A map keeps one owner.')
        }
        await closeWeakened(access.mapId, target.kind, target.id, before, null)
        response.writeHead(204, { 'Cache-Control': 'no-store' })
        response.end()
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/users$/,
      async handle(request, response) {
        const user = await signedIn(request, response)
        if (user === null) return
        const q = new URL(request.url ?? '/', 'http://localhost').searchParams.get('q') ?? ''
        const found = await store.identities.findUsers(q.slice(0, 200))
        const answer: UsersResponse = {
          users: found.map(({ id, name, email }) => ({ id, name, email })),
        }
        sendJson(response, 200, answer)
      },
    },
  ]
}

/** The role of exactly this membership (not the user's strongest), or null. */
async function memberRoleOf(
  store: MapStore,
  mapId: string,
  kind: MemberKind,
  id: string,
): Promise<Role | null> {
  const members = await store.library.listMembers(mapId)
  return members.find((member) => member.kind === kind && member.id === id)?.role ?? null
}
