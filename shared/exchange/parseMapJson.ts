/**
 * Reads a map JSON export from an untrusted file (see `mapJsonFormat`). Never throws: the
 * size is checked before parsing, every stakeholder goes through `migrateStakeholder`
 * (which validates), every dialogue record through its migration (`migrateDialogueRecords`), tldraw records must be objects with a string `id` and `typeName`, and
 * free-form JSON is copied with a depth cap and without `__proto__` keys. Unknown top-level
 * keys are ignored and listed in `warnings`.
 */
import {
  migrateCommitment,
  migrateDialogueEvaluation,
  migrateDialoguePlan,
  migrateEngagementStage,
} from '../dialogue/migrateDialogueRecords'
import {
  ENGAGEMENT_STAGE_LIMITS,
  type StoredEngagementStage,
  isEngagementStageCode,
} from '../dialogue/EngagementStage'
import { migrateSelfAssessment } from '../selfAssessment/migrateSelfAssessment'
import { isIsoTimestamp } from '../stakeholder/isIsoDate'
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import { migrateStakeholder } from '../stakeholder/migrateStakeholder'
import type { Stakeholder } from '../stakeholder/Stakeholder'
import { STAKEHOLDER_LIMITS } from '../stakeholder/Stakeholder'
import type { ValidationErrorCode, ValidationParams } from '../stakeholder/validateStakeholder'
import { canonicalJson } from './canonicalJson'
import { WORDING_KEYS } from './wordingKeys'
import { type WordingRoot, validateWording } from '../workshop/trainerWording'
import type { CanonicalJsonIssue, JsonObject, JsonValue } from './canonicalJson'
import { EXCHANGE_LIMITS } from './exchangeLimits'
import { MAP_JSON_FORMAT, MAP_JSON_VERSION, TLDRAW_SCHEMA_KEY } from './mapJsonFormat'
import type { ParsedMapJson } from './mapJsonFormat'
import { parseRolePlayFile } from './rolePlayFile'
import {
  type CaseCard,
  EMPTY_CASE_CARD,
  isCaseCardField,
  validateCaseCardField,
} from '../workshop/caseCard'

/** Problems that belong to the map file itself, beyond a stakeholder record's own. */
export const MAP_JSON_ISSUE_CODES = [
  'file-too-large',
  'not-json',
  'not-a-map-file',
  'invalid-format-version',
  'newer-format',
  'contacts-not-included',
  'id-in-use',
  'nested-too-deeply',
  'key-not-allowed',
  'not-known',
] as const
/** See {@link MAP_JSON_ISSUE_CODES}. */
export type MapJsonIssueCode = (typeof MAP_JSON_ISSUE_CODES)[number]

/** An error or warning about a map file, at `path`: a code the client translates. */
export interface MapJsonIssue {
  path: string
  code: MapJsonIssueCode | ValidationErrorCode
  params: ValidationParams
  /** The same in English, for logs. */
  message: string
}

/** Outcome of {@link parseMapJson}. */
export type ParseMapJsonResult =
  | { ok: true; value: ParsedMapJson; warnings: MapJsonIssue[] }
  | { ok: false; errors: MapJsonIssue[] }

/** Errors reported at most. */
const MAX_ERRORS = 50
const KNOWN_KEYS = new Set([
  'format',
  'version',
  'title',
  'exportedAt',
  'contactsIncluded',
  'stakeholders',
  'dialoguePlans',
  'commitments',
  'dialogueEvaluations',
  'selfAssessments',
  'engagementStages',
  'tldraw',
  'meta',
  'history',
  'caseCard',
  'rolePlay',
  'observerNotes',
  'exampleShown',
  'wording',
])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

function parse(text: string, errors: MapJsonIssue[], warnings: MapJsonIssue[]) {
  const fail = (
    path: string,
    code: MapJsonIssue['code'],
    message: string,
    params: ValidationParams = {},
  ) => {
    if (errors.length < MAX_ERRORS) errors.push({ path, code, params, message })
  }
  const warn = (path: string, code: MapJsonIssue['code'], message: string) => {
    if (warnings.length < MAX_ERRORS) warnings.push({ path, code, params: {}, message })
  }
  if (text.length > EXCHANGE_LIMITS.mapJsonChars) {
    fail(
      '',
      'file-too-large',
      `is too large (at most ${EXCHANGE_LIMITS.mapJsonChars} characters)`,
      {
        limit: EXCHANGE_LIMITS.mapJsonChars,
      },
    )
    return undefined
  }
  let root: unknown
  try {
    root = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch {
    fail('', 'not-json', 'is not valid JSON')
    return undefined
  }
  if (!isObject(root)) {
    fail('', 'not-a-map-file', 'must be a JSON object')
    return undefined
  }
  if (own(root, 'format') !== MAP_JSON_FORMAT) {
    fail('format', 'not-a-map-file', `must be "${MAP_JSON_FORMAT}"`)
    return undefined
  }
  const version = own(root, 'version')
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('version', 'invalid-format-version', 'must be a whole number from 1')
    return undefined
  }
  if (version > MAP_JSON_VERSION) {
    fail(
      'version',
      'newer-format',
      `was written by a newer version of the app (format ${version})`,
      {
        version,
      },
    )
    return undefined
  }
  for (const key of Object.keys(root)) {
    if (!KNOWN_KEYS.has(key)) warn(key, 'not-known', 'is not known and was ignored')
  }

  const title = own(root, 'title')
  if (typeof title !== 'string' || title.length > EXCHANGE_LIMITS.mapTitle) {
    fail('title', 'too-long', `must be text of at most ${EXCHANGE_LIMITS.mapTitle} characters`, {
      max: EXCHANGE_LIMITS.mapTitle,
    })
  }
  const exportedAt = own(root, 'exportedAt')
  if (typeof exportedAt !== 'string' || !isIsoTimestamp(exportedAt)) {
    fail('exportedAt', 'invalid-timestamp', 'must be an ISO 8601 UTC timestamp')
  }
  const contactsIncluded = own(root, 'contactsIncluded')
  if (typeof contactsIncluded !== 'boolean')
    fail('contactsIncluded', 'not-yes-no', 'must be true or false')

  const stakeholders: Stakeholder[] = []
  const rawStakeholders = own(root, 'stakeholders')
  if (!Array.isArray(rawStakeholders)) fail('stakeholders', 'not-an-array', 'must be an array')
  else if (rawStakeholders.length > EXCHANGE_LIMITS.mapStakeholders) {
    fail(
      'stakeholders',
      'too-many-items',
      `must have at most ${EXCHANGE_LIMITS.mapStakeholders} entries`,
      {
        max: EXCHANGE_LIMITS.mapStakeholders,
      },
    )
  } else {
    const ids = new Set<string>()
    const now = typeof exportedAt === 'string' ? exportedAt : new Date(0).toISOString()
    rawStakeholders.forEach((raw: unknown, index) => {
      const path = `stakeholders[${index}]`
      if (!isObject(raw)) return fail(path, 'not-an-object', 'must be an object')
      const contacts = own(raw, 'contacts')
      if (contactsIncluded === false && Array.isArray(contacts) && contacts.length > 0) {
        return fail(
          `${path}.contacts`,
          'contacts-not-included',
          'must be absent when contactsIncluded is false',
        )
      }
      // A spread copy defines keys as own data; a `__proto__` key stays a plain key.
      const record = contacts === undefined ? { ...raw, contacts: [] } : raw
      const result = migrateStakeholder(record, { now })
      if (!result.ok) {
        for (const error of result.errors) {
          fail(
            error.path === '' ? path : `${path}.${error.path}`,
            error.code,
            error.message,
            error.params,
          )
        }
        return
      }
      for (const key of result.ignoredKeys) {
        warn(`${path}.${key}`, 'not-known', 'is not known and was ignored')
      }
      if (ids.has(result.value.id))
        return fail(`${path}.id`, 'id-in-use', 'is used by another stakeholder')
      ids.add(result.value.id)
      stakeholders.push(result.value)
    })
  }

  /** The records of one dialogue kind, each migrated and validated; ids unique. */
  function dialogueRecords<T extends { id: string }>(
    key: string,
    migrate: (input: unknown) => RecordValidationResult<T>,
  ): T[] {
    const records: T[] = []
    const raw = own(root as Record<string, unknown>, key) ?? []
    const max = EXCHANGE_LIMITS.mapDialogueRecords
    if (!Array.isArray(raw)) fail(key, 'not-an-array', 'must be an array')
    else if (raw.length > max) {
      fail(key, 'too-many-items', `must have at most ${max} entries`, { max })
    } else {
      const ids = new Set<string>()
      raw.forEach((item: unknown, index) => {
        const path = `${key}[${index}]`
        const result = migrate(item)
        if (!result.ok) {
          for (const error of result.errors) {
            const at = error.path === '' ? path : `${path}.${error.path}`
            fail(at, error.code, error.message, error.params)
          }
          return
        }
        for (const ignored of result.ignoredKeys) {
          warn(`${path}.${ignored}`, 'not-known', 'is not known and was ignored')
        }
        if (ids.has(result.value.id)) {
          return fail(`${path}.id`, 'id-in-use', 'is used by another record')
        }
        ids.add(result.value.id)
        records.push(result.value)
      })
    }
    return records
  }
  const dialoguePlans = dialogueRecords('dialoguePlans', migrateDialoguePlan)
  const commitments = dialogueRecords('commitments', migrateCommitment)
  const dialogueEvaluations = dialogueRecords('dialogueEvaluations', migrateDialogueEvaluation)
  const selfAssessments = dialogueRecords('selfAssessments', migrateSelfAssessment)

  const engagementStages: Record<string, StoredEngagementStage> = {}
  const rawStages = own(root as Record<string, unknown>, 'engagementStages') ?? {}
  if (!isObject(rawStages)) fail('engagementStages', 'not-an-object', 'must be an object')
  else if (Object.keys(rawStages).length > ENGAGEMENT_STAGE_LIMITS.stages * 2) {
    const max = ENGAGEMENT_STAGE_LIMITS.stages * 2
    fail('engagementStages', 'too-many-items', `must have at most ${max} entries`, { max })
  } else {
    for (const code of Object.keys(rawStages)) {
      const path = `engagementStages.${code.slice(0, 80)}`
      if (!isEngagementStageCode(code)) {
        fail(path, 'invalid-id', 'is not an engagement stage code')
        continue
      }
      const result = migrateEngagementStage(own(rawStages, code))
      if (!result.ok) {
        for (const error of result.errors) {
          fail(
            error.path === '' ? path : `${path}.${error.path}`,
            error.code,
            error.message,
            error.params,
          )
        }
      } else
        Object.defineProperty(engagementStages, code, { value: result.value, enumerable: true })
    }
  }

  const issues: CanonicalJsonIssue[] = []
  const depth = EXCHANGE_LIMITS.jsonDepth
  const records: JsonObject[] = []
  let schema: JsonValue = null
  const tldraw = own(root, 'tldraw')
  if (!isObject(tldraw)) fail('tldraw', 'not-an-object', 'must be an object')
  else {
    schema = canonicalJson(own(tldraw, 'schema') ?? null, depth, issues, 'tldraw.schema')
    const rawRecords = own(tldraw, 'records')
    if (!Array.isArray(rawRecords)) fail('tldraw.records', 'not-an-array', 'must be an array')
    else if (rawRecords.length > EXCHANGE_LIMITS.mapRecords) {
      fail(
        'tldraw.records',
        'too-many-items',
        `must have at most ${EXCHANGE_LIMITS.mapRecords} entries`,
        {
          max: EXCHANGE_LIMITS.mapRecords,
        },
      )
    } else {
      const ids = new Set<string>()
      rawRecords.forEach((raw: unknown, index) => {
        const path = `tldraw.records[${index}]`
        if (!isObject(raw)) return fail(path, 'not-an-object', 'must be an object')
        const id = own(raw, 'id')
        if (typeof id !== 'string' || id === '' || id.length > STAKEHOLDER_LIMITS.shortText) {
          return fail(`${path}.id`, 'invalid-id', 'must be a non-empty string')
        }
        if (typeof own(raw, 'typeName') !== 'string')
          return fail(`${path}.typeName`, 'not-a-string', 'must be a string')
        if (ids.has(id)) return fail(`${path}.id`, 'id-in-use', 'is used by another record')
        ids.add(id)
        records.push(canonicalJson(raw, depth, issues, path) as JsonObject)
      })
    }
  }

  const rawMeta = own(root, 'meta') ?? {}
  const meta = isObject(rawMeta)
    ? (canonicalJson(rawMeta, depth, issues, 'meta') as JsonObject)
    : {}
  if (!isObject(rawMeta)) fail('meta', 'not-an-object', 'must be an object')
  if (TLDRAW_SCHEMA_KEY in meta) {
    // The schema travels in `tldraw.schema`; a second copy in `meta` would compete with it.
    delete meta[TLDRAW_SCHEMA_KEY]
    warn(`meta.${TLDRAW_SCHEMA_KEY}`, 'key-not-allowed', 'is not allowed and was left out')
  }

  const rawHistory = own(root, 'history') ?? []
  let history: JsonValue[] = []
  if (!Array.isArray(rawHistory)) fail('history', 'not-an-array', 'must be an array')
  else if (rawHistory.length > EXCHANGE_LIMITS.mapHistory) {
    fail('history', 'too-many-items', `must have at most ${EXCHANGE_LIMITS.mapHistory} entries`, {
      max: EXCHANGE_LIMITS.mapHistory,
    })
  } else {
    history = rawHistory.map((entry: unknown, index) =>
      canonicalJson(entry, depth, issues, `history[${index}]`),
    )
  }
  const rawCase = own(root, 'caseCard')
  let caseCard: CaseCard | null = null
  if (rawCase !== undefined && !isObject(rawCase)) {
    fail('caseCard', 'not-an-object', 'must be an object')
  } else if (rawCase !== undefined) {
    const card: CaseCard = { ...EMPTY_CASE_CARD }
    for (const [key, value] of Object.entries(rawCase)) {
      if (!isCaseCardField(key)) {
        warn(`caseCard.${key}`, 'not-known', 'is not known and was ignored')
        continue
      }
      const checked = validateCaseCardField(key, value)
      if (checked.ok) card[key] = checked.value
      else
        for (const error of checked.errors)
          fail(`caseCard.${key}`, error.code, error.message, error.params)
    }
    caseCard = card
  }
  const phase3 = parseRolePlayFile(root, contactsIncluded, { fail, warn })
  const wording: ParsedMapJson['wording'] = {}
  const rawWording = own(root, 'wording')
  if (rawWording !== undefined && !isObject(rawWording)) {
    fail('wording', 'not-an-object', 'must be an object')
  } else if (rawWording !== undefined) {
    for (const [name, rawRoot] of Object.entries(rawWording)) {
      const keys = WORDING_KEYS.find(([root]) => root === name)?.[1]
      if (keys === undefined) {
        warn(`wording.${name}`, 'not-known', 'is not known and was ignored')
        continue
      }
      if (!isObject(rawRoot)) {
        fail(`wording.${name}`, 'not-an-object', 'must be an object')
        continue
      }
      const stored: Record<string, string> = {}
      for (const [key, value] of Object.entries(rawRoot)) {
        if (!keys.includes(key)) {
          warn(`wording.${name}.${key}`, 'not-known', 'is not known and was ignored')
          continue
        }
        const checked = validateWording(value)
        if (checked.ok) stored[key] = checked.value
        else
          for (const error of checked.errors)
            fail(`wording.${name}.${key}`, error.code, error.message, error.params)
      }
      wording[name as WordingRoot] = stored
    }
  }
  for (const issue of issues) {
    if (issue.code === 'nested-too-deeply') fail(issue.path, issue.code, issue.message)
    else warn(issue.path, issue.code, issue.message)
  }
  if (errors.length > 0) return undefined
  const value: ParsedMapJson = {
    title: title as string,
    exportedAt: exportedAt as string,
    contactsIncluded: contactsIncluded as boolean,
    stakeholders,
    dialoguePlans,
    commitments,
    dialogueEvaluations,
    selfAssessments,
    engagementStages,
    tldraw: { schema, records },
    meta,
    history,
    caseCard,
    ...phase3,
    wording,
  }
  return value
}

const UNREADABLE: MapJsonIssue = {
  path: '',
  code: 'unreadable',
  params: {},
  message: 'could not be read',
}

/**
 * Validates a map JSON export. Never throws: returns the checked map and warnings (ignored
 * keys), or every error found with its path (e.g. `stakeholders[3].impacts[0].scale`).
 */
export function parseMapJson(text: string): ParseMapJsonResult {
  const errors: MapJsonIssue[] = []
  const warnings: MapJsonIssue[] = []
  let value: ParsedMapJson | undefined
  try {
    value = parse(typeof text === 'string' ? text : '', errors, warnings)
  } catch {
    // Every step above returns its errors; this guards the promise against a bug.
    errors.push(UNREADABLE)
  }
  if (value === undefined || errors.length > 0) {
    if (errors.length === 0) errors.push(UNREADABLE)
    return { ok: false, errors }
  }
  return { ok: true, value, warnings }
}
