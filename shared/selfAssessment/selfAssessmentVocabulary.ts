/**
 * The closed vocabularies of the SER self-assessment ("step 0" of the plan of approach "In 9
 * stappen naar een betekenisvolle dialoog"): the three ratings of an element, the four phases
 * of the plan and its nine steps. Codes only; the words, in English and Dutch, are in
 * `shared/labels/selfAssessmentLabels.ts`. See docs/self-assessment.md for what is verified
 * SER material and what is not.
 */

/** Schema version of self-assessments written by this code (see `migrateSelfAssessment`). */
export const SELF_ASSESSMENT_SCHEMA_VERSION = 1

/**
 * How the company does on one element of the dialogue model, as the SER online tool
 * colours it: green (in place), orange (needs attention), red (missing). Orange and red mark
 * the matching step of the plan of approach as a priority (`prioritySteps`).
 */
export const SELF_ASSESSMENT_RATINGS = ['green', 'orange', 'red'] as const
/** See {@link SELF_ASSESSMENT_RATINGS}. */
export type SelfAssessmentRating = (typeof SELF_ASSESSMENT_RATINGS)[number]

/**
 * The four phases of the plan of approach, which the workshop's phases follow: run-up,
 * preparation, execution, follow-up.
 */
export const PLAN_PHASES = ['run-up', 'preparation', 'execution', 'follow-up'] as const
/** See {@link PLAN_PHASES}. */
export type PlanPhase = (typeof PLAN_PHASES)[number]

/** The nine steps of the plan of approach, by number. */
export const PLAN_STEPS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const
/** See {@link PLAN_STEPS}. */
export type PlanStep = (typeof PLAN_STEPS)[number]
