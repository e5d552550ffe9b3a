/**
 * Moves confidential content that a map document still holds into the confidential
 * document, and deletes it from the map document: what it held from the time before the
 * confidential document existed (the `contacts` root, and engagement-log entries marked
 * `confidential` in `stakeholders`), and dialogue plans marked `confidential` in
 * `dialoguePlans` (from before such plans moved there, or an imported file of that time).
 * With no confidential document (a role that may not read it) the content is only deleted.
 *
 * Used on the server when a map is loaded and its versions are split, and in the browser
 * on a local copy written by an earlier version. Moving is idempotent: a second run finds
 * nothing. In a document with `gc: true` (the server's, and y-websocket clients' by
 * default) the deleted content is collected, so the map document's encoded state no longer
 * holds it. Content is moved as it is: an entry replaces one of the same id in the
 * confidential document, and a plan's fields (and invited stakeholders) are set over those
 * of a plan of the same id there (either may be an edit that was never synced).
 */
import * as Y from 'yjs'
import { CONFIDENTIAL_DIALOGUE_PLANS_MAP, DIALOGUE_PLANS_MAP } from './mapDocumentLayout'
import {
  confidentialLogMap,
  contactsMap,
  isConfidentialEntry,
  stakeholdersMap,
} from './stakeholderDocument'

/** The map document's key of a record's engagement log (see stakeholderDocument.ts). */
const LOG_KEY = 'engagementLog'

/** A value a peer may have written anywhere: only plain objects can be entries. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Y.AbstractType)
}

function isMarkedConfidential(value: unknown): boolean {
  return isPlainObject(value) && isConfidentialEntry(value as { confidentiality: string })
}

/** The confidential log entries of one stakeholder in the map document. */
interface MarkedEntries {
  stakeholderId: string
  log: Y.Map<unknown>
  ids: string[]
}

function confidentialEntriesIn(map: Y.Doc): MarkedEntries[] {
  const found: MarkedEntries[] = []
  stakeholdersMap(map).forEach((fields, stakeholderId) => {
    if (!(fields instanceof Y.Map)) return
    const log = fields.get(LOG_KEY)
    if (!(log instanceof Y.Map)) return
    const ids = [...(log as Y.Map<unknown>).entries()]
      .filter(([, entry]) => isMarkedConfidential(entry))
      .map(([id]) => id)
    if (ids.length > 0) found.push({ stakeholderId, log: log as Y.Map<unknown>, ids })
  })
  return found
}

/** The ids of the plans in the map document marked `confidential`, whatever else they hold. */
function confidentialPlansIn(map: Y.Doc): string[] {
  const ids: string[] = []
  map.getMap<unknown>(DIALOGUE_PLANS_MAP).forEach((fields, id) => {
    if (fields instanceof Y.Map && fields.get('confidentiality') === 'confidential') ids.push(id)
  })
  return ids
}

/**
 * True when the map document holds contacts, confidential entries or confidential plans
 * (see the module).
 */
export function holdsLegacyConfidentialContent(map: Y.Doc): boolean {
  return (
    contactsMap(map).size > 0 ||
    confidentialEntriesIn(map).length > 0 ||
    confidentialPlansIn(map).length > 0
  )
}

/** The Y.Map under `key` of `parent` (a stakeholder's, a plan's), made when missing. */
function childMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key)
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>
  const created = new Y.Map<unknown>()
  parent.set(key, created)
  return created
}

function copyInto(target: Y.Map<unknown>, id: string, value: unknown): void {
  if (JSON.stringify(target.get(id)) !== JSON.stringify(value)) target.set(id, value)
}

/**
 * Copies a dialogue record's fields into `target` (made when missing): plain values as they
 * are, a nested Y.Map (a plan's `invited`) entry by entry. Other shared types are not part of
 * the layout and are left behind.
 */
function copyRecord(source: Y.Map<unknown>, target: Y.Map<unknown>): void {
  source.forEach((value, key) => {
    if (value instanceof Y.Map) {
      copyRecord(value as Y.Map<unknown>, childMap(target, key))
    } else if (!(value instanceof Y.AbstractType)) copyInto(target, key, value)
  })
}

/**
 * Moves the map document's confidential content into `confidential` (or drops it when
 * null), one transaction per document with `origin`. Answers whether there was any.
 */
export function moveConfidentialContent(
  map: Y.Doc,
  confidential: Y.Doc | null,
  origin?: unknown,
): boolean {
  const legacyContacts = contactsMap(map) as unknown as Y.Map<unknown>
  const entries = confidentialEntriesIn(map)
  const plans = map.getMap<unknown>(DIALOGUE_PLANS_MAP)
  const planIds = confidentialPlansIn(map)
  if (legacyContacts.size === 0 && entries.length === 0 && planIds.length === 0) return false
  confidential?.transact(() => {
    const contacts = contactsMap(confidential) as unknown as Y.Map<unknown>
    legacyContacts.forEach((list, stakeholderId) => {
      if (!(list instanceof Y.Map)) return
      const target = childMap(contacts, stakeholderId)
      ;(list as Y.Map<unknown>).forEach((contact, id) => {
        if (isPlainObject(contact)) copyInto(target, id, contact)
      })
    })
    const secretLog = confidentialLogMap(confidential) as unknown as Y.Map<unknown>
    for (const { stakeholderId, log, ids } of entries) {
      const target = childMap(secretLog, stakeholderId)
      for (const id of ids) copyInto(target, id, log.get(id))
    }
    const secretPlans = confidential.getMap<unknown>(CONFIDENTIAL_DIALOGUE_PLANS_MAP)
    for (const id of planIds) {
      copyRecord(plans.get(id) as Y.Map<unknown>, childMap(secretPlans, id))
    }
  }, origin)
  map.transact(() => {
    for (const stakeholderId of [...legacyContacts.keys()]) legacyContacts.delete(stakeholderId)
    for (const { log, ids } of entries) for (const id of ids) log.delete(id)
    for (const id of planIds) plans.delete(id)
  }, origin)
  return true
}
