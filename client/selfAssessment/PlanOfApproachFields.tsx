/**
 * The plan of approach of one self-assessment, for a trainer to word: the four phases (title
 * and text) and the nine steps (title, text, the phase it belongs to and the element whose
 * orange or red rating makes it a priority). Only the phase titles are pre-filled, from the
 * SER manual (docs/self-assessment.md); a priority step says so beside its number.
 */
import { DIALOGUE_ELEMENTS } from '../../shared/dialogue/dialogueVocabulary'
import { DIALOGUE_ELEMENT_LABELS } from '../../shared/labels/dialogueLabels'
import type { SelfAssessment } from '../../shared/selfAssessment/SelfAssessment'
import { phaseTitle } from '../../shared/selfAssessment/phaseTitle'
import { isPriorityStep } from '../../shared/selfAssessment/prioritySteps'
import {
  PLAN_PHASES,
  PLAN_STEPS,
  type PlanPhase,
} from '../../shared/selfAssessment/selfAssessmentVocabulary'
import { useTranslation } from '../i18n/useTranslation'
import { SelectField, TextArea, TextField } from '../panels/fields'
import type { SelfAssessmentRecords } from './SelfAssessmentRecords'

export function PlanOfApproachFields({
  assessment,
  records,
}: {
  assessment: SelfAssessment
  records: SelfAssessmentRecords
}) {
  const { t, locale } = useTranslation()
  const key = `selfAssessments/${assessment.id}`
  const phaseNames = Object.fromEntries(
    PLAN_PHASES.map((phase, index) => [
      phase,
      phaseTitle(assessment, phase, locale) ||
        t('selfAssessment.phase.numbered', { number: index + 1 }),
    ]),
  ) as Record<PlanPhase, string>
  return (
    <details className="self-assessment__plan">
      <summary>{t('selfAssessment.plan.heading')}</summary>
      <p className="panel__muted">{t('selfAssessment.plan.intro')}</p>
      {PLAN_PHASES.map((phase, index) => {
        const number = index + 1
        return (
          <fieldset key={phase} className="self-assessment__phase" data-phase={phase}>
            <legend>{t('selfAssessment.phase.numbered', { number })}</legend>
            <TextField
              label={t('selfAssessment.phase.title', { number })}
              value={assessment.phases[phase].title}
              draftKey={`${key}/phases/${phase}/title`}
              onCommit={(title) => records.setPhase(assessment.id, phase, { title })}
            />
            <TextArea
              label={t('selfAssessment.phase.text', { number })}
              value={assessment.phases[phase].text}
              rows={2}
              draftKey={`${key}/phases/${phase}/text`}
              onCommit={(text) => records.setPhase(assessment.id, phase, { text })}
            />
          </fieldset>
        )
      })}
      {PLAN_STEPS.map((step) => {
        const { title, text, phase, element } = assessment.steps[step]
        return (
          <fieldset key={step} className="self-assessment__step" data-step={step}>
            <legend>
              {t('selfAssessment.step.numbered', { number: step })}
              {isPriorityStep(assessment, step) && (
                <span className="badge badge--overdue"> ★ {t('selfAssessment.step.priority')}</span>
              )}
            </legend>
            <TextField
              label={t('selfAssessment.step.title', { number: step })}
              value={title}
              draftKey={`${key}/steps/${step}/title`}
              onCommit={(value) => records.setStep(assessment.id, step, { title: value })}
            />
            <TextArea
              label={t('selfAssessment.step.text', { number: step })}
              value={text}
              rows={2}
              draftKey={`${key}/steps/${step}/text`}
              onCommit={(value) => records.setStep(assessment.id, step, { text: value })}
            />
            <div className="field-row field-row--two">
              <SelectField
                label={t('selfAssessment.step.phase', { number: step })}
                value={phase}
                options={PLAN_PHASES}
                labels={phaseNames}
                emptyLabel={t('selfAssessment.phase.none')}
                onCommit={(value) => records.setStep(assessment.id, step, { phase: value })}
              />
              <SelectField
                label={t('selfAssessment.step.element', { number: step })}
                value={element}
                options={DIALOGUE_ELEMENTS}
                labels={DIALOGUE_ELEMENT_LABELS[locale]}
                emptyLabel={t('selfAssessment.step.noElement')}
                onCommit={(value) => records.setStep(assessment.id, step, { element: value })}
              />
            </div>
          </fieldset>
        )
      })}
    </details>
  )
}
