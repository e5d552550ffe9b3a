/**
 * What changed between two sets of stakeholder records, in the terms people use when they
 * compare versions of a map: who was added, who was removed, and which fields of whom
 * changed (scores first). Contacts are personal data and are never part of a diff; the
 * `updatedAt` stamp is left out because every edit changes it.
 */
import type { StakeholderWithoutContacts } from '../stakeholder/Stakeholder'

/** One changed field; `engagement` is split into `engagement.status` and so on. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/** The changed fields of one stakeholder present on both sides. */
export interface StakeholderChange {
  id: string
  /** The name after the change (the one people will recognise). */
  name: string
  changes: FieldChange[]
}

/** Result of {@link diffStakeholders}; each list sorted by name. */
export interface StakeholderDiff {
  added: StakeholderWithoutContacts[]
  removed: StakeholderWithoutContacts[]
  changed: StakeholderChange[]
}

/** Scores come first: they are what a workshop argues about. */
const SCORE_FIELDS = ['power', 'legitimacy', 'urgency', 'influence', 'impact']
const IGNORED_FIELDS = new Set(['contacts', 'updatedAt'])

/** Compares two readouts of stakeholders by id. */
export function diffStakeholders(
  before: readonly StakeholderWithoutContacts[],
  after: readonly StakeholderWithoutContacts[],
): StakeholderDiff {
  const beforeById = new Map(before.map((record) => [record.id, record]))
  const afterById = new Map(after.map((record) => [record.id, record]))
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const diff: StakeholderDiff = {
    added: after.filter((record) => !beforeById.has(record.id)).map(stripContacts),
    removed: before.filter((record) => !afterById.has(record.id)).map(stripContacts),
    changed: [],
  }
  for (const next of after) {
    const previous = beforeById.get(next.id)
    if (previous === undefined) continue
    const changes = fieldChanges(previous, next)
    if (changes.length > 0) diff.changed.push({ id: next.id, name: next.name, changes })
  }
  diff.added.sort(byName)
  diff.removed.sort(byName)
  diff.changed.sort(byName)
  return diff
}

function fieldChanges(
  before: StakeholderWithoutContacts,
  after: StakeholderWithoutContacts,
): FieldChange[] {
  const flat = (record: StakeholderWithoutContacts): Map<string, unknown> => {
    const fields = new Map<string, unknown>()
    for (const [key, value] of Object.entries(record)) {
      if (IGNORED_FIELDS.has(key)) continue
      if (key === 'engagement' && typeof value === 'object' && value !== null) {
        for (const [sub, subValue] of Object.entries(value))
          fields.set(`engagement.${sub}`, subValue)
      } else fields.set(key, value)
    }
    return fields
  }
  const a = flat(before)
  const b = flat(after)
  const names = [...new Set([...a.keys(), ...b.keys()])]
  const rank = (field: string) => {
    const index = SCORE_FIELDS.indexOf(field)
    return index === -1 ? SCORE_FIELDS.length : index
  }
  names.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0))
  return names
    .filter((field) => !sameValue(a.get(field), b.get(field)))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }))
}

function stripContacts(record: StakeholderWithoutContacts): StakeholderWithoutContacts {
  if (!('contacts' in record)) return record
  const { contacts: _contacts, ...rest } = record as StakeholderWithoutContacts & {
    contacts: unknown
  }
  return rest
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  if (aKeys.length !== Object.keys(b).length) return false
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}
