/**
 * Evaluating a dialogue on the nine SER elements (phase 4): the facilitator chooses a
 * dialogue plan (or a role play without one) and opens the round, reveals and ends it;
 * participants hand in their own scores (EvaluationForm.tsx) and may change them until the
 * reveal; everyone sees how many have scored and, after the reveal, every element's median
 * and spread with the group's notes (EvaluationResult.tsx). The server keeps the scores
 * (EvaluationModel).
 */
import { useValue } from 'tldraw'
import { useStoredDraft } from '../../drafts/useStoredDraft'
import { useTranslation } from '../../i18n/useTranslation'
import { BallotActionError } from './BallotActionError'
import { EvaluationForm } from './EvaluationForm'
import { EvaluationResult } from './EvaluationResult'
import { ObserverNotesList } from './ObserverNotesList'
import { useWorkshopSession } from './WorkshopSession'

/** The choice of the role play without a plan. */
const NO_PLAN = '-'

export function EvaluationSection() {
  const { t } = useTranslation()
  const { model, facilitator, participant } = useWorkshopSession()
  const { evaluation } = model
  const round = useValue('evaluation round', () => evaluation.round.get(), [evaluation])
  const count = useValue('evaluated count', () => evaluation.submittedCount.get(), [evaluation])
  const result = useValue('evaluation result', () => evaluation.result.get(), [evaluation])
  const record = useValue('evaluated record', () => evaluation.evaluation.get(), [evaluation])
  const plans = useValue('plans', () => evaluation.plans.get(), [evaluation])
  const eligible = useValue('eligible', () => model.eligibleCount.get(), [model])
  const actionError = useValue('evaluation action error', () => evaluation.actionError.get(), [
    evaluation,
  ])
  const [chosenText, setChosen] = useStoredDraft('workshop/evaluation/plan')
  const chosen = plans.some((plan) => plan.id === chosenText)
    ? chosenText
    : (plans[0]?.id ?? NO_PLAN)
  const titleOf = (planId: string | null | undefined) => {
    const plan = plans.find((p) => p.id === planId)
    if (!plan) return t('workshop.evaluation.rolePlay')
    return plan.title.trim() || t('dialogues.plan.untitled')
  }

  if (!facilitator && !round) return null
  return (
    <section aria-labelledby="evaluation-heading">
      <h3 id="evaluation-heading">{t('workshop.evaluation.heading')}</h3>
      {!round && facilitator && (
        <div className="workshop__row">
          <label>
            {t('workshop.evaluation.plan')}
            <select
              value={chosen}
              data-testid="evaluation-plan"
              onChange={(event) => setChosen(event.target.value)}
            >
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {titleOf(plan.id)}
                </option>
              ))}
              <option value={NO_PLAN}>{t('workshop.evaluation.rolePlay')}</option>
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            data-testid="start-evaluation"
            onClick={() => evaluation.open(chosen === NO_PLAN ? null : chosen)}
          >
            {t('workshop.evaluation.start')}
          </button>
        </div>
      )}
      {round && (
        <>
          <p>
            {t('workshop.evaluation.of', {
              // No record to read: a confidential plan's evaluation, which this role never receives.
              name: record ? titleOf(record.dialogueId) : t('workshop.evaluation.confidentialPlan'),
            })}{' '}
            <span className="panel__muted" data-testid="evaluation-count">
              {t('workshop.scoring.progress', { count, total: Math.max(count, eligible) })}
            </span>
          </p>
          <p className="panel__muted" data-testid="evaluation-anonymous">
            {t('workshop.scoring.anonymous')}
          </p>
          {round.status === 'open' && participant && <EvaluationForm round={round} />}
          {round.status === 'revealed' && result && (
            <EvaluationResult result={result} evaluation={record} />
          )}
          {round.status === 'revealed' && !result && !record && (round.submitted ?? 0) > 0 && (
            <p className="panel__muted" data-testid="evaluation-withheld">
              {t('workshop.evaluation.withheld')}
            </p>
          )}
          <ObserverNotesList openedAt={round.openedAt} />
          {facilitator && (
            <div className="workshop__buttons">
              {round.status === 'open' && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="reveal-evaluation"
                  onClick={() => void evaluation.reveal()}
                >
                  {t('workshop.scoring.reveal')}
                </button>
              )}
              <button
                type="button"
                className="button"
                data-testid="end-evaluation"
                onClick={() => void evaluation.end()}
              >
                {t('workshop.evaluation.end')}
              </button>
            </div>
          )}
          {facilitator && <BallotActionError error={actionError} />}
        </>
      )}
    </section>
  )
}
