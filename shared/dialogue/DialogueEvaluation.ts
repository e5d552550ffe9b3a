/**
 * The evaluation of a dialogue (phase 4 of the SER workshop, and after a real dialogue): for
 * each of the nine elements of the SER model of meaningful dialogue, the group's result once
 * every participant scored it privately (median and spread, as the private-scoring round
 * reveals it; see `aggregateElementRatings.ts`) and the group's notes; then what the
 * stakeholders themselves said about the dialogue. Defined once, as the valibot schema below.
 */
import * as v from 'valibot'
import {
  idSchema,
  isoDate,
  longText,
  record,
  says,
  schemaVersion,
  score,
  timestamp,
  yesNo,
} from '../stakeholder/recordSchemaRules'
import type { DialogueElement } from './dialogueVocabulary'
import { DIALOGUE_ELEMENTS, DIALOGUE_EVALUATION_SCHEMA_VERSION } from './dialogueVocabulary'

/** Most scores one element can have (participants of one map, generously). */
const MAX_COUNT = 10_000

/**
 * The revealed result of one element: as `AttributeAggregate` of `aggregateRatings`, and,
 * for a result taken from an imported map file rather than counted on this map, when the
 * server took it (`importedAt`; server/http/createImportedResultsRoutes.ts). It is part of
 * the result, which only the server writes (checkServerWrittenElementResult.ts), so no
 * socket can strip the mark and pass an imported result off as one counted here; a new
 * count at a round's reveal replaces the result, mark and all.
 */
export const elementResultSchema = record({
  count: v.custom<number>(
    (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0,
    says('score-out-of-range', { min: 0, max: MAX_COUNT, wholeNumber: true }),
  ),
  median: score(false),
  min: score(false),
  max: score(false),
  disagreement: yesNo(),
  importedAt: v.optional(timestamp()),
})
/** See {@link elementResultSchema}. */
export type ElementResult = v.InferOutput<typeof elementResultSchema>

/** One element's evaluation: its result (null until revealed) and the group's notes. */
export const elementEvaluationSchema = record({
  result: v.nullable(elementResultSchema),
  notes: longText(),
})
/** See {@link elementEvaluationSchema}. */
export type ElementEvaluation = v.InferOutput<typeof elementEvaluationSchema>

const elementEntries = Object.fromEntries(
  DIALOGUE_ELEMENTS.map((element) => [element, elementEvaluationSchema]),
) as Record<DialogueElement, typeof elementEvaluationSchema>

/** A dialogue evaluation, schema version {@link DIALOGUE_EVALUATION_SCHEMA_VERSION}. */
export const dialogueEvaluationSchema = record({
  schemaVersion: schemaVersion(DIALOGUE_EVALUATION_SCHEMA_VERSION, 'migrateDialogueEvaluation'),
  id: idSchema,
  /** The dialogue plan evaluated; null for a workshop's role play without a plan. */
  dialogueId: v.nullable(idSchema),
  /** ISO calendar date of the evaluation; null while not set. */
  date: v.nullable(isoDate()),
  /** Every element of {@link DIALOGUE_ELEMENTS}, each required. */
  elements: record(elementEntries),
  notes: longText(),
  /** What the stakeholders themselves said about the dialogue. */
  stakeholderRemarks: longText(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
})
/** A dialogue evaluation, schema version {@link DIALOGUE_EVALUATION_SCHEMA_VERSION}. */
export type DialogueEvaluation = v.InferOutput<typeof dialogueEvaluationSchema>

/** Every key of a current evaluation, in the schema's order. */
export const DIALOGUE_EVALUATION_KEYS = Object.keys(
  dialogueEvaluationSchema.entries,
) as readonly (keyof DialogueEvaluation)[]
