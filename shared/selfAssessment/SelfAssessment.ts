/**
 * A SER self-assessment ("Hoe voer ik een betekenisvolle stakeholderdialoog?"), taken before
 * the workshop: each of the nine elements of the SER model of meaningful dialogue rated green,
 * orange or red with a note, and the plan of approach it points into (four phases, nine
 * steps, each with a title and a text a trainer may edit, and each step with the element
 * whose orange or red rating makes it a priority). Defined once, as the valibot schema below;
 * priorities are derived (`prioritySteps.ts`), never stored.
 */
import * as v from 'valibot'
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../dialogue/dialogueVocabulary'
import {
  idSchema,
  isoDate,
  longText,
  oneOfOrNull,
  record,
  schemaVersion,
  shortText,
  timestamp,
} from '../stakeholder/recordSchemaRules'
import {
  PLAN_PHASES,
  PLAN_STEPS,
  type PlanPhase,
  type PlanStep,
  SELF_ASSESSMENT_RATINGS,
  SELF_ASSESSMENT_SCHEMA_VERSION,
} from './selfAssessmentVocabulary'

/** One element's rating (null while not rated) and the note that explains it. */
export const elementRatingSchema = record({
  rating: oneOfOrNull(SELF_ASSESSMENT_RATINGS),
  note: longText(),
})
/** See {@link elementRatingSchema}. */
export type ElementRating = v.InferOutput<typeof elementRatingSchema>

/** A phase of the plan of approach: its title and text, as the trainer words them. */
export const planPhaseSchema = record({ title: shortText(), text: longText() })
/** See {@link planPhaseSchema}. */
export type PlanPhaseText = v.InferOutput<typeof planPhaseSchema>

/**
 * A step of the plan of approach: title and text, the phase it belongs to (null while not
 * placed) and the element of the dialogue model it works on (null: no element makes it a
 * priority).
 */
export const planStepSchema = record({
  title: shortText(),
  text: longText(),
  phase: oneOfOrNull(PLAN_PHASES),
  element: oneOfOrNull(DIALOGUE_ELEMENTS),
})
/** See {@link planStepSchema}. */
export type PlanStepText = v.InferOutput<typeof planStepSchema>

const elementEntries = Object.fromEntries(
  DIALOGUE_ELEMENTS.map((element) => [element, elementRatingSchema]),
) as Record<DialogueElement, typeof elementRatingSchema>
const phaseEntries = Object.fromEntries(
  PLAN_PHASES.map((phase) => [phase, planPhaseSchema]),
) as Record<PlanPhase, typeof planPhaseSchema>
const stepEntries = Object.fromEntries(PLAN_STEPS.map((step) => [step, planStepSchema])) as Record<
  PlanStep,
  typeof planStepSchema
>

/** A self-assessment, schema version {@link SELF_ASSESSMENT_SCHEMA_VERSION}. */
export const selfAssessmentSchema = record({
  schemaVersion: schemaVersion(SELF_ASSESSMENT_SCHEMA_VERSION, 'migrateSelfAssessment'),
  id: idSchema,
  /** Whose assessment: the company, a participant or a table. */
  subject: shortText(),
  /** ISO calendar date it was taken; null while not set. */
  date: v.nullable(isoDate()),
  /** Every element of {@link DIALOGUE_ELEMENTS}, each required. */
  elements: record(elementEntries),
  /** Every phase of {@link PLAN_PHASES}, each required. */
  phases: record(phaseEntries),
  /** Every step of {@link PLAN_STEPS}, each required. */
  steps: record(stepEntries),
  notes: longText(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
})
/** A self-assessment, schema version {@link SELF_ASSESSMENT_SCHEMA_VERSION}. */
export type SelfAssessment = v.InferOutput<typeof selfAssessmentSchema>
