/**
 * A phase's title as a reader sees it: what the trainer typed, except that a title still as
 * pre-filled (the SER manual's phase name, in either language) is shown in the reader's
 * language, so a Dutch trainer's new self-assessment reads in English for an English
 * participant until someone rewords it.
 */
import type { LabelLocale } from '../labels/modelLabels'
import { PLAN_PHASE_DEFAULT_TITLES } from '../labels/selfAssessmentLabels'
import type { SelfAssessment } from './SelfAssessment'
import type { PlanPhase } from './selfAssessmentVocabulary'

/** The title of `phase` for a reader of `locale`; '' when the trainer emptied it. */
export function phaseTitle(
  assessment: SelfAssessment,
  phase: PlanPhase,
  locale: LabelLocale,
): string {
  const typed = assessment.phases[phase].title.trim()
  const untouched = Object.values(PLAN_PHASE_DEFAULT_TITLES).some(
    (titles) => titles[phase] === typed,
  )
  return untouched ? PLAN_PHASE_DEFAULT_TITLES[locale][phase] : typed
}
