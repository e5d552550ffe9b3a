/**
 * Reads a map JSON export from an untrusted file (see `mapJsonFormat`). Never throws: the
 * size is checked before parsing, every stakeholder goes through `migrateStakeholder`
 * (which validates), tldraw records must be objects with a string `id` and `typeName`, and
 * free-form JSON is copied with a depth cap and without `__proto__` keys. Unknown top-level
 * keys are ignored and listed in `warnings`.
 */
import { isIsoTimestamp } from '../stakeholder/isIsoDate'
import { migrateStakeholder } from '../stakeholder/migrateStakeholder'
import type { Stakeholder } from '../stakeholder/Stakeholder'
import { STAKEHOLDER_LIMITS } from '../stakeholder/Stakeholder'
import type { ValidationError } from '../stakeholder/validateStakeholder'
import { canonicalJson } from './canonicalJson'
import type { CanonicalJsonIssue, JsonObject, JsonValue } from './canonicalJson'
import { EXCHANGE_LIMITS } from './exchangeLimits'
import { MAP_JSON_FORMAT, MAP_JSON_VERSION, TLDRAW_SCHEMA_KEY } from './mapJsonFormat'
import type { ParsedMapJson } from './mapJsonFormat'

/** Outcome of {@link parseMapJson}. */
export type ParseMapJsonResult =
  | { ok: true; value: ParsedMapJson; warnings: ValidationError[] }
  | { ok: false; errors: ValidationError[] }

/** Errors reported at most. */
const MAX_ERRORS = 50
const KNOWN_KEYS = new Set([
  'format',
  'version',
  'title',
  'exportedAt',
  'contactsIncluded',
  'stakeholders',
  'tldraw',
  'meta',
  'history',
])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

function parse(text: string, errors: ValidationError[], warnings: ValidationError[]) {
  const fail = (path: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ path, message })
  }
  if (text.length > EXCHANGE_LIMITS.mapJsonChars) {
    fail('', `is too large (at most ${EXCHANGE_LIMITS.mapJsonChars} characters)`)
    return undefined
  }
  let root: unknown
  try {
    root = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch {
    fail('', 'is not valid JSON')
    return undefined
  }
  if (!isObject(root)) {
    fail('', 'must be a JSON object')
    return undefined
  }
  if (own(root, 'format') !== MAP_JSON_FORMAT) {
    fail('format', `must be "${MAP_JSON_FORMAT}"`)
    return undefined
  }
  const version = own(root, 'version')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('version', 'must be a whole number from 1')
    return undefined
  }
  if (version > MAP_JSON_VERSION) {
    fail('version', `was written by a newer version of the app (format ${version})`)
    return undefined
  }
  for (const key of Object.keys(root)) {
    if (!KNOWN_KEYS.has(key) && warnings.length < MAX_ERRORS) {
      warnings.push({ path: key, message: 'is not known and was ignored' })
    }
  }

  const title = own(root, 'title')
  if (typeof title !== 'string' || title.length > EXCHANGE_LIMITS.mapTitle) {
    fail('title', `must be text of at most ${EXCHANGE_LIMITS.mapTitle} characters`)
  }
  const exportedAt = own(root, 'exportedAt')
  if (typeof exportedAt !== 'string' || !isIsoTimestamp(exportedAt)) {
    fail('exportedAt', 'must be an ISO 8601 UTC timestamp')
  }
  const contactsIncluded = own(root, 'contactsIncluded')
  if (typeof contactsIncluded !== 'boolean') fail('contactsIncluded', 'must be true or false')

  const stakeholders: Stakeholder[] = []
  const rawStakeholders = own(root, 'stakeholders')
  if (!Array.isArray(rawStakeholders)) fail('stakeholders', 'must be an array')
  else if (rawStakeholders.length > EXCHANGE_LIMITS.mapStakeholders) {
    fail('stakeholders', `must have at most ${EXCHANGE_LIMITS.mapStakeholders} entries`)
  } else {
    const ids = new Set<string>()
    const now = typeof exportedAt === 'string' ? exportedAt : new Date(0).toISOString()
    rawStakeholders.forEach((raw: unknown, index) => {
      const path = `stakeholders[${index}]`
      if (!isObject(raw)) return fail(path, 'must be an object')
      const contacts = own(raw, 'contacts')
      if (contactsIncluded === false && Array.isArray(contacts) && contacts.length > 0) {
        return fail(`${path}.contacts`, 'must be absent when contactsIncluded is false')
      }
      // A spread copy defines keys as own data; a `__proto__` key stays a plain key.
      const record = contacts === undefined ? { ...raw, contacts: [] } : raw
      const result = migrateStakeholder(record, { now })
      if (!result.ok) {
        for (const error of result.errors) {
          fail(error.path === '' ? path : `${path}.${error.path}`, error.message)
        }
        return
      }
      for (const key of result.ignoredKeys) {
        if (warnings.length < MAX_ERRORS) {
          warnings.push({ path: `${path}.${key}`, message: 'is not known and was ignored' })
        }
      }
      if (ids.has(result.value.id)) return fail(`${path}.id`, 'is used by another stakeholder')
      ids.add(result.value.id)
      stakeholders.push(result.value)
    })
  }

  const issues: CanonicalJsonIssue[] = []
  const depth = EXCHANGE_LIMITS.jsonDepth
  const records: JsonObject[] = []
  let schema: JsonValue = null
  const tldraw = own(root, 'tldraw')
  if (!isObject(tldraw)) fail('tldraw', 'must be an object')
  else {
    schema = canonicalJson(own(tldraw, 'schema') ?? null, depth, issues, 'tldraw.schema')
    const rawRecords = own(tldraw, 'records')
    if (!Array.isArray(rawRecords)) fail('tldraw.records', 'must be an array')
    else if (rawRecords.length > EXCHANGE_LIMITS.mapRecords) {
      fail('tldraw.records', `must have at most ${EXCHANGE_LIMITS.mapRecords} entries`)
    } else {
      const ids = new Set<string>()
      rawRecords.forEach((raw: unknown, index) => {
        const path = `tldraw.records[${index}]`
        if (!isObject(raw)) return fail(path, 'must be an object')
        const id = own(raw, 'id')
        if (typeof id !== 'string' || id === '' || id.length > STAKEHOLDER_LIMITS.shortText) {
          return fail(`${path}.id`, 'must be a non-empty string')
        }
        if (typeof own(raw, 'typeName') !== 'string')
          return fail(`${path}.typeName`, 'must be a string')
        if (ids.has(id)) return fail(`${path}.id`, 'is used by another record')
        ids.add(id)
        records.push(canonicalJson(raw, depth, issues, path) as JsonObject)
      })
    }
  }

  const rawMeta = own(root, 'meta') ?? {}
  const meta = isObject(rawMeta)
    ? (canonicalJson(rawMeta, depth, issues, 'meta') as JsonObject)
    : {}
  if (!isObject(rawMeta)) fail('meta', 'must be an object')
  if (TLDRAW_SCHEMA_KEY in meta) {
    // The schema travels in `tldraw.schema`; a second copy in `meta` would compete with it.
    delete meta[TLDRAW_SCHEMA_KEY]
    warnings.push({ path: `meta.${TLDRAW_SCHEMA_KEY}`, message: 'is not allowed and was left out' })
  }

  const rawHistory = own(root, 'history') ?? []
  let history: JsonValue[] = []
  if (!Array.isArray(rawHistory)) fail('history', 'must be an array')
  else if (rawHistory.length > EXCHANGE_LIMITS.mapHistory) {
    fail('history', `must have at most ${EXCHANGE_LIMITS.mapHistory} entries`)
  } else {
    history = rawHistory.map((entry: unknown, index) =>
      canonicalJson(entry, depth, issues, `history[${index}]`),
    )
  }
  for (const issue of issues) {
    if (issue.message === 'is nested too deeply') fail(issue.path, issue.message)
    else if (warnings.length < MAX_ERRORS) warnings.push(issue)
  }
  if (errors.length > 0) return undefined
  const value: ParsedMapJson = {
    title: title as string,
    exportedAt: exportedAt as string,
    contactsIncluded: contactsIncluded as boolean,
    stakeholders,
    tldraw: { schema, records },
    meta,
    history,
  }
  return value
}

/**
 * Validates a map JSON export. Never throws: returns the checked map and warnings (ignored
 * keys), or every error found with its path (e.g. `stakeholders[3].impacts[0].scale`).
 */
export function parseMapJson(text: string): ParseMapJsonResult {
  const errors: ValidationError[] = []
  const warnings: ValidationError[] = []
  let value: ParsedMapJson | undefined
  try {
    value = parse(typeof text === 'string' ? text : '', errors, warnings)
  } catch {
    // Every step above returns its errors; this guards the promise against a bug.
    errors.push({ path: '', message: 'could not be read' })
  }
  if (value === undefined || errors.length > 0) {
    if (errors.length === 0) errors.push({ path: '', message: 'could not be read' })
    return { ok: false, errors }
  }
  return { ok: true, value, warnings }
}
