/**
 * Moves confidential content that a map document still holds into the confidential
 * document, and deletes it from the map document: what it held from the time before the
 * confidential document existed (the `contacts` root, and engagement-log entries marked
 * `confidential` in `stakeholders`), dialogue plans marked `confidential` in
 * `dialoguePlans` (from before such plans moved there, or an imported file of that time),
 * and the commitments and evaluations of a confidential plan (from before they followed
 * their plan there; a plan is confidential when it is marked so here or is in the
 * confidential document). With no confidential document (a role that may not read it) the
 * content is only deleted; commitments and evaluations only those of plans marked here.
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
import { childMap, copyDialogueRecord, copyValue } from './copyDialogueRecord'
import {
  COMMITMENTS_MAP,
  CONFIDENTIAL_DIALOGUE_PLANS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
  DIALOGUE_PLANS_MAP,
} from './mapDocumentLayout'
import {
  confidentialLogMap,
  contactsMap,
  isConfidentialEntry,
  stakeholdersMap,
} from './stakeholderDocument'

/** Roots of the records that follow their plan (same names in both documents). */
const PLAN_RECORD_ROOTS = [COMMITMENTS_MAP, DIALOGUE_EVALUATIONS_MAP] as const

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

/** The ids of the plans the confidential document holds; none without one. */
function plansOf(confidential: Y.Doc | null): string[] {
  return confidential === null
    ? []
    : [...confidential.getMap<unknown>(CONFIDENTIAL_DIALOGUE_PLANS_MAP).keys()]
}

/** Commitments and evaluations in the map document that belong to one of `planIds`, by root. */
function recordsOfPlansIn(map: Y.Doc, planIds: ReadonlySet<string>) {
  return PLAN_RECORD_ROOTS.map((root) => {
    const records = map.getMap<unknown>(root)
    const ids: string[] = []
    records.forEach((fields, id) => {
      if (!(fields instanceof Y.Map)) return
      const planId = fields.get('dialogueId')
      if (typeof planId === 'string' && planIds.has(planId)) ids.push(id)
    })
    return { root, records, ids }
  }).filter(({ ids }) => ids.length > 0)
}

/**
 * True when the map document holds contacts, confidential entries or confidential plans, or
 * commitments and evaluations of a confidential plan, whether the plan is still in the map
 * document or already in `confidential` (see the module).
 */
export function holdsLegacyConfidentialContent(
  map: Y.Doc,
  confidential: Y.Doc | null = null,
): boolean {
  const planIds = confidentialPlansIn(map)
  return (
    contactsMap(map).size > 0 ||
    confidentialEntriesIn(map).length > 0 ||
    planIds.length > 0 ||
    recordsOfPlansIn(map, new Set([...planIds, ...plansOf(confidential)])).length > 0
  )
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
  const planRecords = recordsOfPlansIn(map, new Set([...planIds, ...plansOf(confidential)]))
  if (
    legacyContacts.size === 0 &&
    entries.length === 0 &&
    planIds.length === 0 &&
    planRecords.length === 0
  )
    return false
  confidential?.transact(() => {
    const contacts = contactsMap(confidential) as unknown as Y.Map<unknown>
    legacyContacts.forEach((list, stakeholderId) => {
      if (!(list instanceof Y.Map)) return
      const target = childMap(contacts, stakeholderId)
      ;(list as Y.Map<unknown>).forEach((contact, id) => {
        if (isPlainObject(contact)) copyValue(target, id, contact)
      })
    })
    const secretLog = confidentialLogMap(confidential) as unknown as Y.Map<unknown>
    for (const { stakeholderId, log, ids } of entries) {
      const target = childMap(secretLog, stakeholderId)
      for (const id of ids) copyValue(target, id, log.get(id))
    }
    const secretPlans = confidential.getMap<unknown>(CONFIDENTIAL_DIALOGUE_PLANS_MAP)
    for (const id of planIds) {
      copyDialogueRecord(plans.get(id) as Y.Map<unknown>, childMap(secretPlans, id))
    }
    for (const { root, records, ids } of planRecords) {
      const target = confidential.getMap<unknown>(root) as Y.Map<unknown>
      for (const id of ids)
        copyDialogueRecord(records.get(id) as Y.Map<unknown>, childMap(target, id))
    }
  }, origin)
  map.transact(() => {
    for (const stakeholderId of [...legacyContacts.keys()]) legacyContacts.delete(stakeholderId)
    for (const { log, ids } of entries) for (const id of ids) log.delete(id)
    for (const id of planIds) plans.delete(id)
    for (const { records, ids } of planRecords) for (const id of ids) records.delete(id)
  }, origin)
  return true
}
