/**
 * One self-assessment in the Dialogues tab: whose it is and when, the nine elements each
 * with a rating (a select: it writes at once) and a note (written through as typed, every way
 * out of the field keeps it), general notes, and the plan of approach it points into.
 */
import { DIALOGUE_ELEMENTS } from '../../shared/dialogue/dialogueVocabulary'
import { DIALOGUE_ELEMENT_LABELS } from '../../shared/labels/dialogueLabels'
import {
  SELF_ASSESSMENT_COLUMN_LABELS,
  SELF_ASSESSMENT_RATING_LABELS,
} from '../../shared/labels/selfAssessmentLabels'
import type { SelfAssessment } from '../../shared/selfAssessment/SelfAssessment'
import { SELF_ASSESSMENT_RATINGS } from '../../shared/selfAssessment/selfAssessmentVocabulary'
import { useTranslation } from '../i18n/useTranslation'
import { SelectField, TextArea, TextField } from '../panels/fields'
import { PlanOfApproachFields } from './PlanOfApproachFields'
import type { SelfAssessmentRecords } from './SelfAssessmentRecords'

export function SelfAssessmentFields({
  assessment,
  records,
}: {
  assessment: SelfAssessment
  records: SelfAssessmentRecords
}) {
  const { t, locale } = useTranslation()
  const label = SELF_ASSESSMENT_COLUMN_LABELS[locale]
  const key = `selfAssessments/${assessment.id}`
  const write = (patch: Partial<SelfAssessment>) => records.patch(assessment.id, patch)
  return (
    <>
      <div className="field-row field-row--two">
        <TextField
          label={label.subject}
          hint={t('selfAssessment.subject.hint')}
          value={assessment.subject}
          draftKey={`${key}/subject`}
          onCommit={(subject) => write({ subject })}
        />
        <TextField
          type="date"
          label={label.date}
          value={assessment.date ?? ''}
          draftKey={`${key}/date`}
          onCommit={(date) => write({ date: date === '' ? null : date })}
        />
      </div>
      <h4>{t('selfAssessment.elements.heading')}</h4>
      <ol className="evaluation__elements">
        {DIALOGUE_ELEMENTS.map((element) => {
          const { rating, note } = assessment.elements[element]
          const name = DIALOGUE_ELEMENT_LABELS[locale][element]
          return (
            <li key={element} className="evaluation__element" data-element={element}>
              <SelectField
                label={`${name}: ${t('selfAssessment.rating.label').toLowerCase()}`}
                value={rating}
                options={SELF_ASSESSMENT_RATINGS}
                labels={SELF_ASSESSMENT_RATING_LABELS[locale]}
                emptyLabel={t('selfAssessment.rating.none')}
                testId={`rating-${element}`}
                onCommit={(value) => records.setElement(assessment.id, element, { rating: value })}
              />
              <TextArea
                label={`${label.note}: ${name}`}
                value={note}
                rows={2}
                draftKey={`${key}/elements/${element}/note`}
                onCommit={(text) => records.setElement(assessment.id, element, { note: text })}
              />
            </li>
          )
        })}
      </ol>
      <TextArea
        label={label.notes}
        value={assessment.notes}
        draftKey={`${key}/notes`}
        onCommit={(notes) => write({ notes })}
      />
      <PlanOfApproachFields assessment={assessment} records={records} />
    </>
  )
}
