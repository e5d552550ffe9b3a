/**
 * One dialogue evaluation (phase 4): the nine elements of the SER model of meaningful
 * dialogue, each with the group's result as the evaluation round revealed it (median and
 * spread, written by the server from private ballots; shown, never typed) and the group's
 * notes; then the general notes and what the stakeholders themselves said. Results taken
 * from an imported map file say so, with the day, above the elements.
 */
import type { DialogueEvaluation, ElementResult } from '../../shared/dialogue/DialogueEvaluation'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../../shared/dialogue/dialogueVocabulary'
import { EVALUATION_COLUMN_LABELS } from '../../shared/labels/dialogueFieldLabels'
import { DIALOGUE_ELEMENT_LABELS } from '../../shared/labels/dialogueLabels'
import { formatScoreText } from '../../shared/scoring/scoreText'
import { importedResultDate } from '../../shared/dialogue/importedResultDate'
import { formatDate } from '../../shared/labels/formatDate'
import type { Locale } from '../i18n/locale'
import { useTranslation } from '../i18n/useTranslation'
import { SelectField, TextArea, TextField } from '../panels/fields'
import type { FieldErrors } from '../panels/stakeholderEditor/useFieldErrors'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import type { DialogueRecords } from './DialogueRecords'

/**
 * Where the text of an element's notes is kept while typed: one key wherever the notes are
 * edited (this tab, and the Workshop tab after a reveal).
 */
export function elementNotesDraftKey(evaluationId: string, element: DialogueElement): string {
  return `evaluations/${evaluationId}/elements/${element}/notes`
}

/** "Median 3 (2–5), 6 scores" in the reader's language, or null before the reveal. */
function resultText(
  result: ElementResult | null,
  locale: Locale,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  if (result === null || result.median === null) return t('dialogues.evaluation.notScored')
  const spread = t('dialogues.evaluation.result', {
    median: formatScoreText(result.median, locale),
    min: formatScoreText(result.min, locale),
    max: formatScoreText(result.max, locale),
  })
  return `${spread}, ${t('dialogues.evaluation.scores', { count: result.count })}`
}

export function EvaluationFields({
  evaluation,
  records,
  plans,
  errors,
  report,
}: {
  evaluation: DialogueEvaluation
  records: DialogueRecords
  plans: readonly DialoguePlan[]
  errors: FieldErrors
  report(key: string, result: WriteOutcome): void
}) {
  const { t, locale } = useTranslation()
  const label = EVALUATION_COLUMN_LABELS[locale]
  const key = `evaluations/${evaluation.id}`
  const imported = importedResultDate(evaluation)
  const write = (patch: Partial<DialogueEvaluation>) =>
    records.patchEvaluation(evaluation.id, patch)
  const planTitles = Object.fromEntries(
    plans.map((plan) => [plan.id, plan.title.trim() || t('dialogues.plan.untitled')]),
  )
  return (
    <>
      <div className="field-row field-row--two">
        <SelectField
          label={label.dialogue}
          value={evaluation.dialogueId}
          options={plans.map((plan) => plan.id)}
          labels={planTitles}
          emptyLabel={t('dialogues.evaluation.noDialogue')}
          error={errors[`${key}/dialogueId`]}
          onCommit={(dialogueId) => report(`${key}/dialogueId`, write({ dialogueId }))}
        />
        <TextField
          type="date"
          label={label.date}
          value={evaluation.date ?? ''}
          draftKey={`${key}/date`}
          onCommit={(date) => write({ date: date === '' ? null : date })}
        />
      </div>
      {imported !== null && (
        <p className="evaluation__imported" role="note">
          {t('dialogues.evaluation.importedResults', {
            date: formatDate(imported, locale, false),
          })}
        </p>
      )}
      <ol className="evaluation__elements">
        {DIALOGUE_ELEMENTS.map((element) => {
          const { result, notes } = evaluation.elements[element]
          return (
            <li key={element} className="evaluation__element" data-element={element}>
              <p className="evaluation__name">
                <strong>{DIALOGUE_ELEMENT_LABELS[locale][element]}</strong>{' '}
                <span className="evaluation__result">{resultText(result, locale, t)}</span>
                {result?.disagreement && (
                  <span className="badge badge--disagreement">
                    {t('dialogues.evaluation.disagreement')}
                  </span>
                )}
              </p>
              <TextArea
                label={`${label.elementNotes}: ${DIALOGUE_ELEMENT_LABELS[locale][element]}`}
                value={notes}
                rows={2}
                draftKey={elementNotesDraftKey(evaluation.id, element)}
                onCommit={(text) => records.noteElement(evaluation.id, element, text)}
              />
            </li>
          )
        })}
      </ol>
      <TextArea
        label={label.notes}
        value={evaluation.notes}
        draftKey={`${key}/notes`}
        onCommit={(notes) => write({ notes })}
      />
      <TextArea
        label={label.stakeholderRemarks}
        value={evaluation.stakeholderRemarks}
        draftKey={`${key}/stakeholderRemarks`}
        onCommit={(stakeholderRemarks) => write({ stakeholderRemarks })}
      />
    </>
  )
}
