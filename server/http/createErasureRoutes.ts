/**
 * Erasure of personal data: one contact of a stakeholder, or every contact it has or had
 * (`POST /api/maps/<id>/stakeholders/<sid>/contacts/<cid>/erase`, `…/contacts/erase`).
 * Owners only ({@link canErasePersonalData}): it cannot be undone and reaches all history.
 *
 * Flow: the room deletes the contacts from the live confidential document, adds them to the
 * erasure register (ids, time, who; erasureRegister.ts) and merges the document's log into
 * one row; then every version's confidential part is rewritten without them, the audit trail
 * gets a row saying what was erased (ids only), and the database purges freed space (SQLite:
 * checkpoint, VACUUM, empty WAL). The room sends the grown register to the connected owners
 * and facilitators, whose browsers rewrite their local copies; browsers that were offline get
 * it when they connect, and the room refuses any update that would bring a contact back.
 */
import type { ReadSession } from '../access/readSession'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { ErasureRecord } from '../../shared/document/erasureRegister'
import { contactsMap } from '../../shared/document/stakeholderDocument'
import { canErasePersonalData } from '../../shared/protocol/roles'
import { createActionPeer } from '../rooms/createActionPeer'
import { migrateConfidentialData } from '../rooms/migrateConfidentialData'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { MapStore } from '../storage/MapStore'
import { decodeId, readOptionalName } from './createHistoryRoutes'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

/** First field of the audit row of an erasure; the others are `contact:<id>`. */
export const ERASURE_AUDIT_FIELD = 'personal-data-erased'
/** The audit row kind of an erasure (shared/audit/describeAuditEntry.ts words it). */
export const ERASURE_AUDIT_KIND = 'erasure'

/** What the erasure routes work on. */
export interface ErasureRouteOptions {
  store: MapStore
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
  /** Called after an erasure rewrote the history, before the answer (purges freed pages). */
  afterErasure?: () => Promise<void>
  /** Gets a 'contact erased' line per erasure (map, role, counts; never the data). */
  logger?: Logger
}

/** The two erasure routes. */
export function createErasureRoutes(options: ErasureRouteOptions): Route[] {
  const { store, rooms, afterErasure, logger } = options
  const policy = accessPolicyOf(options)
  /**
   * Erases `contactIds` of a stakeholder (all it has or had in any version when null) and
   * answers which ids the live map held and how many versions changed; null: no such map.
   */
  const erase = async (
    mapId: string,
    stakeholderId: string,
    contactIds: readonly string[] | null,
    by: { name: string; role: 'owner' },
  ) => {
    await migrateConfidentialData(store, mapId, false)
    const fromVersions = contactIds ?? (await contactIdsInVersions(store, mapId, stakeholderId))
    const peer = createActionPeer(by.role, by.name)
    const at = new Date().toISOString()
    const live = await rooms.withRoom(
      mapId,
      peer,
      (room) => {
        const ids = new Set(
          contactIds ?? [...fromVersions, ...contactIdsIn(room.doc, stakeholderId)],
        )
        const records: ErasureRecord[] = [...ids].map((contactId) => ({
          stakeholderId,
          contactId,
          at,
          by,
        }))
        return room.history.eraseContacts(records, peer).then((found) => ({ found, ids: [...ids] }))
      },
      'confidential',
    )
    if (live === null) return null
    const erased = new Set(live.value.ids)
    const versionsRewritten = await store.rewriteVersions(mapId, (state, secret) => {
      const confidentialState = secret && eraseFromState(secret, stakeholderId, erased)
      return confidentialState ? { state, confidentialState } : null
    })
    if (erased.size > 0) {
      // A row of its own: an edit by the same person moments later must not merge into it.
      await store.appendAudit({
        mapId,
        stakeholderId,
        participant: by,
        kind: ERASURE_AUDIT_KIND,
        fields: [ERASURE_AUDIT_FIELD, ...[...erased].map((id) => `contact:${id}`)],
        at,
      })
    }
    await afterErasure?.()
    // Which contacts stays out of the log: the line says that an erasure happened, and where.
    logger?.info(
      { mapId, role: by.role, contactsErased: erased.size, versionsRewritten },
      'contact erased',
    )
    return { found: live.value.found, erased: [...erased], versionsRewritten }
  }

  return [
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/stakeholders\/([^/]*)\/contacts\/([^/]*)\/erase$/,
      async handle(request, response, [id, rawStakeholder, rawContact]) {
        const access = await requireMapAccess(policy, request, response, id, canErasePersonalData)
        if (access === null) return
        const stakeholderId = decodeId(rawStakeholder)
        const contactId = decodeId(rawContact)
        if (stakeholderId === null || contactId === null) {
          return sendApiError(response, 400, 'invalid-id', 'Not a valid stakeholder or contact id.')
        }
        const by = { name: await readOptionalName(request), role: 'owner' as const }
        const result = await erase(access.mapId, stakeholderId, [contactId], by)
        if (result === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        sendJson(response, 200, {
          erasedFromCurrent: result.found.length > 0,
          versionsRewritten: result.versionsRewritten,
        })
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/maps\/([^/]*)\/stakeholders\/([^/]*)\/contacts\/erase$/,
      async handle(request, response, [id, rawStakeholder]) {
        const access = await requireMapAccess(policy, request, response, id, canErasePersonalData)
        if (access === null) return
        const stakeholderId = decodeId(rawStakeholder)
        if (stakeholderId === null) {
          return sendApiError(response, 400, 'invalid-id', 'Not a valid stakeholder id.')
        }
        const by = { name: await readOptionalName(request), role: 'owner' as const }
        const result = await erase(access.mapId, stakeholderId, null, by)
        if (result === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        sendJson(response, 200, {
          erasedContactIds: result.erased,
          erasedFromCurrent: result.found.length,
          versionsRewritten: result.versionsRewritten,
        })
      },
    },
  ]
}

/** Ids of the stakeholder's contacts in a confidential document. */
function contactIdsIn(confidential: Y.Doc, stakeholderId: string): string[] {
  const contacts = contactsMap(confidential).get(stakeholderId)
  return contacts instanceof Y.Map ? [...contacts.keys()] : []
}

/** Ids of the stakeholder's contacts in any stored version. */
async function contactIdsInVersions(
  store: MapStore,
  mapId: string,
  stakeholderId: string,
): Promise<string[]> {
  const ids = new Set<string>()
  for (const summary of await store.listVersions(mapId)) {
    const secret = (await store.getVersion(mapId, summary.id))?.confidentialState
    if (!secret) continue
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, secret)
      for (const id of contactIdsIn(doc, stakeholderId)) ids.add(id)
    } finally {
      doc.destroy()
    }
  }
  return [...ids]
}

/**
 * A confidential document's state without the contacts (collected, not just marked
 * deleted), or null if none of them is there.
 */
function eraseFromState(state: Uint8Array, stakeholderId: string, contactIds: Set<string>) {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, state)
    const contacts = contactsMap(doc).get(stakeholderId)
    if (!(contacts instanceof Y.Map)) return null
    const present = [...contacts.keys()].filter((id) => contactIds.has(id))
    if (present.length === 0) return null
    doc.transact(() => {
      for (const id of present) contacts.delete(id)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
