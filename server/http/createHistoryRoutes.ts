/**
 * Routes on a map's history: versions (list, create, open, restore,
 * diff) and the audit trail (erasure: createErasureRoutes). Every role may list and open
 * versions and diff them; creating and restoring them need owner or facilitator.
 *
 * A version holds the map document's state and, apart, the confidential document's. Opening
 * a version (`…/versions/<id>`) answers the map document's state only; its confidential
 * part (`…/versions/<id>/confidential`) only to roles that may read it. Diffs are made from
 * map documents only, so they never hold contacts or confidential log entries. A restore
 * restores both documents. Versions are read only after the map was moved to the current
 * layout (migrateConfidentialData), so none still holds contacts.
 */
import type { ReadSession } from '../access/readSession'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { diffStakeholders } from '../../shared/document/diffStakeholders'
import { splitConfidentialVersion } from '../../shared/document/splitConfidentialState'
import { readStakeholders } from '../../shared/document/stakeholderDocument'
import { autoVersionName } from '../../shared/protocol/versionNames'
import { type Actor, MAX_VERSION_NAME_LENGTH } from '../../shared/protocol/accessApi'
import { canFacilitate, canReadConfidential } from '../../shared/protocol/roles'
import type { Role } from '../../shared/protocol/roles'
import { STAKEHOLDER_ID_PATTERN } from '../../shared/stakeholder/Stakeholder'
import type { ServerResponse } from 'node:http'
import { findGuestOfRequest } from '../access/findGuestOfRequest'
import { SERVER_ACTOR } from '../rooms/MapHistory'
import type { Room } from '../rooms/Room'
import type { RoomPeer } from '../rooms/RoomPeer'
import { createActionPeer } from '../rooms/createActionPeer'
import { migrateConfidentialData } from '../rooms/migrateConfidentialData'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { MapStore, StoredVersion } from '../storage/MapStore'
import { readJsonBody } from './readJsonBody'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

const MAX_BODY_BYTES = 16 * 1024
const MAX_NAME_LENGTH = 100
const VERSION_ID = /^\d{1,15}$/

/** What the history routes work on. */
export interface HistoryRouteOptions {
  store: MapStore
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
  /** Gets the lifecycle lines (version restored); none when absent. */
  logger?: Logger
}

/** The versions and audit routes. */
export function createHistoryRoutes(options: HistoryRouteOptions): Route[] {
  const { store, rooms, logger } = options
  const policy = accessPolicyOf(options)
  /** The live map document's state, loading the map if nobody has it open. */
  const currentState = async (mapId: string, role: Role): Promise<Uint8Array | null> => {
    const result = await rooms.withRoom(mapId, createActionPeer(role, 'Server'), async (room) =>
      Y.encodeStateAsUpdate(room.doc),
    )
    return result?.value ?? null
  }

  /** A stored version, once the map is stored in the current layout; null when unknown. */
  const versionOf = async (mapId: string, ref: string | undefined) => {
    if (!VERSION_ID.test(ref ?? '')) return null
    await migrateConfidentialData(store, mapId, false)
    return store.getVersion(mapId, Number(ref))
  }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        sendJson(response, 200, await store.listVersions(access.mapId))
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/versions$/,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canFacilitate)
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
        // A guest session names the version's maker; `by` is what older clients still send.
        const guest = await findGuestOfRequest(store, access.mapId, request)
        if (guest === 'unknown') {
          return sendApiError(response, 401, 'unauthorized', 'Unknown guest session.')
        }
        const createdBy: Actor =
          guest === null
            ? { name: displayName(by), role: access.role }
            : { name: guest.name, role: access.role, kind: guest.kind, id: guest.id }
        const result = await rooms.withRoom(
          access.mapId,
          createActionPeer(access.role, createdBy.name),
          (room) => room.history.createVersion({ kind: 'named', name: trimmed, createdBy }),
        )
        if (result === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        sendJson(response, 201, result.value)
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)$/,
      async handle(request, response, [id, versionId]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        const version = await versionOf(access.mapId, versionId)
        if (version === null) return sendApiError(response, 404, 'not-found', 'No such version.')
        sendState(response, version.state, `map-${access.mapId}-v${versionId}.yjs`)
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)\/confidential$/,
      async handle(request, response, [id, versionId]) {
        const access = await requireMapAccess(policy, request, response, id, canReadConfidential)
        if (access === null) return
        const version = await versionOf(access.mapId, versionId)
        if (version === null) return sendApiError(response, 404, 'not-found', 'No such version.')
        // A version without a confidential part had an empty confidential document.
        const state = version.confidentialState ?? Y.encodeStateAsUpdate(new Y.Doc())
        sendState(response, state, `map-${access.mapId}-v${versionId}-confidential.yjs`)
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)\/restore$/,
      async handle(request, response, [id, versionId]) {
        const access = await requireMapAccess(policy, request, response, id, canFacilitate)
        if (access === null) return
        const version = await versionOf(access.mapId, versionId)
        if (version === null) return sendApiError(response, 404, 'not-found', 'No such version.')
        const peer = createActionPeer(access.role, await readOptionalName(request))
        const withConfidential = canReadConfidential(access.role)
        await rooms.withRoom(access.mapId, peer, (room) =>
          restoreVersion(rooms, room, version, peer, withConfidential),
        )
        logger?.info(
          { mapId: access.mapId, role: access.role, versionId: version.summary.id },
          'map restored',
        )
        sendJson(response, 200, { restored: version.summary.id })
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/versions\/([^/]*)\/diff\/([^/]*)$/,
      async handle(request, response, [id, from, to]) {
        const access = await requireMapAccess(policy, request, response, id)
        if (access === null) return
        const stateOf = async (ref: string | undefined): Promise<Uint8Array | null> => {
          if (ref === 'current') return currentState(access.mapId, access.role)
          return (await versionOf(access.mapId, ref))?.state ?? null
        }
        const before = await stateOf(from)
        const after = await stateOf(to)
        if (before === null || after === null) {
          return sendApiError(response, 404, 'not-found', 'No such version.')
        }
        sendJson(response, 200, diffStakeholders(stakeholdersOf(before), stakeholdersOf(after)))
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

/**
 * Restores a version as a new change by `peer`: an automatic version of both documents
 * first (history is kept), then the map document and, for a role that may, the
 * confidential document. A version still holding contacts in its map state is split first,
 * so a restore can never bring them back into the map document.
 */
async function restoreVersion(
  rooms: LoadedRooms,
  room: Room,
  version: StoredVersion,
  peer: RoomPeer,
  withConfidential: boolean,
): Promise<void> {
  const split = splitConfidentialVersion(version.state, version.confidentialState)
  const state = split?.state ?? version.state
  const confidentialState = split?.confidentialState ?? version.confidentialState
  await room.history.createVersion({
    kind: 'auto',
    name: autoVersionName('before-restore', version.summary.id),
    createdBy: SERVER_ACTOR,
  })
  await room.history.restoreState(state, peer)
  if (!withConfidential || confidentialState === null) return
  await rooms.withRoom(
    room.mapId,
    peer,
    (confidential) => confidential.history.restoreState(confidentialState, peer),
    'confidential',
  )
}

/** Sends a Yjs state as a download. */
function sendState(response: ServerResponse, state: Uint8Array, fileName: string): void {
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': state.byteLength,
    'Cache-Control': 'no-store',
    'Content-Disposition': `attachment; filename="${fileName}"`,
  })
  response.end(state)
}

/** A stakeholder or contact id from a path segment, or null when it is not one. */
export function decodeId(raw: string | undefined): string | null {
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
export async function readOptionalName(request: Parameters<Route['handle']>[0]): Promise<string> {
  if (!(request.headers['content-type'] ?? '').includes('json')) return 'Anonymous'
  const body = await readJsonBody(request, MAX_BODY_BYTES)
  return body.ok ? displayName((body.value as { by?: unknown } | null)?.by) : 'Anonymous'
}
