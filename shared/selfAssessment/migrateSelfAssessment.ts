/**
 * Upgrades self-assessments written by older versions of the app, then validates them: the
 * entry point every reader of stored or imported self-assessments goes through, with the
 * dialogue records' policy (migrateDialogueRecords.ts). Version 1 is the first, so the list
 * of steps is empty; it is append-only, and a record from a newer version is refused
 * (`newer-version`): an old client must not silently drop new fields.
 */
import { type DialogueRecordMigration, migrate } from '../dialogue/migrateDialogueRecords'
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import type { SelfAssessment } from './SelfAssessment'
import { validateSelfAssessment } from './validateSelfAssessment'

/** Steps of self-assessments, oldest first. Append only. */
export const SELF_ASSESSMENT_MIGRATIONS: readonly DialogueRecordMigration[] = []

/** Upgrades a self-assessment of any known version to the current one, and validates it. */
export function migrateSelfAssessment(input: unknown): RecordValidationResult<SelfAssessment> {
  return migrate(input, SELF_ASSESSMENT_MIGRATIONS, validateSelfAssessment)
}
