/**
 * A map's list of engagement stages, which a dialogue plan's `engagementStage` is a code of.
 * The CSDDD text was being amended (Omnibus I), so the stages are a configurable list per map:
 * the defaults (`DEFAULT_ENGAGEMENT_STAGES`, with their words in English and Dutch,
 * dialogueLabels.ts), renamed, removed, or joined by the map's own stages, each with the
 * label someone typed (in whatever language they wrote it).
 *
 * Stored in the map document's `engagementStages` root (mapDocumentLayout.ts): stage code →
 * one plain value of {@link engagementStageSchema}, a key per stage so two facilitators
 * changing different stages keep both. Only what differs from the defaults is stored: an
 * empty root is the default list. Owners and facilitators change it (FACILITATOR_ONLY_ROOTS,
 * as the workshop's settings); the server refuses a value that does not fit the schema
 * (documentShape.ts). A removed stage keeps its entry (`removed`), so a plan still using it
 * keeps its words, marked as removed.
 */
import * as v from 'valibot'
import { recordValidator } from '../stakeholder/recordValidator'
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import { record, says, schemaVersion, text, yesNo } from '../stakeholder/recordSchemaRules'
import { DEFAULT_ENGAGEMENT_STAGES } from './dialogueVocabulary'

/** Version of a stored stage; see migrateDialogueRecords.ts for the steps. */
export const ENGAGEMENT_STAGE_SCHEMA_VERSION = 1

/** Longest label and most stages a map may have. */
export const ENGAGEMENT_STAGE_LIMITS = { label: 200, stages: 40, order: 1000 } as const

/** Codes of a map's own stages: `stage-` and lowercase letters, digits or dashes. */
export const CUSTOM_STAGE_PATTERN = /^stage-[a-z0-9-]{1,60}$/

/** True for a code a stage may have: a default one or a map's own. */
export function isEngagementStageCode(code: string): boolean {
  return (
    (DEFAULT_ENGAGEMENT_STAGES as readonly string[]).includes(code) ||
    CUSTOM_STAGE_PATTERN.test(code)
  )
}

/** What the map stores of one stage. */
export const engagementStageSchema = record({
  schemaVersion: schemaVersion(ENGAGEMENT_STAGE_SCHEMA_VERSION, 'migrateEngagementStage'),
  /** The words someone typed; null: a default stage's own words, in the reader's language. */
  label: v.nullable(text(ENGAGEMENT_STAGE_LIMITS.label)),
  /** Position in the list. */
  order: v.custom<number>(
    (value) =>
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 0 &&
      value <= ENGAGEMENT_STAGE_LIMITS.order,
    says('score-out-of-range', { min: 0, max: ENGAGEMENT_STAGE_LIMITS.order, wholeNumber: true }),
  ),
  /** Taken off the list; plans that use it keep it. */
  removed: yesNo(),
})
/** See {@link engagementStageSchema}. */
export type StoredEngagementStage = v.InferOutput<typeof engagementStageSchema>

const validator = recordValidator(engagementStageSchema)

/** Validates an untrusted value as a current-version stored stage. Never throws. */
export function validateEngagementStage(
  input: unknown,
): RecordValidationResult<StoredEngagementStage> {
  return validator(input)
}

/** One stage of a map's list, as the app shows it. */
export interface EngagementStage {
  code: string
  /** The typed label; null for a default stage shown in its own words. */
  label: string | null
  /** One of the defaults (its words exist in English and Dutch). */
  builtIn: boolean
  order: number
  removed: boolean
}
