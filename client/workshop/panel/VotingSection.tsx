/**
 * Dot voting: the facilitator opens a vote with a number of dots per person and closes or
 * clears it; participants give and take back their dots while it is open; everyone sees the
 * tally once it is closed (the server counts the dots; VotingModel).
 */
import { useState } from 'react'
import { useValue } from 'tldraw'
import { MAX_VOTE_BUDGET } from '../../../shared/workshop/dotVoting'
import { apiFailureReason } from '../../i18n/apiFailureReason'
import { useTranslation } from '../../i18n/useTranslation'
import { BallotActionError } from './BallotActionError'
import { CountInput } from './CountInput'
import { useCountDraft } from './useCountDraft'
import { useWorkshopSession } from './WorkshopSession'

export function VotingSection() {
  const { t, locale } = useTranslation()
  const { model, registry, facilitator, participant } = useWorkshopSession()
  const { voting } = model
  const budget = useCountDraft('workshop/vote/budget', 3, MAX_VOTE_BUDGET)
  const [message, setMessage] = useState<string | null>(null)
  const vote = useValue('vote', () => voting.vote.get(), [voting])
  const mine = useValue('my dots', () => voting.myDots.get(), [voting])
  const tally = useValue('vote tally', () => voting.tally.get(), [voting])
  const count = useValue('voted count', () => voting.submittedCount.get(), [voting])
  const eligible = useValue('eligible', () => model.eligibleCount.get(), [model])
  const error = useValue('vote error', () => voting.error.get(), [voting])
  const actionError = useValue('vote action error', () => voting.actionError.get(), [voting])
  const stakeholders = useValue('stakeholders', () => registry.all.get(), [registry])
  if (!facilitator && !vote) return null
  return (
    <section aria-labelledby="vote-heading">
      <h3 id="vote-heading">{t('workshop.vote.heading')}</h3>
      {!vote && facilitator && (
        <div className="workshop__row">
          <CountInput
            label={t('workshop.vote.budget')}
            max={MAX_VOTE_BUDGET}
            text={budget.text}
            onText={budget.setText}
          />
          <button
            type="button"
            className="button button--primary"
            data-testid="open-vote"
            onClick={() => {
              voting.open(t('workshop.vote.question'), budget.count)
              budget.clear()
            }}
          >
            {t('workshop.vote.open')}
          </button>
        </div>
      )}
      {vote && (
        <>
          <p>
            <strong>{vote.question}</strong>
          </p>
          {vote.status === 'open' && (
            <>
              <p className="panel__muted" data-testid="vote-count">
                {t('workshop.vote.progress', { count, total: Math.max(count, eligible) })}
              </p>
              <p className="panel__muted">{t('workshop.vote.anonymous')}</p>
            </>
          )}
          {vote.status === 'open' && participant && (
            <>
              <p data-testid="votes-left">
                {t('workshop.vote.left', { left: vote.budget - mine.length, budget: vote.budget })}
              </p>
              <ul className="workshop__votes">
                {stakeholders.map((stakeholder) => {
                  const count = mine.filter((id) => id === stakeholder.id).length
                  return (
                    <li key={stakeholder.id}>
                      <span>{stakeholder.name}</span>
                      <span aria-label={t('workshop.vote.mine', { count })}>
                        {'●'.repeat(count)}
                      </span>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('workshop.vote.add', { name: stakeholder.name })}
                        onClick={() => {
                          const result = voting.cast(stakeholder.id)
                          setMessage(result.ok ? null : t(`workshop.vote.${result.reason}`))
                        }}
                      >
                        +
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={count === 0}
                        aria-label={t('workshop.vote.remove', { name: stakeholder.name })}
                        onClick={() => voting.withdraw(stakeholder.id)}
                      >
                        −
                      </button>
                    </li>
                  )
                })}
              </ul>
              {message && (
                <p role="alert" className="exchange__warning">
                  {message}
                </p>
              )}
              {error !== null && (
                <p role="alert" className="exchange__warning" data-testid="vote-error">
                  {t('workshop.vote.failed', { reason: apiFailureReason(locale, error) })}
                </p>
              )}
            </>
          )}
          {vote.status === 'closed' && (
            <ol className="workshop__results" data-testid="vote-results">
              {tally.map(({ stakeholderId, votes }) => (
                <li key={stakeholderId}>
                  {registry.get(stakeholderId)?.name ?? '?'}:{' '}
                  {t('workshop.card.votes', { count: votes })}
                </li>
              ))}
            </ol>
          )}
          {facilitator && (
            <div className="workshop__buttons">
              {vote.status === 'open' ? (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="close-vote"
                  onClick={() => void voting.close()}
                >
                  {t('workshop.vote.close')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  data-testid="clear-vote"
                  onClick={() => void voting.clear()}
                >
                  {t('workshop.vote.clear')}
                </button>
              )}
            </div>
          )}
          {facilitator && <BallotActionError error={actionError} />}
        </>
      )}
    </section>
  )
}
