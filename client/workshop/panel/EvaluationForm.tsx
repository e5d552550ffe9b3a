/**
 * A participant's private scores of the dialogue being evaluated: the nine SER elements,
 * each 1–5 or not scored. What is chosen stays a draft (kept across a tab switch and a
 * reload) until the server took it; handing in again replaces one's scores, until the
 * reveal. The scores go to the server only (EvaluationModel), never into the shared document.
 */
import { useValue } from 'tldraw'
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import { DIALOGUE_ELEMENT_LABELS } from '../../../shared/labels/dialogueLabels'
import type { EvaluationRound } from '../../../shared/workshop/evaluationRound'
import { useStoredDraft } from '../../drafts/useStoredDraft'
import { apiFailureReason } from '../../i18n/apiFailureReason'
import { useTranslation } from '../../i18n/useTranslation'
import { ScoreSelect } from '../../panels/fields'
import type { ElementScores } from '../model/EvaluationModel'
import { readElementDraft } from './elementDraft'
import { useWorkshopSession } from './WorkshopSession'

export function EvaluationForm({ round }: { round: EvaluationRound }) {
  const { t, locale } = useTranslation()
  const { evaluation } = useWorkshopSession().model
  const mine = useValue('my element scores', () => evaluation.mine.get(), [evaluation])
  const error = useValue('evaluation error', () => evaluation.error.get(), [evaluation])
  const [draftText, setDraftText, clearDraft] = useStoredDraft(`evaluation/${round.id}`)
  const draft = readElementDraft(draftText)
  const setDraft = (update: (current: ElementScores) => ElementScores) =>
    setDraftText(JSON.stringify(update(draft)))
  const labels = DIALOGUE_ELEMENT_LABELS[locale]
  return (
    <form
      className="workshop__scoring"
      onSubmit={(event) => {
        event.preventDefault()
        // The draft stays until the server took the scores: a refusal keeps what was chosen.
        void evaluation.submit(draft).then((taken) => taken && clearDraft())
      }}
    >
      {DIALOGUE_ELEMENTS.map((element) => (
        <ScoreSelect
          key={element}
          label={labels[element]}
          value={element in draft ? (draft[element] ?? null) : (mine?.[element] ?? null)}
          notAssessedLabel="–"
          testId={`my-element-${element}`}
          onCommit={(value) => setDraft((d) => ({ ...d, [element]: value }))}
        />
      ))}
      <button type="submit" className="button button--primary" data-testid="submit-evaluation">
        {mine ? t('workshop.scoring.update') : t('workshop.scoring.submit')}
      </button>
      {mine && error === null && (
        <p className="exchange__status" data-testid="evaluation-submitted">
          {t('workshop.scoring.submitted')}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="exchange__warning" data-testid="evaluation-error">
          {t('workshop.scoring.failed', { reason: apiFailureReason(locale, error) })}
        </p>
      )}
    </form>
  )
}
