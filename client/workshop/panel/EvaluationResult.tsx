/**
 * The group's revealed evaluation of a dialogue: per SER element the median and range,
 * disagreement flagged; below, the group's notes per element, written through as they are
 * typed (fields.tsx) into the evaluation record by editors, read-only for viewers.
 */
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import type { DialogueEvaluation } from '../../../shared/dialogue/DialogueEvaluation'
import { DIALOGUE_ELEMENT_LABELS } from '../../../shared/labels/dialogueLabels'
import type { ElementResults } from '../../../shared/workshop/evaluationRound'
import { useTranslation } from '../../i18n/useTranslation'
import { FieldsReadOnly, TextArea } from '../../panels/fields'
import { elementNotesDraftKey } from '../../dialogues/EvaluationFields'
import { AggregatesTable } from './AggregatesTable'
import { useWorkshopSession } from './WorkshopSession'

export function EvaluationResult({
  result,
  evaluation,
}: {
  result: ElementResults
  evaluation: DialogueEvaluation | null
}) {
  const { t, locale } = useTranslation()
  const { model, participant } = useWorkshopSession()
  const labels = DIALOGUE_ELEMENT_LABELS[locale]
  return (
    <>
      <AggregatesTable
        heading={t('workshop.evaluation.element')}
        testId="evaluation-result"
        rows={DIALOGUE_ELEMENTS.map((element) => ({
          key: element,
          label: labels[element],
          aggregate: result[element],
        }))}
      />
      {evaluation && (
        <FieldsReadOnly.Provider value={!participant}>
          <h4>{t('workshop.evaluation.notes')}</h4>
          {DIALOGUE_ELEMENTS.map((element) => (
            <TextArea
              key={element}
              label={labels[element]}
              value={evaluation.elements[element].notes}
              draftKey={elementNotesDraftKey(evaluation.id, element)}
              testId={`evaluation-notes-${element}`}
              rows={2}
              onCommit={(notes) => model.evaluation.setNotes(element, notes)}
            />
          ))}
        </FieldsReadOnly.Provider>
      )}
    </>
  )
}
