/**
 * Upgrades stakeholder records written by older versions of the app, then validates them.
 *
 * Versions:
 * - 0: the workshop prototype's shape, recognised by having no `schemaVersion`. Salience
 *   was nested as `salience: { power, legitimacy, urgency }`, scores could be strings
 *   ("3", "" for not assessed), there was no `affected` flag, and fields added later
 *   (engagement, contacts, timestamps, ...) may be absent.
 * - 1: the current shape, see `Stakeholder`.
 *
 * Migrations are an append-only list: a released step is never edited, because records
 * stored years ago must keep upgrading the same way. A step therefore never calls code
 * that may change later (such as `createStakeholder`'s defaults); it spells out its own.
 * Steps are best-effort transformations of plain data; whatever they cannot make sense of
 * is left in place for `validateStakeholder` to report. Error paths refer to the migrated
 * (current) shape.
 */
import { CURRENT_SCHEMA_VERSION } from './Stakeholder'
import { validateStakeholder } from './validateStakeholder'
import type { StakeholderValidationResult } from './validateStakeholder'

/** What a migration step may depend on besides the record. */
export interface MigrationContext {
  /** ISO timestamp for fields an old record lacks (e.g. `createdAt`). */
  now: string
}

/** One step from schema version `from` to `from + 1`. */
export interface StakeholderMigration {
  readonly from: number
  readonly to: number
  /** What changed, for the changelog and for reviewers. */
  readonly description: string
  readonly up: (
    record: Record<string, unknown>,
    context: MigrationContext,
  ) => Record<string, unknown>
}

/** Options for {@link migrateStakeholder}. */
export interface MigrateStakeholderOptions {
  /** Timestamp used where an old record has none; defaults to the current time. */
  now?: string
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const NUMERIC_STRING = /^\s*\d+(\.\d+)?\s*$/

/** v0 scores: numbers, numeric strings, or empty/absent for "not assessed". */
function v0Score(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'string' && value.length <= 20 && NUMERIC_STRING.test(value)) {
    return Number(value)
  }
  return value
}

function withDefault(value: unknown, fallback: unknown): unknown {
  return value === undefined ? fallback : value
}

const v0ToV1: StakeholderMigration = {
  from: 0,
  to: 1,
  description:
    'Flatten salience into power/legitimacy/urgency, parse string scores, derive `affected` ' +
    'from recorded impacts, add engagement, contacts and timestamps.',
  up(record, { now }) {
    const salience = isPlainObject(record['salience']) ? record['salience'] : {}
    const impacts = Array.isArray(record['impacts'])
      ? record['impacts'].map((impact: unknown) =>
          isPlainObject(impact)
            ? {
                ...impact,
                description: withDefault(impact['description'], ''),
                topic: withDefault(impact['topic'], ''),
                actuality: withDefault(impact['actuality'], 'potential'),
                scale: v0Score(impact['scale']),
                scope: v0Score(impact['scope']),
                irremediability: v0Score(impact['irremediability']),
                likelihood: v0Score(impact['likelihood']),
              }
            : impact,
        )
      : withDefault(record['impacts'], [])
    const { salience: _salience, ...rest } = record
    const createdAt = withDefault(record['createdAt'], now)
    return {
      ...rest,
      schemaVersion: 1,
      kind: withDefault(record['kind'], 'organisation'),
      category: withDefault(record['category'], 'other'),
      valueChainPosition: withDefault(record['valueChainPosition'], null),
      countryOrRegion: withDefault(record['countryOrRegion'], ''),
      // v0 had no flag; a stakeholder the company recorded impacts on is affected.
      affected: withDefault(record['affected'], Array.isArray(impacts) && impacts.length > 0),
      vulnerable: withDefault(record['vulnerable'], false),
      vulnerabilityNote: withDefault(record['vulnerabilityNote'], ''),
      represents: withDefault(record['represents'], []),
      power: v0Score(record['power'] ?? salience['power']),
      legitimacy: v0Score(record['legitimacy'] ?? salience['legitimacy']),
      urgency: v0Score(record['urgency'] ?? salience['urgency']),
      influence: v0Score(record['influence']),
      impact: v0Score(record['impact']),
      attitude: withDefault(record['attitude'], 'unknown'),
      interests: withDefault(record['interests'], ''),
      concerns: withDefault(record['concerns'], ''),
      impacts,
      engagement: withDefault(record['engagement'], {
        status: 'not-started',
        intendedLevel: null,
        log: [],
      }),
      contacts: withDefault(record['contacts'], []),
      notes: withDefault(record['notes'], ''),
      createdAt,
      updatedAt: withDefault(record['updatedAt'], createdAt),
    }
  },
}

/** All migration steps, oldest first. Append only; never edit a released step. */
export const STAKEHOLDER_MIGRATIONS: readonly StakeholderMigration[] = [v0ToV1]

/** The schema version of an untrusted record: absent means 0; `undefined` when unusable. */
function versionOf(input: Record<string, unknown>): number | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(input, 'schemaVersion')
  if (descriptor === undefined) return 0
  const value: unknown = descriptor.value
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined
  return value
}

/**
 * Upgrades a record of any known schema version to the current one, then validates it.
 * Returns the same result type as `validateStakeholder` and never throws. Records from a
 * newer version are refused (an old client must not silently drop new fields).
 */
export function migrateStakeholder(
  input: unknown,
  options: MigrateStakeholderOptions = {},
): StakeholderValidationResult {
  try {
    if (!isPlainObject(input)) return validateStakeholder(input)
    const version = versionOf(input)
    if (version === undefined || version < 0 || version >= CURRENT_SCHEMA_VERSION) {
      // Current, newer or nonsense versions: validation gives the right answer or error.
      return validateStakeholder(input)
    }
    const context: MigrationContext = { now: options.now ?? new Date().toISOString() }
    // A spread copy is plain data: later steps cannot hit Proxy traps or getters at the top.
    let record: Record<string, unknown> = { ...input }
    for (const migration of STAKEHOLDER_MIGRATIONS) {
      if (migration.from < version) continue
      record = migration.up(record, context)
    }
    return validateStakeholder(record)
  } catch {
    // A getter or Proxy trap threw while a step read the old record.
    return {
      ok: false,
      errors: [{ path: '', code: 'unreadable', params: {}, message: 'could not be read' }],
    }
  }
}
