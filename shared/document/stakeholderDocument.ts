/**
 * How stakeholder records live in a map's two Y.Docs, for the client, the server (exports,
 * history, audit) and the tests alike.
 *
 * Layout:
 * - The map document, `doc.getMap('stakeholders')`: stakeholder id → Y.Map of the record's
 *   fields. Scalar fields are keys of their own, so two people editing different fields of
 *   one stakeholder at once both keep their edit. `impacts` and `engagementLog` are Y.Maps
 *   keyed by entry id, so two entries added at once are both kept; an entry is replaced
 *   whole when edited. `engagement.status` and `engagement.intendedLevel` are flattened
 *   into `engagementStatus` and `engagementLevel`. Every role receives this document.
 * - The confidential document (mapDocumentLayout.ts), which only owners and facilitators
 *   receive: `contacts` (stakeholder id → Y.Map of contact id → contact) and
 *   `confidentialLog` (stakeholder id → Y.Map of entry id → engagement entry whose
 *   confidentiality is `confidential`).
 *
 * Reading takes the map document and the confidential document, or null for a role that
 * has none; it assembles a plain record (contacts and confidential entries merged in when
 * there is a confidential document) and validates it with the shared model. Writing
 * validates first and sets only the fields that differ; contacts and confidential entries
 * go to the confidential document, and an entry whose confidentiality changes to or from
 * `confidential` moves between the documents. Without a confidential document, writing a
 * contact or a confidential entry is refused (an error value: nothing is written).
 * Changes to the confidential document leave the record's `updatedAt` alone, so the map
 * document does not even tell when they happened. Derived values (salience class,
 * quadrant, priority) are never written.
 *
 * Reading and writing stay in one file, over 400 lines, because they are two halves of one
 * layout: a field moved or flattened on one side must move on the other, and the round-trip
 * tests (tests/shared/document/) guard them together.
 */
import * as Y from 'yjs'
import type {
  AdverseImpact,
  Contact,
  EngagementEntry,
  Stakeholder,
  StakeholderWithoutContacts,
} from '../stakeholder/Stakeholder'
import { STAKEHOLDER_KEYS } from '../stakeholder/Stakeholder'
import { validationError } from '../stakeholder/validationError'
import {
  type StakeholderValidationResult,
  type CodedValidationError,
  validateStakeholder,
} from '../stakeholder/validateStakeholder'

import {
  CONFIDENTIAL_CONTACTS_MAP,
  CONFIDENTIAL_LOG_MAP,
  CONTACTS_MAP,
  STAKEHOLDERS_MAP,
} from './mapDocumentLayout'

export { CONTACTS_MAP, STAKEHOLDERS_MAP }

/** Fields kept in structures of their own (entry maps, flattened engagement, contacts). */
const STRUCTURED_FIELDS = ['impacts', 'engagement', 'contacts'] as const

/** Fields stored as plain values under their own key: every record key but the structured. */
const SCALAR_FIELDS = STAKEHOLDER_KEYS.filter(
  (key): key is Exclude<(typeof STAKEHOLDER_KEYS)[number], (typeof STRUCTURED_FIELDS)[number]> =>
    !(STRUCTURED_FIELDS as readonly string[]).includes(key),
)

/** A field that `patchStakeholder` can set directly. */
export type StakeholderScalarField = (typeof SCALAR_FIELDS)[number]

/** A change to the scalar fields and engagement settings of one stakeholder. */
export type StakeholderPatch = Partial<Pick<Stakeholder, StakeholderScalarField>> & {
  engagementStatus?: Stakeholder['engagement']['status']
  engagementLevel?: Stakeholder['engagement']['intendedLevel']
}

const ENGAGEMENT_STATUS_KEY = 'engagementStatus'
const ENGAGEMENT_LEVEL_KEY = 'engagementLevel'
const IMPACTS_KEY = 'impacts'
const LOG_KEY = 'engagementLog'

/** The Y.Map of all stakeholders of a map document. */
export function stakeholdersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(STAKEHOLDERS_MAP)
}

/**
 * The Y.Map of all contacts, by stakeholder id, of a confidential document (or, of a map
 * document, the root where contacts were kept before the confidential document existed).
 */
export function contactsMap(doc: Y.Doc): Y.Map<Y.Map<Contact>> {
  return doc.getMap<Y.Map<Contact>>(CONFIDENTIAL_CONTACTS_MAP)
}

/** The Y.Map of the confidential engagement-log entries, by stakeholder id. */
export function confidentialLogMap(confidential: Y.Doc): Y.Map<Y.Map<EngagementEntry>> {
  return confidential.getMap<Y.Map<EngagementEntry>>(CONFIDENTIAL_LOG_MAP)
}

/** True for an engagement entry that only roles with the confidential document may read. */
export function isConfidentialEntry(entry: { confidentiality: string }): boolean {
  return entry.confidentiality === 'confidential'
}

/** True when a record has contacts or confidential log entries (only for roles that may). */
export function holdsConfidentialData(stakeholder: {
  contacts?: readonly unknown[]
  engagement: { log: readonly { confidentiality: string }[] }
}): boolean {
  const contacts = stakeholder.contacts?.length ?? 0
  return contacts > 0 || stakeholder.engagement.log.some(isConfidentialEntry)
}

/** The error value of a write that needs the confidential document it was not given. */
function needsConfidentialDocument(path: string): { ok: false; errors: CodedValidationError[] } {
  return {
    ok: false,
    errors: [validationError(path, { code: 'confidential', params: {} })],
  }
}

/** The error value of a write to a stakeholder the map no longer has. */
function noStakeholder(id: string): { ok: false; errors: CodedValidationError[] } {
  return {
    ok: false,
    errors: [validationError('id', { code: 'unknown-stakeholder', params: { id } })],
  }
}

function entriesOf<T extends { id: string }>(value: unknown): T[] {
  if (!(value instanceof Y.Map)) return []
  return [...(value as Y.Map<T>).values()]
}

/** Impacts and contacts keep the order of their ids (created time-sortable by the UI). */
function byId(a: { id: string }, b: { id: string }) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The log reads oldest first, as evidence is read. */
function byDateThenId(a: EngagementEntry, b: EngagementEntry) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a, b)
}

/**
 * The log of both documents. An entry in both (moved to the confidential document while
 * someone edited it in the map document) counts once, as its confidential copy.
 */
function engagementLog(fields: Y.Map<unknown>, id: string, confidential: Y.Doc | null) {
  const shared = fields.get(LOG_KEY)
  const kept = confidential === null ? undefined : confidentialLogMap(confidential).get(id)
  const secret = kept instanceof Y.Map ? kept : null
  const entries: EngagementEntry[] = []
  if (shared instanceof Y.Map) {
    ;(shared as Y.Map<EngagementEntry>).forEach((entry, key) => {
      if (secret === null || !secret.has(key)) entries.push(entry)
    })
  }
  secret?.forEach((entry) => entries.push(entry))
  return entries.sort(byDateThenId)
}

/** The record as stored, before validation (what a hostile peer wrote may be anything). */
function assemble(fields: Y.Map<unknown>, id: string, confidential: Y.Doc | null) {
  const record: Record<string, unknown> = {}
  for (const key of SCALAR_FIELDS) {
    const value = fields.get(key)
    if (value !== undefined) record[key] = value
  }
  record.impacts = entriesOf<AdverseImpact>(fields.get(IMPACTS_KEY)).sort(byId)
  record.engagement = {
    status: fields.get(ENGAGEMENT_STATUS_KEY),
    intendedLevel: fields.get(ENGAGEMENT_LEVEL_KEY) ?? null,
    log: engagementLog(fields, id, confidential),
  }
  record.contacts =
    confidential === null ? [] : entriesOf<Contact>(contactsMap(confidential).get(id)).sort(byId)
  return record
}

/**
 * Reads one stakeholder, validated; `null` when there is no such id. Contacts and
 * confidential log entries come from `confidential` (none without it).
 */
export function readStakeholder(
  doc: Y.Doc,
  id: string,
  confidential: Y.Doc | null = null,
): StakeholderValidationResult | null {
  const fields = stakeholdersMap(doc).get(id)
  if (!(fields instanceof Y.Map)) return null
  return validateStakeholder(assemble(fields, id, confidential))
}

/** All stakeholders of a map: the valid records, and the ids that failed validation. */
export interface StakeholderReadout<T> {
  stakeholders: T[]
  invalid: { id: string; errors: CodedValidationError[] }[]
}

/**
 * Reads every stakeholder of the map document, sorted by name: without contacts and
 * without confidential log entries (what every role may read).
 */
export function readStakeholders(doc: Y.Doc): StakeholderReadout<StakeholderWithoutContacts>
/**
 * Reads every stakeholder with its contacts and confidential log entries from
 * `confidential` (none when it is null), sorted by name.
 */
export function readStakeholders(
  doc: Y.Doc,
  options: { confidential: Y.Doc | null },
): StakeholderReadout<Stakeholder>
export function readStakeholders(
  doc: Y.Doc,
  options?: { confidential: Y.Doc | null },
): StakeholderReadout<Stakeholder | StakeholderWithoutContacts> {
  const withContacts = options !== undefined
  const confidential = options?.confidential ?? null
  const result: StakeholderReadout<Stakeholder | StakeholderWithoutContacts> = {
    stakeholders: [],
    invalid: [],
  }
  stakeholdersMap(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) {
      const notARecord = { code: 'not-an-object', params: {}, message: 'is not a record' } as const
      result.invalid.push({ id, errors: [validationError('', notARecord)] })
      return
    }
    const validated = validateStakeholder(assemble(fields, id, confidential))
    if (!validated.ok) return void result.invalid.push({ id, errors: validated.errors })
    if (withContacts) result.stakeholders.push(validated.value)
    else {
      const { contacts: _contacts, ...rest } = validated.value
      result.stakeholders.push(rest)
    }
  })
  result.stakeholders.sort((a, b) => a.name.localeCompare(b.name) || byId(a, b))
  return result
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return JSON.stringify(a) === JSON.stringify(b)
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown) {
  if (!sameValue(map.get(key), value)) map.set(key, value)
}

/** Makes `map[key]` hold exactly `entries`, by id, touching only what differs. */
function syncEntries<T extends { id: string }>(parent: Y.Map<unknown>, key: string, entries: T[]) {
  let map = parent.get(key) as Y.Map<T> | undefined
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<T>()
    parent.set(key, map)
  }
  const wanted = new Map(entries.map((entry) => [entry.id, entry]))
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id)
  for (const [id, entry] of wanted) if (!sameValue(map.get(id), entry)) map.set(id, entry)
}

/** Like {@link syncEntries}, but creates no empty map for a stakeholder that has none. */
function syncEntriesIfAny<T extends { id: string }>(
  parent: Y.Map<unknown>,
  key: string,
  entries: T[],
) {
  if (entries.length > 0 || parent.has(key)) syncEntries(parent, key, entries)
}

/** Outcome of a write: the stored record, or why nothing was written. */
export type WriteResult =
  { ok: true; value: Stakeholder } | { ok: false; errors: CodedValidationError[] }

/**
 * Validates `input` and stores it, creating the stakeholder or updating only the fields that
 * differ from what is stored. Contacts and confidential log entries go to `confidential`;
 * without it (a role that may not read them) a record holding any is refused, and those
 * already stored are left alone.
 */
export function writeStakeholder(
  doc: Y.Doc,
  input: unknown,
  origin?: unknown,
  confidential: Y.Doc | null = null,
): WriteResult {
  const validated = validateStakeholder(input)
  if (!validated.ok) return validated
  const record = validated.value
  const secretLog = record.engagement.log.filter(isConfidentialEntry)
  const sharedLog = record.engagement.log.filter((entry) => !isConfidentialEntry(entry))
  if (confidential === null && record.contacts.length > 0) {
    return needsConfidentialDocument('contacts')
  }
  if (confidential === null && secretLog.length > 0) {
    return needsConfidentialDocument('engagement.log')
  }
  doc.transact(() => {
    const all = stakeholdersMap(doc)
    let fields = all.get(record.id)
    if (!(fields instanceof Y.Map)) {
      fields = new Y.Map<unknown>()
      all.set(record.id, fields)
    }
    for (const key of SCALAR_FIELDS) setIfChanged(fields, key, record[key])
    setIfChanged(fields, ENGAGEMENT_STATUS_KEY, record.engagement.status)
    setIfChanged(fields, ENGAGEMENT_LEVEL_KEY, record.engagement.intendedLevel)
    syncEntries(fields, IMPACTS_KEY, record.impacts)
    syncEntries(fields, LOG_KEY, sharedLog)
  }, origin)
  confidential?.transact(() => {
    const contacts = contactsMap(confidential) as unknown as Y.Map<unknown>
    syncEntriesIfAny(contacts, record.id, record.contacts)
    const log = confidentialLogMap(confidential) as unknown as Y.Map<unknown>
    syncEntriesIfAny(log, record.id, secretLog)
  }, origin)
  return { ok: true, value: record }
}

/** Options of the writes on one stakeholder. */
export interface WriteOptions {
  /** The time written to `updatedAt`; default now. */
  now?: string
  /** Origin of the transactions (undo tracks the local client's own). */
  origin?: unknown
  /** The map's confidential document; null or absent for a role that has none. */
  confidential?: Y.Doc | null
}

/**
 * Changes some scalar fields of an existing stakeholder, validating the result first.
 * Only the given fields are written, so a concurrent edit of another field survives.
 */
export function patchStakeholder(
  doc: Y.Doc,
  id: string,
  patch: StakeholderPatch,
  options: WriteOptions = {},
): WriteResult {
  const current = readStakeholder(doc, id, options.confidential ?? null)
  if (!current) return noStakeholder(id)
  if (!current.ok) return current
  const { engagementStatus, engagementLevel, ...scalars } = patch
  const candidate: Stakeholder = {
    ...current.value,
    ...scalars,
    engagement: {
      ...current.value.engagement,
      ...(engagementStatus !== undefined && { status: engagementStatus }),
      ...(engagementLevel !== undefined && { intendedLevel: engagementLevel }),
    },
    id,
    updatedAt: options.now ?? new Date().toISOString(),
  }
  const validated = validateStakeholder(candidate)
  if (!validated.ok) return validated
  const fields = stakeholdersMap(doc).get(id)!
  doc.transact(() => {
    // Only scalar fields: a patch built from a whole record must not overwrite its entry maps.
    for (const key of Object.keys(scalars) as StakeholderScalarField[]) {
      if (SCALAR_FIELDS.includes(key)) setIfChanged(fields, key, validated.value[key])
    }
    if (engagementStatus !== undefined)
      setIfChanged(fields, ENGAGEMENT_STATUS_KEY, engagementStatus)
    if (engagementLevel !== undefined) setIfChanged(fields, ENGAGEMENT_LEVEL_KEY, engagementLevel)
    fields.set('updatedAt', validated.value.updatedAt)
  }, options.origin)
  return validated
}

type EntryListName = 'impacts' | 'engagementLog' | 'contacts'

/** The entry map of one stakeholder under `parent` (a root or a record), made if asked. */
function childMap(parent: Y.Map<unknown>, key: string, create: boolean) {
  let map = parent.get(key)
  if (!(map instanceof Y.Map) && create) {
    map = new Y.Map<unknown>()
    parent.set(key, map)
  }
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : undefined
}

/** Which list an entry goes in, and its type. */
export type EntryOf<L extends EntryListName> = L extends 'impacts'
  ? AdverseImpact
  : L extends 'engagementLog'
    ? EngagementEntry
    : Contact

/** The document an entry belongs in: contacts and confidential log entries are confidential. */
function documentOf(list: EntryListName, entry: { id: string }): 'map' | 'confidential' {
  if (list === 'contacts') return 'confidential'
  if (list === 'impacts') return 'map'
  return isConfidentialEntry(entry as EngagementEntry) ? 'confidential' : 'map'
}

/** The root of `confidential` that holds the entries of `list`, by stakeholder id. */
function confidentialRoot(confidential: Y.Doc, list: EntryListName): Y.Map<unknown> {
  const root = list === 'contacts' ? contactsMap(confidential) : confidentialLogMap(confidential)
  return root as unknown as Y.Map<unknown>
}

/** One stakeholder's entry maps of `list` in both documents, where they exist. */
function entryMaps(
  fields: Y.Map<unknown> | undefined,
  stakeholderId: string,
  list: EntryListName,
  confidential: Y.Doc | null,
) {
  const key = list === 'impacts' ? IMPACTS_KEY : LOG_KEY
  return {
    shared: list === 'contacts' || fields === undefined ? undefined : childMap(fields, key, false),
    secret:
      list === 'impacts' || confidential === null
        ? undefined
        : childMap(confidentialRoot(confidential, list), stakeholderId, false),
  }
}

/**
 * Adds or replaces one entry of a stakeholder's impacts, engagement log or contacts. The
 * whole record is validated with the entry in place before anything is written. Contacts
 * and confidential log entries need `options.confidential`; a log entry whose
 * confidentiality changed moves to the other document.
 */
export function putEntry<L extends EntryListName>(
  doc: Y.Doc,
  stakeholderId: string,
  list: L,
  entry: EntryOf<L>,
  options: WriteOptions = {},
): WriteResult {
  const confidential = options.confidential ?? null
  const target = documentOf(list, entry)
  if (target === 'confidential' && confidential === null) {
    return needsConfidentialDocument(list === 'contacts' ? 'contacts' : 'engagement.log')
  }
  const current = readStakeholder(doc, stakeholderId, confidential)
  if (!current) {
    return noStakeholder(stakeholderId)
  }
  if (!current.ok) return current
  const record = current.value
  const fields = stakeholdersMap(doc).get(stakeholderId)!
  const { shared, secret } = entryMaps(fields, stakeholderId, list, confidential)
  // The map document changes (and with it `updatedAt`) unless only the confidential one does.
  const mapChanges = target === 'map' || shared?.has(entry.id) === true
  const replace = <T extends { id: string }>(items: T[], item: T) => [
    ...items.filter((existing) => existing.id !== item.id),
    item,
  ]
  const candidate: Stakeholder = {
    ...record,
    updatedAt: mapChanges ? (options.now ?? new Date().toISOString()) : record.updatedAt,
    impacts: list === 'impacts' ? replace(record.impacts, entry as AdverseImpact) : record.impacts,
    engagement:
      list === 'engagementLog'
        ? { ...record.engagement, log: replace(record.engagement.log, entry as EngagementEntry) }
        : record.engagement,
    contacts: list === 'contacts' ? replace(record.contacts, entry as Contact) : record.contacts,
  }
  const validated = validateStakeholder(candidate)
  if (!validated.ok) return validated
  const stored =
    list === 'impacts'
      ? validated.value.impacts.find((item) => item.id === entry.id)
      : list === 'engagementLog'
        ? validated.value.engagement.log.find((item) => item.id === entry.id)
        : validated.value.contacts.find((item) => item.id === entry.id)
  // The confidential side is written first: while an entry moves it may for a moment be in
  // both documents (readers then take the confidential copy), never in neither.
  if (target === 'confidential') {
    confidential!.transact(() => {
      childMap(confidentialRoot(confidential!, list), stakeholderId, true)!.set(entry.id, stored)
    }, options.origin)
  } else if (secret?.has(entry.id)) {
    confidential!.transact(() => secret.delete(entry.id), options.origin)
  }
  if (mapChanges) {
    doc.transact(() => {
      if (target === 'map') {
        childMap(fields, list === 'impacts' ? IMPACTS_KEY : LOG_KEY, true)!.set(entry.id, stored)
      } else shared?.delete(entry.id)
      fields.set('updatedAt', validated.value.updatedAt)
    }, options.origin)
  }
  return validated
}

/**
 * Removes one entry of a stakeholder's impacts, engagement log or contacts, from whichever
 * document holds it. Contacts and confidential entries are only found with
 * `options.confidential`. Answers whether anything was removed.
 */
export function removeEntry(
  doc: Y.Doc,
  stakeholderId: string,
  list: EntryListName,
  entryId: string,
  options: WriteOptions = {},
): boolean {
  const fields = stakeholdersMap(doc).get(stakeholderId)
  const record = fields instanceof Y.Map ? fields : undefined
  const { shared, secret } = entryMaps(record, stakeholderId, list, options.confidential ?? null)
  const removeShared = shared?.has(entryId) === true
  const removeSecret = secret?.has(entryId) === true
  if (removeSecret) options.confidential!.transact(() => secret!.delete(entryId), options.origin)
  if (removeShared) {
    doc.transact(() => {
      shared!.delete(entryId)
      record!.set('updatedAt', options.now ?? new Date().toISOString())
    }, options.origin)
  }
  return removeShared || removeSecret
}

/**
 * Removes a stakeholder, and with `confidential` its contacts and confidential entries
 * (without it they stay in the confidential document, out of every reader's sight, until
 * a role that has it deletes or erases them). Cards showing it become orphans.
 */
export function deleteStakeholder(
  doc: Y.Doc,
  id: string,
  origin?: unknown,
  confidential: Y.Doc | null = null,
): boolean {
  if (!stakeholdersMap(doc).has(id)) return false
  doc.transact(() => stakeholdersMap(doc).delete(id), origin)
  confidential?.transact(() => {
    contactsMap(confidential).delete(id)
    confidentialLogMap(confidential).delete(id)
  }, origin)
  return true
}
