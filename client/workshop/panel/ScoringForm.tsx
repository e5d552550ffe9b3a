/**
 * A participant's private scores for the open round: the three salience attributes as
 * selects, influence and impact as numbers. What is typed stays a draft (kept across a tab
 * switch and a reload) until the server took it; submitting again replaces one's scores.
 * The scores go to the server only (ScoringModel), never into the shared document.
 */
import { useValue } from 'tldraw'
import type { Rating } from '../../../shared/scoring/aggregateRatings'
import type { ScoringRound } from '../../../shared/workshop/privateScoring'
import { useStoredDraft } from '../../drafts/useStoredDraft'
import { apiFailureReason } from '../../i18n/apiFailureReason'
import { useTranslation } from '../../i18n/useTranslation'
import { ScoreNumber, ScoreSelect } from '../../panels/fields'
import { readRatingDraft } from './ratingDraft'
import { useWorkshopSession } from './WorkshopSession'

export function ScoringForm({ round }: { round: ScoringRound }) {
  const { t, locale } = useTranslation()
  const { scoring } = useWorkshopSession().model
  const mine = useValue('my rating', () => scoring.mine.get(), [scoring])
  const error = useValue('scoring error', () => scoring.error.get(), [scoring])
  const [draftText, setDraftText, clearDraft] = useStoredDraft(`scoring/${round.id}`)
  const draft = readRatingDraft(draftText)
  const setDraft = (update: (current: Rating) => Rating) =>
    setDraftText(JSON.stringify(update(draft)))
  const valueOf = (attribute: keyof Rating) =>
    (draft[attribute] ?? mine?.[attribute] ?? null) as number | null
  return (
    <form
      className="workshop__scoring"
      onSubmit={(event) => {
        event.preventDefault()
        // The draft stays until the server took the scores: a refusal keeps what was typed.
        void scoring.submit(draft).then((taken) => taken && clearDraft())
      }}
    >
      <div className="field-row field-row--three">
        {(['power', 'legitimacy', 'urgency'] as const).map((attribute) => (
          <ScoreSelect
            key={attribute}
            label={t(`field.${attribute}`)}
            value={valueOf(attribute)}
            notAssessedLabel="–"
            testId={`my-${attribute}`}
            onCommit={(value) => setDraft((d) => ({ ...d, [attribute]: value }))}
          />
        ))}
      </div>
      <div className="field-row">
        {(['influence', 'impact'] as const).map((attribute) => (
          <ScoreNumber
            key={attribute}
            label={t(`field.${attribute}`)}
            value={valueOf(attribute)}
            testId={`my-${attribute}`}
            draftKey={`scoring/${round.id}/${attribute}/text`}
            onCommit={(value) => {
              setDraft((d) => ({ ...d, [attribute]: value }))
              return { ok: true }
            }}
          />
        ))}
      </div>
      <button type="submit" className="button button--primary" data-testid="submit-scores">
        {mine ? t('workshop.scoring.update') : t('workshop.scoring.submit')}
      </button>
      {mine && error === null && (
        <p className="exchange__status">{t('workshop.scoring.submitted')}</p>
      )}
      {error !== null && (
        <p role="alert" className="exchange__warning" data-testid="scoring-error">
          {t('workshop.scoring.failed', { reason: apiFailureReason(locale, error) })}
        </p>
      )}
    </form>
  )
}
