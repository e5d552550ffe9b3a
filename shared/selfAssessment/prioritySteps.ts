/**
 * Which steps of the plan of approach a self-assessment makes a priority: as the SER tool
 * has it, an element rated orange (or red) marks the step that works on that element. Derived
 * whenever it is shown, never stored, so two clients cannot disagree.
 */
import type { DialogueElement } from '../dialogue/dialogueVocabulary'
import type { SelfAssessment } from './SelfAssessment'
import { PLAN_STEPS, type PlanStep, type SelfAssessmentRating } from './selfAssessmentVocabulary'

/** True for a rating that asks for work: orange or red. */
export function isPriorityRating(rating: SelfAssessmentRating | null): boolean {
  return rating === 'orange' || rating === 'red'
}

/** True when the step's element is rated orange or red. */
export function isPriorityStep(assessment: SelfAssessment, step: PlanStep): boolean {
  const element: DialogueElement | null = assessment.steps[step].element
  return element !== null && isPriorityRating(assessment.elements[element].rating)
}

/** The priority steps, in the plan's order. */
export function prioritySteps(assessment: SelfAssessment): PlanStep[] {
  return PLAN_STEPS.filter((step) => isPriorityStep(assessment, step))
}
