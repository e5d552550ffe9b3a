/**
 * How stakeholder records live in a map's Y.Doc, for the client, the server (exports,
 * history, audit) and the tests alike.
 *
 * Layout:
 * - `doc.getMap('stakeholders')`: stakeholder id → Y.Map of the record's fields. Scalar
 *   fields are keys of their own, so two people editing different fields of one
 *   stakeholder at once both keep their edit. `impacts` and `engagementLog` are Y.Maps
 *   keyed by entry id, so two entries added at once are both kept; an entry is replaced
 *   whole when edited. `engagement.status` and `engagement.intendedLevel` are flattened
 *   into `engagementStatus` and `engagementLevel`.
 * - `doc.getMap('contacts')`: stakeholder id → Y.Map of contact id → contact. Personal
 *   data is kept apart from the public fields, so that it can be left out of exports and
 *   erased without touching the rest of the record.
 *
 * Reading assembles a plain record and validates it with the shared model; writing
 * validates first and sets only the fields that differ. Derived values (salience class,
 * quadrant, priority) are never written.
 */
import * as Y from 'yjs'
import type {
  AdverseImpact,
  Contact,
  EngagementEntry,
  Stakeholder,
  StakeholderWithoutContacts,
} from '../stakeholder/Stakeholder'
import {
  STAKEHOLDER_KEYS,
  type StakeholderValidationResult,
  type ValidationError,
  validateStakeholder,
} from '../stakeholder/validateStakeholder'

import { CONTACTS_MAP, STAKEHOLDERS_MAP } from './mapDocumentLayout'

export { CONTACTS_MAP, STAKEHOLDERS_MAP }

/** Fields kept in structures of their own (entry maps, flattened engagement, contacts root). */
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

/** The Y.Map of all stakeholders of `doc`. */
export function stakeholdersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(STAKEHOLDERS_MAP)
}

/** The Y.Map of all contacts of `doc`, by stakeholder id. */
export function contactsMap(doc: Y.Doc): Y.Map<Y.Map<Contact>> {
  return doc.getMap<Y.Map<Contact>>(CONTACTS_MAP)
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

/** The record as stored, before validation (what a hostile peer wrote may be anything). */
function assemble(doc: Y.Doc, id: string, fields: Y.Map<unknown>, includeContacts: boolean) {
  const record: Record<string, unknown> = {}
  for (const key of SCALAR_FIELDS) {
    const value = fields.get(key)
    if (value !== undefined) record[key] = value
  }
  record.impacts = entriesOf<AdverseImpact>(fields.get(IMPACTS_KEY)).sort(byId)
  record.engagement = {
    status: fields.get(ENGAGEMENT_STATUS_KEY),
    intendedLevel: fields.get(ENGAGEMENT_LEVEL_KEY) ?? null,
    log: entriesOf<EngagementEntry>(fields.get(LOG_KEY)).sort(byDateThenId),
  }
  record.contacts = includeContacts ? entriesOf<Contact>(contactsMap(doc).get(id)).sort(byId) : []
  return record
}

/** Reads one stakeholder, validated; `null` when there is no such id. */
export function readStakeholder(doc: Y.Doc, id: string): StakeholderValidationResult | null {
  const fields = stakeholdersMap(doc).get(id)
  if (!(fields instanceof Y.Map)) return null
  return validateStakeholder(assemble(doc, id, fields, true))
}

/** Options for {@link readStakeholders}. */
export interface ReadStakeholdersOptions {
  /** Include contacts (personal data). Default false: most readers must not see them. */
  includeContacts?: boolean
}

/** All stakeholders of a map: the valid records, and the ids that failed validation. */
export interface StakeholderReadout<T> {
  stakeholders: T[]
  invalid: { id: string; errors: ValidationError[] }[]
}

/** Reads every stakeholder of `doc` without contacts (the default), sorted by name. */
export function readStakeholders(
  doc: Y.Doc,
  options?: { includeContacts?: false },
): StakeholderReadout<StakeholderWithoutContacts>
/** Reads every stakeholder of `doc` with contacts, sorted by name. */
export function readStakeholders(
  doc: Y.Doc,
  options: { includeContacts: true },
): StakeholderReadout<Stakeholder>
export function readStakeholders(
  doc: Y.Doc,
  options: ReadStakeholdersOptions = {},
): StakeholderReadout<Stakeholder | StakeholderWithoutContacts> {
  const includeContacts = options.includeContacts ?? false
  const result: StakeholderReadout<Stakeholder | StakeholderWithoutContacts> = {
    stakeholders: [],
    invalid: [],
  }
  stakeholdersMap(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) {
      result.invalid.push({ id, errors: [{ path: '', message: 'is not a record' }] })
      return
    }
    const validated = validateStakeholder(assemble(doc, id, fields, includeContacts))
    if (!validated.ok) return void result.invalid.push({ id, errors: validated.errors })
    if (includeContacts) result.stakeholders.push(validated.value)
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

/** Outcome of a write: the stored record, or why nothing was written. */
export type WriteResult =
  { ok: true; value: Stakeholder } | { ok: false; errors: ValidationError[] }

/**
 * Validates `input` and stores it, creating the stakeholder or updating only the fields that
 * differ from what is stored. Contacts are stored apart (see the module comment).
 */
export function writeStakeholder(doc: Y.Doc, input: unknown, origin?: unknown): WriteResult {
  const validated = validateStakeholder(input)
  if (!validated.ok) return validated
  const record = validated.value
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
    syncEntries(fields, LOG_KEY, record.engagement.log)
    if (record.contacts.length > 0 || contactsMap(doc).has(record.id)) {
      syncEntries(contactsMap(doc) as unknown as Y.Map<unknown>, record.id, record.contacts)
    }
  }, origin)
  return { ok: true, value: record }
}

/**
 * Changes some scalar fields of an existing stakeholder, validating the result first.
 * Only the given fields are written, so a concurrent edit of another field survives.
 */
export function patchStakeholder(
  doc: Y.Doc,
  id: string,
  patch: StakeholderPatch,
  options: { now?: string; origin?: unknown } = {},
): WriteResult {
  const current = readStakeholder(doc, id)
  if (!current) return { ok: false, errors: [{ path: 'id', message: `no stakeholder "${id}"` }] }
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
    for (const key of Object.keys(scalars) as StakeholderScalarField[]) {
      setIfChanged(fields, key, validated.value[key])
    }
    if (engagementStatus !== undefined)
      setIfChanged(fields, ENGAGEMENT_STATUS_KEY, engagementStatus)
    if (engagementLevel !== undefined) setIfChanged(fields, ENGAGEMENT_LEVEL_KEY, engagementLevel)
    fields.set('updatedAt', validated.value.updatedAt)
  }, options.origin)
  return validated
}

type EntryListName = 'impacts' | 'engagementLog' | 'contacts'

function entryMap(doc: Y.Doc, stakeholderId: string, list: EntryListName, create: boolean) {
  if (list === 'contacts') {
    const all = contactsMap(doc)
    let map = all.get(stakeholderId)
    if (!map && create) {
      map = new Y.Map<Contact>()
      all.set(stakeholderId, map)
    }
    return map as Y.Map<unknown> | undefined
  }
  const fields = stakeholdersMap(doc).get(stakeholderId)
  if (!fields) return undefined
  let map = fields.get(list) as Y.Map<unknown> | undefined
  if (!(map instanceof Y.Map) && create) {
    map = new Y.Map<unknown>()
    fields.set(list, map)
  }
  return map instanceof Y.Map ? map : undefined
}

/** Which list an entry goes in, and its type. */
export type EntryOf<L extends EntryListName> = L extends 'impacts'
  ? AdverseImpact
  : L extends 'engagementLog'
    ? EngagementEntry
    : Contact

/**
 * Adds or replaces one entry of a stakeholder's impacts, engagement log or contacts. The
 * whole record is validated with the entry in place before anything is written.
 */
export function putEntry<L extends EntryListName>(
  doc: Y.Doc,
  stakeholderId: string,
  list: L,
  entry: EntryOf<L>,
  options: { now?: string; origin?: unknown } = {},
): WriteResult {
  const current = readStakeholder(doc, stakeholderId)
  if (!current) {
    return { ok: false, errors: [{ path: 'id', message: `no stakeholder "${stakeholderId}"` }] }
  }
  if (!current.ok) return current
  const record = current.value
  const replace = <T extends { id: string }>(items: T[], item: T) => [
    ...items.filter((existing) => existing.id !== item.id),
    item,
  ]
  const candidate: Stakeholder = {
    ...record,
    updatedAt: options.now ?? new Date().toISOString(),
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
  doc.transact(() => {
    entryMap(doc, stakeholderId, list, true)!.set(entry.id, stored)
    stakeholdersMap(doc).get(stakeholderId)!.set('updatedAt', validated.value.updatedAt)
  }, options.origin)
  return validated
}

/** Removes one entry of a stakeholder's impacts, engagement log or contacts. */
export function removeEntry(
  doc: Y.Doc,
  stakeholderId: string,
  list: EntryListName,
  entryId: string,
  options: { now?: string; origin?: unknown } = {},
): boolean {
  const map = entryMap(doc, stakeholderId, list, false)
  if (!map?.has(entryId)) return false
  doc.transact(() => {
    map.delete(entryId)
    stakeholdersMap(doc)
      .get(stakeholderId)
      ?.set('updatedAt', options.now ?? new Date().toISOString())
  }, options.origin)
  return true
}

/** Removes a stakeholder together with its contacts. Cards showing it become orphans. */
export function deleteStakeholder(doc: Y.Doc, id: string, origin?: unknown): boolean {
  if (!stakeholdersMap(doc).has(id)) return false
  doc.transact(() => {
    stakeholdersMap(doc).delete(id)
    contactsMap(doc).delete(id)
  }, origin)
  return true
}
