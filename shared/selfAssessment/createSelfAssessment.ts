/**
 * A new self-assessment: nothing rated, and the plan of approach pre-filled with only what
 * is verified from SER material or is the structure the model needs (docs/self-assessment.md):
 * the phases' titles in the creator's language; steps 1–3 in the run-up phase; each step
 * working on the element of the same place in the model (motivation on step 1, and so on),
 * which a trainer may change. Step titles and texts, and phase texts, start empty.
 * The result is not validated; pass it through the validator when input is untrusted.
 */
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../dialogue/dialogueVocabulary'
import type { LabelLocale } from '../labels/modelLabels'
import { PLAN_PHASE_DEFAULT_TITLES } from '../labels/selfAssessmentLabels'
import type { ElementRating, PlanPhaseText, PlanStepText, SelfAssessment } from './SelfAssessment'
import {
  PLAN_PHASES,
  PLAN_STEPS,
  type PlanPhase,
  type PlanStep,
  SELF_ASSESSMENT_SCHEMA_VERSION,
} from './selfAssessmentVocabulary'

/** Options of {@link createSelfAssessment}. */
export interface CreateSelfAssessmentOptions {
  /** Language of the pre-filled phase titles. */
  locale: LabelLocale
  /** ISO timestamp used for `createdAt`/`updatedAt`; defaults to the current time. */
  now?: string
}

/** Steps the domain brief places in the run-up phase (not in the seed manual). */
const RUN_UP_STEPS: readonly PlanStep[] = ['1', '2', '3']

/** The plan of approach a new self-assessment starts with. */
export function defaultPlanOfApproach(locale: LabelLocale): {
  phases: Record<PlanPhase, PlanPhaseText>
  steps: Record<PlanStep, PlanStepText>
} {
  const phases = Object.fromEntries(
    PLAN_PHASES.map((phase) => [
      phase,
      { title: PLAN_PHASE_DEFAULT_TITLES[locale][phase], text: '' },
    ]),
  ) as Record<PlanPhase, PlanPhaseText>
  const steps = Object.fromEntries(
    PLAN_STEPS.map((step, index) => [
      step,
      {
        title: '',
        text: '',
        phase: RUN_UP_STEPS.includes(step) ? 'run-up' : null,
        element: DIALOGUE_ELEMENTS[index] ?? null,
      },
    ]),
  ) as Record<PlanStep, PlanStepText>
  return { phases, steps }
}

/** A new self-assessment with `init`'s fields and defaults for the others. */
export function createSelfAssessment(
  init: Partial<Omit<SelfAssessment, 'schemaVersion' | 'id' | 'elements'>> &
    Pick<SelfAssessment, 'id'> & { elements?: Partial<Record<DialogueElement, ElementRating>> },
  options: CreateSelfAssessmentOptions,
): SelfAssessment {
  const plan = defaultPlanOfApproach(options.locale)
  const elements = Object.fromEntries(
    DIALOGUE_ELEMENTS.map((element) => [
      element,
      init.elements?.[element] ?? { rating: null, note: '' },
    ]),
  ) as Record<DialogueElement, ElementRating>
  const createdAt = init.createdAt ?? options.now ?? new Date().toISOString()
  return {
    schemaVersion: SELF_ASSESSMENT_SCHEMA_VERSION,
    id: init.id,
    subject: init.subject ?? '',
    date: init.date ?? null,
    elements,
    phases: init.phases ?? plan.phases,
    steps: init.steps ?? plan.steps,
    notes: init.notes ?? '',
    createdAt,
    updatedAt: init.updatedAt ?? createdAt,
  }
}
