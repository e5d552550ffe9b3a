/**
 * `GET /api/maps/<id>/my-role` (shared/protocol/roleBriefApi.ts): the role card dealt to
 * the caller and its private brief. The cards are in the map document; the briefs in the
 * confidential document, which only owners and facilitators receive, so this route is the
 * only way a participant reads one, and it answers only the caller's own.
 */
import { ROLE_BRIEFS_MAP, ROLE_PLAY_MAP } from '../../shared/document/mapDocumentLayout'
import type { MyRoleResponse } from '../../shared/protocol/roleBriefApi'
import { ROLE_LIMITS, readRoleCards, roleHeldBy } from '../../shared/workshop/rolePlay'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import type { ReadSession } from '../access/readSession'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import { createActionPeer } from '../rooms/createActionPeer'
import type { MapStore } from '../storage/MapStore'
import { callerIdentity } from './callerIdentity'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

const MY_ROLE_PATH = /^\/api\/maps\/([^/]*)\/my-role$/

/** What the route works on. */
export interface RoleBriefRouteOptions {
  store: MapStore
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
  readSession?: ReadSession | null
}

/** The role-brief route. */
export function createRoleBriefRoutes(options: RoleBriefRouteOptions): Route[] {
  const { store, rooms } = options
  const policy = accessPolicyOf(options)
  return [
    {
      method: 'GET',
      pattern: MY_ROLE_PATH,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        const holder = await callerIdentity(
          store,
          policy,
          request,
          response,
          access.mapId,
          access.user,
        )
        if (holder === null) return
        const peer = createActionPeer(access.role, 'Server')
        const card = await rooms.withRoom(access.mapId, peer, async (room) => {
          await room.catchUp()
          return roleHeldBy(
            readRoleCards(room.doc.getMap<unknown>(ROLE_PLAY_MAP).entries()),
            holder,
          )
        })
        if (card === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        if (card.value === null)
          return sendJson(response, 200, { role: null } satisfies MyRoleResponse)
        const held = card.value
        const brief = await rooms.withRoom(
          access.mapId,
          peer,
          async (room) => {
            await room.catchUp()
            const text = room.doc.getMap<unknown>(ROLE_BRIEFS_MAP).get(held.id)
            return typeof text === 'string' ? text.slice(0, ROLE_LIMITS.brief) : ''
          },
          'confidential',
        )
        const body: MyRoleResponse = { role: { card: held, brief: brief?.value ?? '' } }
        sendJson(response, 200, body)
      },
    },
  ]
}
