/**
 * Private scoring: the facilitator opens a round on the selected card, reveals, adopts the
 * medians or ends it; participants submit their own scores (ScoringForm.tsx) and, after the
 * reveal, everyone sees the group's result (ScoringResult.tsx).
 */
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { BallotActionError } from './BallotActionError'
import { ScoringForm } from './ScoringForm'
import { ScoringResult } from './ScoringResult'
import { useSelectedCard } from './useSelectedCard'
import { useWorkshopSession } from './WorkshopSession'

export function ScoringSection() {
  const { t } = useTranslation()
  const { model, registry, facilitator, participant } = useWorkshopSession()
  const { scoring } = model
  const round = useValue('scoring round', () => scoring.round.get(), [scoring])
  const count = useValue('scored count', () => scoring.submittedCount.get(), [scoring])
  const result = useValue('round result', () => scoring.result.get(), [scoring])
  const eligible = useValue('eligible', () => model.eligibleCount.get(), [model])
  const actionError = useValue('scoring action error', () => scoring.actionError.get(), [scoring])
  const stakeholder = useValue(
    'scored stakeholder',
    () => (round ? registry.get(round.stakeholderId) : null),
    [registry, round?.stakeholderId],
  )
  const selectedStakeholderId = useSelectedCard()?.props.stakeholderId ?? null

  if (!facilitator && !round) return null
  return (
    <section aria-labelledby="scoring-heading">
      <h3 id="scoring-heading">{t('workshop.scoring.heading')}</h3>
      {!round && facilitator && (
        <button
          type="button"
          className="button button--primary"
          disabled={!selectedStakeholderId}
          data-testid="start-scoring"
          onClick={() => selectedStakeholderId && scoring.open(selectedStakeholderId)}
        >
          {t('workshop.scoring.start')}
        </button>
      )}
      {round && (
        <>
          <p>
            {t('workshop.scoring.of', { name: stakeholder?.name ?? '?' })}{' '}
            <span className="panel__muted" data-testid="scoring-count">
              {t('workshop.scoring.progress', { count, total: Math.max(count, eligible) })}
            </span>
          </p>
          <p className="panel__muted" data-testid="scoring-anonymous">
            {t('workshop.scoring.anonymous')}
          </p>
          {round.status === 'open' && participant && <ScoringForm round={round} />}
          {round.status === 'revealed' && result && <ScoringResult result={result} />}
          {facilitator && (
            <div className="workshop__buttons">
              {round.status === 'open' && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="reveal-scores"
                  onClick={() => void scoring.reveal()}
                >
                  {t('workshop.scoring.reveal')}
                </button>
              )}
              {round.status === 'revealed' && result && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="adopt-scores"
                  onClick={() => void scoring.adopt()}
                >
                  {t('workshop.scoring.adopt')}
                </button>
              )}
              <button
                type="button"
                className="button"
                data-testid="end-scoring"
                onClick={() => void scoring.end()}
              >
                {t('workshop.scoring.end')}
              </button>
            </div>
          )}
          {facilitator && <BallotActionError error={actionError} />}
        </>
      )}
    </section>
  )
}
