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
      <table className="exchange__table" data-testid="evaluation-result">
        <thead>
          <tr>
            <th scope="col">{t('workshop.evaluation.element')}</th>
            <th scope="col">{t('workshop.scoring.median')}</th>
            <th scope="col">{t('workshop.scoring.range')}</th>
          </tr>
        </thead>
        <tbody>
          {DIALOGUE_ELEMENTS.map((element) => {
            const aggregate = result[element]
            return (
              <tr
                key={element}
                data-testid={`evaluation-result-${element}`}
                className={aggregate.disagreement ? 'workshop__disagree' : undefined}
              >
                <th scope="row">{labels[element]}</th>
                <td>{aggregate.median ?? '–'}</td>
                <td>
                  {aggregate.count > 0 ? `${aggregate.min}–${aggregate.max}` : '–'}
                  {aggregate.disagreement && ` ⚠ ${t('workshop.card.disagreement')}`}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {evaluation && (
        <FieldsReadOnly.Provider value={!participant}>
          <h4>{t('workshop.evaluation.notes')}</h4>
          {DIALOGUE_ELEMENTS.map((element) => (
            <TextArea
              key={element}
              label={labels[element]}
              value={evaluation.elements[element].notes}
              draftKey={`evaluations/${evaluation.id}/${element}/notes`}
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
