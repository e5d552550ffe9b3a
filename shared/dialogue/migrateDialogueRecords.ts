/**
 * Upgrades dialogue plans, commitments and dialogue evaluations written by older versions of
 * the app, then validates them: the entry point every reader of stored or imported records
 * goes through, as `migrateStakeholder` is for stakeholders.
 *
 * Versions: 1 is the first (and current) version of each record, so the lists of steps are
 * empty. They are append-only: a released step is never edited, and a step never calls
 * code that may change later (it spells out its own defaults). Records from a newer version
 * are refused (`newer-version`): an old client must not silently drop new fields.
 */
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import type { Commitment } from './Commitment'
import type { DialogueEvaluation } from './DialogueEvaluation'
import type { DialoguePlan } from './DialoguePlan'
import { type StoredEngagementStage, validateEngagementStage } from './EngagementStage'
import {
  validateCommitment,
  validateDialogueEvaluation,
  validateDialoguePlan,
} from './validateDialogueRecords'

/** One step from schema version `from` to `from + 1`. */
export interface DialogueRecordMigration {
  readonly from: number
  /** What changed, for the changelog and for reviewers. */
  readonly description: string
  readonly up: (record: Record<string, unknown>) => Record<string, unknown>
}

/** Steps of dialogue plans, oldest first. Append only. */
export const DIALOGUE_PLAN_MIGRATIONS: readonly DialogueRecordMigration[] = []
/** Steps of commitments, oldest first. Append only. */
export const COMMITMENT_MIGRATIONS: readonly DialogueRecordMigration[] = []
/** Steps of dialogue evaluations, oldest first. Append only. */
export const DIALOGUE_EVALUATION_MIGRATIONS: readonly DialogueRecordMigration[] = []
/** Steps of a map's stored engagement stages (EngagementStage.ts), oldest first. Append only. */
export const ENGAGEMENT_STAGE_MIGRATIONS: readonly DialogueRecordMigration[] = []

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Runs the steps from the record's version on, then validates; never throws. Shared with the
 * self-assessment (migrateSelfAssessment.ts).
 */
export function migrate<T>(
  input: unknown,
  migrations: readonly DialogueRecordMigration[],
  validate: (input: unknown) => RecordValidationResult<T>,
): RecordValidationResult<T> {
  try {
    if (!isPlainObject(input)) return validate(input)
    const descriptor = Object.getOwnPropertyDescriptor(input, 'schemaVersion')
    const version: unknown = descriptor?.value
    const steps =
      typeof version === 'number' && Number.isInteger(version)
        ? migrations.filter((step) => step.from >= version)
        : []
    // Current, newer or nonsense versions: validation gives the right answer or error.
    if (steps.length === 0) return validate(input)
    // A spread copy is plain data: later steps cannot hit Proxy traps or getters at the top.
    let record: Record<string, unknown> = { ...input }
    for (const step of steps) record = step.up(record)
    return validate(record)
  } catch {
    // A getter or Proxy trap threw while a step read the old record.
    return {
      ok: false,
      errors: [{ path: '', code: 'unreadable', params: {}, message: 'could not be read' }],
    }
  }
}

/** Upgrades a dialogue plan of any known version to the current one, and validates it. */
export function migrateDialoguePlan(input: unknown): RecordValidationResult<DialoguePlan> {
  return migrate(input, DIALOGUE_PLAN_MIGRATIONS, validateDialoguePlan)
}

/** Upgrades a commitment of any known version to the current one, and validates it. */
export function migrateCommitment(input: unknown): RecordValidationResult<Commitment> {
  return migrate(input, COMMITMENT_MIGRATIONS, validateCommitment)
}

/** Upgrades a dialogue evaluation of any known version to the current one, and validates it. */
export function migrateDialogueEvaluation(
  input: unknown,
): RecordValidationResult<DialogueEvaluation> {
  return migrate(input, DIALOGUE_EVALUATION_MIGRATIONS, validateDialogueEvaluation)
}

/** Upgrades a stored engagement stage of any known version to the current one, and validates it. */
export function migrateEngagementStage(
  input: unknown,
): RecordValidationResult<StoredEngagementStage> {
  return migrate(input, ENGAGEMENT_STAGE_MIGRATIONS, validateEngagementStage)
}
