/**
 * The Dialogues tab: the map's dialogue plans (phase 2's worksheet, or a company's real
 * plan) with their points of attention, and the commitments made in dialogues, overdue
 * ones first. A plan that was held adds an entry to the engagement log of everyone who
 * took part. Viewers see the same as text (FieldsReadOnly); the server refuses their writes
 * anyway.
 */
import { useContext, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import { engagementEntriesFromHeldDialogue } from '../../shared/dialogue/engagementEntriesFromHeldDialogue'
import { isOverdue } from '../../shared/dialogue/isOverdue'
import {
  DIALOGUE_ALERT_LABELS,
  DIALOGUE_PLAN_STATUS_LABELS,
} from '../../shared/labels/dialogueLabels'
import { sortCommitments, sortDialoguePlans } from '../../shared/register/sortDialogueRecords'
import { dialogueAlerts } from '../../shared/scoring/dialogueAlerts'
import { useTranslation } from '../i18n/useTranslation'
import { FieldsReadOnly } from '../panels/fields'
import { EntryList } from '../panels/stakeholderEditor/EntryList'
import { useFieldErrors } from '../panels/stakeholderEditor/useFieldErrors'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { CommitmentFields } from './CommitmentFields'
import { EngagementStagesEditor } from './EngagementStagesEditor'
import { EvaluationFields } from './EvaluationFields'
import type { DialogueRecords } from './DialogueRecords'
import { localCalendarDate } from './localCalendarDate'
import { PlanFields } from './PlanFields'
import { SelfAssessmentSection } from '../selfAssessment/SelfAssessmentSection'

export function DialoguesPanel({
  records,
  registry,
  editor,
}: {
  records: DialogueRecords
  registry: StakeholderRegistry
  /** The canvas, for the boards the tab shows there. */
  editor?: Editor
}) {
  const { t, locale } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const { errors, report } = useFieldErrors()
  const plans = useValue('dialogue plans', () => records.plans.get(), [records])
  const commitments = useValue('commitments', () => records.commitments.get(), [records])
  const evaluations = useValue('evaluations', () => records.evaluations.get(), [records])
  const stakeholders = useValue('stakeholders', () => registry.all.get(), [registry])
  const [heldMessage, setHeldMessage] = useState<{ planId: string; text: string } | null>(null)
  const today = localCalendarDate(new Date())
  const names = new Map(stakeholders.map((each) => [each.id, each.name]))
  const nameOf = (id: string) => names.get(id)?.trim() || t('dialogues.plan.unknownStakeholder')
  const planTitle = (plan: DialoguePlan) => plan.title.trim() || t('dialogues.plan.untitled')
  const sortedPlans = sortDialoguePlans(plans, 'date', 'ascending', locale)
  const sortedCommitments = sortCommitments(commitments, 'due', 'ascending', {
    today,
    locale,
    stakeholderNames: names,
  })
  const overdue = commitments.filter((each) => isOverdue(each, today)).length
  const alerts = dialogueAlerts(plans, stakeholders)

  function recordHeld(plan: DialoguePlan) {
    const result = engagementEntriesFromHeldDialogue(plan, { locale })
    if (!result.ok) {
      const key =
        result.code === 'no-date' ? 'dialogues.held.noDate' : 'dialogues.held.noOneInvited'
      return setHeldMessage({ planId: plan.id, text: t(key) })
    }
    // An entry already there keeps what was written into it since (input received, use).
    let added = 0
    let refused = 0
    for (const { stakeholderId, entry } of result.entries) {
      const stakeholder = registry.get(stakeholderId)
      if (!stakeholder || stakeholder.engagement.log.some((each) => each.id === entry.id)) continue
      if (registry.putLogEntry(stakeholderId, entry).ok) added++
      else refused++
    }
    if (plan.status !== 'held') records.patchPlan(plan.id, { status: 'held' })
    const text =
      added === 0 && refused === 0
        ? t('dialogues.held.already')
        : [
            added > 0 ? t('dialogues.held.done', { count: added }) : '',
            refused > 0 ? t('validation.confidential') : '',
          ]
            .filter(Boolean)
            .join(' ')
    setHeldMessage({ planId: plan.id, text })
  }

  return (
    <div className="dialogues-panel">
      <SelfAssessmentSection records={records.selfAssessments} editor={editor} />
      <section aria-labelledby="dialogue-plans-heading">
        <h3 id="dialogue-plans-heading">{t('dialogues.plans.heading')}</h3>
        <p className="panel__muted">{t('dialogues.plans.intro')}</p>
        {alerts.length > 0 && (
          <>
            <h4>{t('dialogues.alerts.heading')}</h4>
            <ul className="alerts">
              {alerts.map((alert, index) => {
                const about =
                  typeof alert.params.planId === 'string'
                    ? planTitle(plans.find((plan) => plan.id === alert.params.planId)!)
                    : nameOf(String(alert.params.stakeholderId))
                return (
                  <li key={`${alert.code}-${index}`} className="alert alert--warning">
                    <strong>{about}</strong>: {DIALOGUE_ALERT_LABELS[locale][alert.code]}
                  </li>
                )
              })}
            </ul>
          </>
        )}
        <EntryList
          entries={sortedPlans}
          summary={(plan) =>
            [planTitle(plan), DIALOGUE_PLAN_STATUS_LABELS[locale][plan.status], plan.date]
              .filter(Boolean)
              .join(' · ')
          }
          labels={{
            none: t('dialogues.plan.none'),
            add: t('dialogues.plan.add'),
            remove: t('dialogues.plan.remove'),
          }}
          onAdd={() => records.addPlan()}
          onRemove={(plan) => records.removePlan(plan.id)}
          renderFields={(plan) => (
            <PlanFields
              plan={plan}
              records={records}
              registry={registry}
              errors={errors}
              report={report}
            />
          )}
          actions={(plan) => (
            <div className="dialogue-plan__actions">
              <button type="button" className="button" onClick={() => recordHeld(plan)}>
                {t('dialogues.held.record')}
              </button>
              <p className="field__hint">{t('dialogues.held.hint')}</p>
              {heldMessage?.planId === plan.id && <p role="status">{heldMessage.text}</p>}
              {plan.invited.length > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    records.addCommitment({
                      stakeholderId: plan.invited[0]!.stakeholderId,
                      dialogueId: plan.id,
                    })
                  }
                >
                  {t('dialogues.commitment.addToPlan')}
                </button>
              )}
            </div>
          )}
        />
      </section>
      <section aria-labelledby="commitments-heading">
        <h3 id="commitments-heading">{t('dialogues.commitments.heading')}</h3>
        <p className="panel__muted">{t('dialogues.commitments.intro')}</p>
        {overdue > 0 && (
          <p className="alert alert--warning" data-testid="overdue-count">
            {t('dialogues.commitment.overdueCount', { count: overdue })}
          </p>
        )}
        {!readOnly && stakeholders.length === 0 && (
          <p className="panel__muted">{t('dialogues.commitment.noStakeholders')}</p>
        )}
        <EntryList
          entries={sortedCommitments}
          summary={(commitment) => (
            <>
              {isOverdue(commitment, today) && (
                <span className="badge badge--overdue">{t('dialogues.commitment.overdue')}</span>
              )}
              {`${nameOf(commitment.stakeholderId)}: ${
                commitment.what.trim().split('\n')[0] || t('dialogues.commitment.untitled')
              } · ${commitment.dueDate ?? t('dialogues.commitment.noDate')}`}
            </>
          )}
          labels={{
            none: t('dialogues.commitment.none'),
            add: t('dialogues.commitment.add'),
            remove: t('dialogues.commitment.remove'),
          }}
          onAdd={() => {
            const first = stakeholders[0]
            return first ? records.addCommitment({ stakeholderId: first.id }) : null
          }}
          onRemove={(commitment) => records.removeCommitment(commitment.id)}
          renderFields={(commitment) => (
            <CommitmentFields
              commitment={commitment}
              records={records}
              stakeholders={stakeholders}
              plans={plans}
              errors={errors}
              report={report}
            />
          )}
        />
      </section>
      <section aria-labelledby="evaluations-heading">
        <h3 id="evaluations-heading">{t('dialogues.evaluations.heading')}</h3>
        <p className="panel__muted">{t('dialogues.evaluations.intro')}</p>
        <EntryList
          entries={[...evaluations].sort((a, b) =>
            (a.date ?? '9999').localeCompare(b.date ?? '9999'),
          )}
          summary={(evaluation) => {
            const planned = plans.find((plan) => plan.id === evaluation.dialogueId)
            return [
              planned ? planTitle(planned) : t('dialogues.evaluation.untitled'),
              evaluation.date,
            ]
              .filter(Boolean)
              .join(' · ')
          }}
          labels={{
            none: t('dialogues.evaluation.none'),
            add: t('dialogues.evaluation.add'),
            remove: t('dialogues.evaluation.remove'),
          }}
          onAdd={() => records.addEvaluation()}
          onRemove={(evaluation) => records.removeEvaluation(evaluation.id)}
          renderFields={(evaluation) => (
            <EvaluationFields
              evaluation={evaluation}
              records={records}
              plans={plans}
              errors={errors}
              report={report}
            />
          )}
        />
      </section>
      {records.mayConfigureStages && !readOnly && <EngagementStagesEditor records={records} />}
    </div>
  )
}
