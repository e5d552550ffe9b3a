/**
 * Validation of an untrusted stakeholder record (socket message, HTTP body, import file).
 *
 * Policy, chosen so it is safe on anything a peer or a file can hand us:
 * - It never throws. Properties are read through `Object.getOwnPropertyDescriptor`, so a
 *   getter is reported instead of run, and every read that can reach a Proxy trap is
 *   guarded. Only the known, fixed shape is walked, so cycles are never followed.
 * - Sizes are checked before anything is iterated (string lengths, array lengths).
 * - Unknown keys (including `__proto__` and `constructor`) are NOT errors: they are left
 *   out of the returned value and listed in `ignoredKeys`. The value is always a freshly
 *   built object with only known keys, so prototype-pollution keys cannot travel on.
 *   Records from a newer app version are refused by `schemaVersion`, not by key checks.
 * - Every field is required (the record has a fixed shape; `createStakeholder` fills
 *   defaults, `migrateStakeholder` upgrades older shapes).
 * - All errors are returned, each with a path like `impacts[2].scale`, up to
 *   {@link MAX_VALIDATION_ERRORS}.
 */
import {
  ATTITUDES,
  CONFIDENTIALITY_LEVELS,
  CURRENT_SCHEMA_VERSION,
  DUE_DILIGENCE_STEPS,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  IMPACT_ACTUALITIES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_ID_PATTERN,
  STAKEHOLDER_KINDS,
  STAKEHOLDER_LIMITS as LIMITS,
  VALUE_CHAIN_POSITIONS,
} from './Stakeholder'
import type {
  AdverseImpact,
  Contact,
  Engagement,
  EngagementEntry,
  Score,
  Stakeholder,
} from './Stakeholder'
import { createContact, createEngagementEntry, createImpact } from './createStakeholder'
import { isIsoDate, isIsoTimestamp } from './isIsoDate'

/**
 * What is wrong with a value, as a code the client translates (with `params`); `message`
 * says the same in English, for logs and API answers.
 */
export const VALIDATION_ERROR_CODES = [
  'unreadable',
  'getter',
  'required',
  'not-an-object',
  'not-an-array',
  'not-a-string',
  'too-long',
  'empty',
  'invalid-id',
  'invalid-date',
  'invalid-timestamp',
  'invalid-email',
  'not-yes-no',
  'not-one-of',
  'score-out-of-range',
  'too-many-items',
  'duplicate-id',
  'represents-itself',
  'newer-version',
  'older-version',
  'too-many-errors',
] as const
/** See {@link VALIDATION_ERROR_CODES}. */
export type ValidationErrorCode = (typeof VALIDATION_ERROR_CODES)[number]

/** Values a validation message is filled with. */
export type ValidationParams = Readonly<Record<string, string | number | boolean>>

/** One problem found in an input, at `path` (e.g. `engagement.log[0].date`; `''` = the root). */
export interface ValidationError {
  path: string
  /** In English, for logs and API answers; a UI translates a {@link CodedValidationError}. */
  message: string
}

/** A validation error with a code and params for the client to translate. */
export interface CodedValidationError extends ValidationError {
  code: ValidationErrorCode
  params: ValidationParams
}

/** Outcome of `validateStakeholder` and `migrateStakeholder`: a value or all the errors. */
export type StakeholderValidationResult =
  | { ok: true; value: Stakeholder; ignoredKeys: string[] }
  | { ok: false; errors: CodedValidationError[] }

/** Errors reported at most; a hostile input cannot make the error list itself huge. */
export const MAX_VALIDATION_ERRORS = 50

/** Ignored (unknown) key paths reported at most. */
const MAX_IGNORED_KEYS = 50
/** Own keys of one object looked at when searching for unknown keys. */
const MAX_KEYS_SCANNED = 10_000

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/

/** Collects errors and ignored keys while walking one input. */
interface Collector {
  errors: CodedValidationError[]
  ignoredKeys: string[]
}

/** Marks a value that is absent; `INVALID` marks one already reported as unreadable. */
const MISSING = Symbol('missing')
const INVALID = Symbol('invalid')

/** A value read from the input with the path it was read at. */
interface Field {
  value: unknown
  path: string
}

function fail(
  collector: Collector,
  path: string,
  code: ValidationErrorCode,
  message: string,
  params: ValidationParams = {},
): void {
  if (collector.errors.length < MAX_VALIDATION_ERRORS) {
    collector.errors.push({ path, code, params, message })
  } else if (collector.errors.length === MAX_VALIDATION_ERRORS) {
    collector.errors.push({
      path: '',
      code: 'too-many-errors',
      params: { limit: MAX_VALIDATION_ERRORS },
      message: 'too many errors; the rest are not reported',
    })
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

function isArray(collector: Collector, value: unknown, path: string): boolean | undefined {
  try {
    // Throws on a revoked Proxy.
    return Array.isArray(value)
  } catch {
    fail(collector, path, 'unreadable', 'could not be read')
    return undefined
  }
}

/** Reads an own data property without running getters or trusting Proxy traps. */
function readOwn(collector: Collector, container: object, key: string, path: string): unknown {
  let descriptor: PropertyDescriptor | undefined
  try {
    descriptor = Object.getOwnPropertyDescriptor(container, key)
  } catch {
    fail(collector, path, 'unreadable', 'could not be read')
    return INVALID
  }
  if (descriptor === undefined) return MISSING
  if (!('value' in descriptor)) {
    fail(collector, path, 'getter', 'must be plain data, not a getter')
    return INVALID
  }
  return descriptor.value
}

/** Checks that a field is a plain object and returns a reader for its known keys. */
function objectFields<K extends string>(
  collector: Collector,
  field: Field,
  keys: readonly K[],
): ((key: K) => Field) | undefined {
  const { value, path } = field
  if (value === INVALID) return undefined
  if (value === MISSING) {
    fail(collector, path, 'required', 'is required')
    return undefined
  }
  if (typeof value !== 'object' || value === null) {
    fail(collector, path, 'not-an-object', 'must be an object')
    return undefined
  }
  const array = isArray(collector, value, path)
  if (array === undefined) return undefined
  if (array) {
    fail(collector, path, 'not-an-object', 'must be an object, not an array')
    return undefined
  }
  let ownKeys: string[]
  try {
    ownKeys = Object.keys(value)
  } catch {
    fail(collector, path, 'unreadable', 'could not be read')
    return undefined
  }
  const known = new Set<string>(keys)
  const scanned = Math.min(ownKeys.length, MAX_KEYS_SCANNED)
  for (let index = 0; index < scanned; index++) {
    const key = ownKeys[index]
    if (key === undefined || known.has(key)) continue
    if (collector.ignoredKeys.length >= MAX_IGNORED_KEYS) break
    collector.ignoredKeys.push(join(path, key))
  }
  return (key) => {
    const keyPath = join(path, key)
    return { value: readOwn(collector, value, key, keyPath), path: keyPath }
  }
}

function present(collector: Collector, field: Field): boolean {
  if (field.value === INVALID) return false
  if (field.value === MISSING) {
    fail(collector, field.path, 'required', 'is required')
    return false
  }
  return true
}

interface StringRules {
  max: number
  /** Reject empty and whitespace-only strings. */
  nonEmpty?: boolean
  /** Extra format check, run after the length check, with what to report when it fails. */
  check?: { test: (value: string) => boolean; code: ValidationErrorCode; message: string }
}

function readString(collector: Collector, field: Field, rules: StringRules): string {
  if (!present(collector, field)) return ''
  const { value, path } = field
  if (typeof value !== 'string') {
    fail(collector, path, 'not-a-string', 'must be a string')
    return ''
  }
  // Length first: the later checks are linear in the length.
  if (value.length > rules.max) {
    fail(collector, path, 'too-long', `must be at most ${rules.max} characters`, { max: rules.max })
    return ''
  }
  if (rules.nonEmpty && value.trim() === '') {
    fail(collector, path, 'empty', 'must not be empty')
    return ''
  }
  if (rules.check && !rules.check.test(value)) {
    fail(collector, path, rules.check.code, rules.check.message)
    return ''
  }
  return value
}

function readId(collector: Collector, field: Field): string {
  return readString(collector, field, {
    max: LIMITS.idLength,
    check: {
      test: (value) => STAKEHOLDER_ID_PATTERN.test(value),
      code: 'invalid-id',
      message: 'must be 1–100 characters of letters, digits, _ : . -',
    },
  })
}

function readShortText(collector: Collector, field: Field): string {
  return readString(collector, field, { max: LIMITS.shortText })
}

function readLongText(collector: Collector, field: Field): string {
  return readString(collector, field, { max: LIMITS.longText })
}

function readBoolean(collector: Collector, field: Field): boolean {
  if (!present(collector, field)) return false
  if (typeof field.value !== 'boolean') {
    fail(collector, field.path, 'not-yes-no', 'must be true or false')
    return false
  }
  return field.value
}

function readLiteral<T extends string>(
  collector: Collector,
  field: Field,
  values: readonly T[],
  nullable: true,
): T | null
function readLiteral<T extends string>(
  collector: Collector,
  field: Field,
  values: readonly T[],
  nullable?: false,
): T | undefined
function readLiteral<T extends string>(
  collector: Collector,
  field: Field,
  values: readonly T[],
  nullable = false,
): T | null | undefined {
  if (!present(collector, field)) return undefined
  const { value, path } = field
  if (nullable && value === null) return null
  const match = values.find((candidate) => candidate === value)
  if (match === undefined) {
    const options = values.join(', ') + (nullable ? ' or null' : '')
    fail(collector, path, 'not-one-of', `must be one of: ${options}`, { options })
  }
  return match
}

function readScore(collector: Collector, field: Field, wholeNumber: boolean): Score {
  if (!present(collector, field)) return null
  const { value, path } = field
  if (value === null) return null
  const { scoreMin, scoreMax } = LIMITS
  const inRange =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= scoreMin &&
    value <= scoreMax &&
    (!wholeNumber || Number.isInteger(value))
  if (!inRange) {
    const kind = wholeNumber ? 'a whole number' : 'a number'
    fail(
      collector,
      path,
      'score-out-of-range',
      `must be ${kind} from ${scoreMin} to ${scoreMax}, or null`,
      { min: scoreMin, max: scoreMax, wholeNumber },
    )
    return null
  }
  return value
}

function readArray<T>(
  collector: Collector,
  field: Field,
  maxLength: number,
  readItem: (item: Field) => T,
): T[] {
  if (!present(collector, field)) return []
  const { value, path } = field
  if (typeof value !== 'object' || value === null) {
    fail(collector, path, 'not-an-array', 'must be an array')
    return []
  }
  const array = isArray(collector, value, path)
  if (array === undefined) return []
  if (!array) {
    fail(collector, path, 'not-an-array', 'must be an array')
    return []
  }
  const length = readOwn(collector, value, 'length', join(path, 'length'))
  if (typeof length !== 'number') return []
  if (length > maxLength) {
    fail(collector, path, 'too-many-items', `must have at most ${maxLength} items`, {
      max: maxLength,
    })
    return []
  }
  const items: T[] = []
  for (let index = 0; index < length; index++) {
    const itemPath = join(path, index)
    items.push(
      readItem({ value: readOwn(collector, value, String(index), itemPath), path: itemPath }),
    )
    // A broken input can produce an error per item; stop once the report is full.
    if (collector.errors.length > MAX_VALIDATION_ERRORS) break
  }
  return items
}

/** Reports ids that occur twice in one list. */
function checkUniqueIds(collector: Collector, path: string, ids: readonly string[]): void {
  const seen = new Set<string>()
  ids.forEach((id, index) => {
    if (id === '') return
    if (seen.has(id))
      fail(collector, join(join(path, index), 'id'), 'duplicate-id', `duplicate id "${id}"`, { id })
    seen.add(id)
  })
}

const IMPACT_KEYS = [
  'id',
  'description',
  'topic',
  'actuality',
  'scale',
  'scope',
  'irremediability',
  'likelihood',
] as const

function readImpact(collector: Collector, field: Field): AdverseImpact {
  const get = objectFields(collector, field, IMPACT_KEYS)
  const impact = createImpact('')
  if (!get) return impact
  impact.id = readId(collector, get('id'))
  impact.description = readLongText(collector, get('description'))
  impact.topic = readShortText(collector, get('topic'))
  impact.actuality = readLiteral(collector, get('actuality'), IMPACT_ACTUALITIES) ?? 'potential'
  impact.scale = readScore(collector, get('scale'), true)
  impact.scope = readScore(collector, get('scope'), true)
  impact.irremediability = readScore(collector, get('irremediability'), true)
  impact.likelihood = readScore(collector, get('likelihood'), true)
  return impact
}

const ENTRY_KEYS = [
  'id',
  'date',
  'step',
  'method',
  'informationShared',
  'inputReceived',
  'howInputWasUsed',
  'followUp',
  'barriers',
  'barrierMeasures',
  'confidentiality',
] as const

function readEntry(collector: Collector, field: Field): EngagementEntry {
  const get = objectFields(collector, field, ENTRY_KEYS)
  const entry = createEngagementEntry('', '')
  if (!get) return entry
  entry.id = readId(collector, get('id'))
  entry.date = readString(collector, get('date'), {
    max: 10,
    check: {
      test: isIsoDate,
      code: 'invalid-date',
      message: 'must be a calendar date written YYYY-MM-DD',
    },
  })
  entry.step = readLiteral(collector, get('step'), DUE_DILIGENCE_STEPS) ?? entry.step
  entry.method = readShortText(collector, get('method'))
  entry.informationShared = readLongText(collector, get('informationShared'))
  entry.inputReceived = readLongText(collector, get('inputReceived'))
  entry.howInputWasUsed = readLongText(collector, get('howInputWasUsed'))
  entry.followUp = readLongText(collector, get('followUp'))
  entry.barriers = readLongText(collector, get('barriers'))
  entry.barrierMeasures = readLongText(collector, get('barrierMeasures'))
  entry.confidentiality =
    readLiteral(collector, get('confidentiality'), CONFIDENTIALITY_LEVELS) ?? entry.confidentiality
  return entry
}

const ENGAGEMENT_KEYS = ['status', 'intendedLevel', 'log'] as const

function readEngagement(collector: Collector, field: Field): Engagement {
  const get = objectFields(collector, field, ENGAGEMENT_KEYS)
  const engagement: Engagement = { status: 'not-started', intendedLevel: null, log: [] }
  if (!get) return engagement
  engagement.status = readLiteral(collector, get('status'), ENGAGEMENT_STATUSES) ?? 'not-started'
  engagement.intendedLevel = readLiteral(collector, get('intendedLevel'), ENGAGEMENT_LEVELS, true)
  const log = get('log')
  engagement.log = readArray(collector, log, LIMITS.engagementLog, (item) =>
    readEntry(collector, item),
  )
  checkUniqueIds(
    collector,
    log.path,
    engagement.log.map((entry) => entry.id),
  )
  return engagement
}

const CONTACT_KEYS = ['id', 'name', 'role', 'organisation', 'email', 'phone', 'notes'] as const

function readContact(collector: Collector, field: Field): Contact {
  const get = objectFields(collector, field, CONTACT_KEYS)
  const contact = createContact('')
  if (!get) return contact
  contact.id = readId(collector, get('id'))
  contact.name = readShortText(collector, get('name'))
  contact.role = readShortText(collector, get('role'))
  contact.organisation = readShortText(collector, get('organisation'))
  contact.email = readString(collector, get('email'), {
    max: LIMITS.email,
    check: {
      test: (value) => value === '' || EMAIL_PATTERN.test(value),
      code: 'invalid-email',
      message: 'must be an e-mail address or empty',
    },
  })
  contact.phone = readString(collector, get('phone'), { max: LIMITS.phone })
  contact.notes = readLongText(collector, get('notes'))
  return contact
}

/** Every key of a current record; exported for tests and for the migration. */
export const STAKEHOLDER_KEYS = [
  'schemaVersion',
  'id',
  'name',
  'kind',
  'category',
  'valueChainPosition',
  'countryOrRegion',
  'affected',
  'vulnerable',
  'vulnerabilityNote',
  'represents',
  'power',
  'legitimacy',
  'urgency',
  'influence',
  'impact',
  'attitude',
  'interests',
  'concerns',
  'impacts',
  'engagement',
  'contacts',
  'notes',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Stakeholder)[]

function readSchemaVersion(collector: Collector, field: Field): void {
  if (!present(collector, field)) return
  const { value, path } = field
  if (value === CURRENT_SCHEMA_VERSION) return
  if (typeof value === 'number' && Number.isInteger(value) && value > CURRENT_SCHEMA_VERSION) {
    fail(
      collector,
      path,
      'newer-version',
      `version ${value} is newer than this app supports (${CURRENT_SCHEMA_VERSION})`,
      { version: value, supported: CURRENT_SCHEMA_VERSION },
    )
  } else {
    fail(
      collector,
      path,
      'older-version',
      `must be ${CURRENT_SCHEMA_VERSION}; use migrateStakeholder for older records`,
      { supported: CURRENT_SCHEMA_VERSION },
    )
  }
}

function readStakeholder(collector: Collector, input: unknown): Stakeholder | undefined {
  const get = objectFields(collector, { value: input, path: '' }, STAKEHOLDER_KEYS)
  if (!get) return undefined
  readSchemaVersion(collector, get('schemaVersion'))
  const timestamp: StringRules = {
    max: 30,
    check: {
      test: isIsoTimestamp,
      code: 'invalid-timestamp',
      message: 'must be an ISO 8601 UTC timestamp like 2025-03-01T09:30:00.000Z',
    },
  }
  const id = readId(collector, get('id'))
  const representsField = get('represents')
  const represents = readArray(collector, representsField, LIMITS.represents, (item) =>
    readId(collector, item),
  )
  const seen = new Set<string>()
  represents.forEach((other, index) => {
    const path = join(representsField.path, index)
    if (other !== '' && other === id)
      fail(collector, path, 'represents-itself', 'a stakeholder cannot represent itself')
    if (other !== '' && seen.has(other))
      fail(collector, path, 'duplicate-id', `duplicate id "${other}"`, { id: other })
    seen.add(other)
  })
  const impactsField = get('impacts')
  const impacts = readArray(collector, impactsField, LIMITS.impacts, (item) =>
    readImpact(collector, item),
  )
  checkUniqueIds(
    collector,
    impactsField.path,
    impacts.map((impact) => impact.id),
  )
  const contactsField = get('contacts')
  const contacts = readArray(collector, contactsField, LIMITS.contacts, (item) =>
    readContact(collector, item),
  )
  checkUniqueIds(
    collector,
    contactsField.path,
    contacts.map((contact) => contact.id),
  )

  const stakeholder: Stakeholder = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: readString(collector, get('name'), { max: LIMITS.shortText, nonEmpty: true }),
    kind: readLiteral(collector, get('kind'), STAKEHOLDER_KINDS) ?? 'organisation',
    category: readLiteral(collector, get('category'), STAKEHOLDER_CATEGORIES) ?? 'other',
    valueChainPosition: readLiteral(
      collector,
      get('valueChainPosition'),
      VALUE_CHAIN_POSITIONS,
      true,
    ),
    countryOrRegion: readShortText(collector, get('countryOrRegion')),
    affected: readBoolean(collector, get('affected')),
    vulnerable: readBoolean(collector, get('vulnerable')),
    vulnerabilityNote: readLongText(collector, get('vulnerabilityNote')),
    represents,
    power: readScore(collector, get('power'), true),
    legitimacy: readScore(collector, get('legitimacy'), true),
    urgency: readScore(collector, get('urgency'), true),
    influence: readScore(collector, get('influence'), false),
    impact: readScore(collector, get('impact'), false),
    attitude: readLiteral(collector, get('attitude'), ATTITUDES) ?? 'unknown',
    interests: readLongText(collector, get('interests')),
    concerns: readLongText(collector, get('concerns')),
    impacts,
    engagement: readEngagement(collector, get('engagement')),
    contacts,
    notes: readLongText(collector, get('notes')),
    createdAt: readString(collector, get('createdAt'), timestamp),
    updatedAt: readString(collector, get('updatedAt'), timestamp),
  }
  return stakeholder
}

/**
 * Validates an untrusted value as a current-version stakeholder record. Never throws;
 * see the module comment for the policy on unknown keys and hostile inputs.
 */
export function validateStakeholder(input: unknown): StakeholderValidationResult {
  const collector: Collector = { errors: [], ignoredKeys: [] }
  let value: Stakeholder | undefined
  try {
    value = readStakeholder(collector, input)
  } catch {
    // Every read above is guarded; this is the last line of defence against a bug.
    fail(collector, '', 'unreadable', 'could not be read')
  }
  if (collector.errors.length > 0 || value === undefined) {
    return { ok: false, errors: collector.errors }
  }
  return { ok: true, value, ignoredKeys: collector.ignoredKeys }
}
