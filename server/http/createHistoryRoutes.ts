/**
 * Routes on a map's history and personal data: versions (list, create, open, restore,
 * diff), the audit trail and the erasure of a contact. Every role may list and open
 * versions; creating and restoring them, and erasing, need owner or facilitator.
 */
import * as Y from 'yjs'
import { diffStakeholders } from '../../shared/document/diffStakeholders'
import { contactsMap, readStakeholders } from '../../shared/document/stakeholderDocument'
import { MAX_VERSION_NAME_LENGTH } from '../../shared/protocol/accessApi'
import { canFacilitate, canReadAudit } from '../../shared/protocol/roles'
import type { Role } from '../../shared/protocol/roles'
import { STAKEHOLDER_ID_PATTERN } from '../../shared/stakeholder/Stakeholder'
import { createActionPeer } from '../rooms/createActionPeer'
import type { RoomRegistry } from '../rooms/RoomRegistry'
import type { MapStore } from '../storage/MapStore'
import { readJsonBody } from './readJsonBody'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

const MAX_BODY_BYTES = 16 * 1024
const MAX_NAME_LENGTH = 100
const VERSION_ID = /^\d{1,15}$/

/** What the history routes work on. */
export interface HistoryRouteOptions {
  store: MapStore
  rooms: RoomRegistry
  /** Called after an erasure rewrote the history, before the answer (purges freed pages). */
  afterErasure?: () => Promise<void>
}

/** The versions, audit and erasure routes. */
export function createHistoryRoutes({ store, rooms, afterErasure }: HistoryRouteOptions): Route[] {
  /** The live document's state, loading the map if nobody has it open. */
  const currentState = async (mapId: string, role: Role): Promise<Uint8Array | null> => {
    const result = await rooms.withRoom(mapId, createActionPeer(role, 'Server'), async (room) =>
      Y.encodeStateAsUpdate(room.doc),
    )
    return result?.value ?? null
  }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(store, request, response, id)
        if (access === null) return
        sendJson(response, 200, await store.listVersions(access.mapId))
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/versions$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(store, request, response, id, canFacilitate)
        if (access === null) return
        const body = await readJsonBody(request, MAX_BODY_BYTES)
        if (!body.ok) {
          return sendApiError(response, body.error.status, body.error.code, body.error.message)
        }
        const { name, by } = (body.value ?? {}) as { name?: unknown; by?: unknown }
        const trimmed = typeof name === 'string' ? name.trim() : ''
        if (trimmed.length === 0 || [...trimmed].length > MAX_VERSION_NAME_LENGTH) {
          return sendApiError(
            response,
            400,
            'invalid-name',
            `name must be 1 to ${MAX_VERSION_NAME_LENGTH} characters.`,
          )
        }
        const createdBy = { name: displayName(by), role: access.role }
        const result = await rooms.withRoom(
          access.mapId,
          createActionPeer(access.role, createdBy.name),
          (room) => room.createVersion({ kind: 'named', name: trimmed, createdBy }),
        )
        if (result === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        sendJson(response, 201, result.value)
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)$/,
      async handle(request, response, [id, versionId]) {
        const access = await requireMapAccess(store, request, response, id)
        if (access === null) return
        const version = VERSION_ID.test(versionId ?? '')
          ? await store.getVersion(access.mapId, Number(versionId))
          : null
        if (version === null) return sendApiError(response, 404, 'not-found', 'No such version.')
        response.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': version.state.byteLength,
          'Cache-Control': 'no-store',
          'Content-Disposition': `attachment; filename="map-${access.mapId}-v${versionId}.yjs"`,
        })
        response.end(version.state)
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)\/restore$/,
      async handle(request, response, [id, versionId]) {
        const access = await requireMapAccess(store, request, response, id, canFacilitate)
        if (access === null) return
        const version = VERSION_ID.test(versionId ?? '')
          ? await store.getVersion(access.mapId, Number(versionId))
          : null
        if (version === null) return sendApiError(response, 404, 'not-found', 'No such version.')
        const peer = createActionPeer(access.role, await readOptionalName(request))
        await rooms.withRoom(access.mapId, peer, (room) =>
          room.restore(version.state, version.summary.id, peer),
        )
        sendJson(response, 200, { restored: version.summary.id })
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)\/diff\/([^/]*)$/,
      async handle(request, response, [id, from, to]) {
        const access = await requireMapAccess(store, request, response, id)
        if (access === null) return
        const stateOf = async (ref: string | undefined): Promise<Uint8Array | null> => {
          if (ref === 'current') return currentState(access.mapId, access.role)
          if (!VERSION_ID.test(ref ?? '')) return null
          return (await store.getVersion(access.mapId, Number(ref)))?.state ?? null
        }
        const before = await stateOf(from)
        const after = await stateOf(to)
        if (before === null || after === null) {
          return sendApiError(response, 404, 'not-found', 'No such version.')
        }
        sendJson(response, 200, diffStakeholders(stakeholdersOf(before), stakeholdersOf(after)))
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/audit$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(store, request, response, id, canReadAudit)
        if (access === null) return
        const url = new URL(request.url ?? '/', 'http://localhost')
        const stakeholder = url.searchParams.get('stakeholder') ?? undefined
        sendJson(response, 200, await store.listAudit(access.mapId, stakeholder))
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/stakeholders\/([^/]*)\/contacts\/([^/]*)\/erase$/,
      async handle(request, response, [id, rawStakeholder, rawContact]) {
        const access = await requireMapAccess(store, request, response, id, canFacilitate)
        if (access === null) return
        const stakeholderId = decodeId(rawStakeholder)
        const contactId = decodeId(rawContact)
        if (stakeholderId === null || contactId === null) {
          return sendApiError(response, 400, 'invalid-id', 'Not a valid stakeholder or contact id.')
        }
        const peer = createActionPeer(access.role, await readOptionalName(request))
        const live = await rooms.withRoom(access.mapId, peer, (room) =>
          room.eraseContact(stakeholderId, contactId, peer),
        )
        if (live === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        const versionsRewritten = await store.rewriteVersions(access.mapId, (state) =>
          eraseFromState(state, stakeholderId, contactId),
        )
        await afterErasure?.()
        sendJson(response, 200, { erasedFromCurrent: live.value, versionsRewritten })
      },
    },
  ]
}

function stakeholdersOf(state: Uint8Array) {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return readStakeholders(doc).stakeholders
  } finally {
    doc.destroy()
  }
}

/** The state without the contact (collected, not just marked deleted), or null if absent. */
function eraseFromState(state: Uint8Array, stakeholderId: string, contactId: string) {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, state)
    const contacts = contactsMap(doc).get(stakeholderId)
    if (!(contacts instanceof Y.Map) || !contacts.has(contactId)) return null
    doc.transact(() => contacts.delete(contactId))
    return {
      state: Y.encodeStateAsUpdate(doc),
      stakeholderCount: doc.getMap('stakeholders').size,
    }
  } finally {
    doc.destroy()
  }
}

function decodeId(raw: string | undefined): string | null {
  try {
    const id = decodeURIComponent(raw ?? '')
    return STAKEHOLDER_ID_PATTERN.test(id) ? id : null
  } catch {
    return null
  }
}

function displayName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().slice(0, MAX_NAME_LENGTH) : ''
  return name.length > 0 ? name : 'Anonymous'
}

/** `{ "by": "<display name>" }` when the request has a JSON body; 'Anonymous' otherwise. */
async function readOptionalName(request: Parameters<Route['handle']>[0]): Promise<string> {
  if (!(request.headers['content-type'] ?? '').includes('json')) return 'Anonymous'
  const body = await readJsonBody(request, MAX_BODY_BYTES)
  return body.ok ? displayName((body.value as { by?: unknown } | null)?.by) : 'Anonymous'
}
