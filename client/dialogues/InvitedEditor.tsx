/**
 * Who a plan invites: each invited stakeholder with who represents it (a legitimate
 * representative, itself a stakeholder of the map, for a rightsholder who cannot attend),
 * and a choice of the others to invite. A select, not a list of checkboxes: a company map
 * can hold thousands of stakeholders. Invitations are keyed by stakeholder in the document,
 * so two people inviting at once both keep theirs.
 */
import { useContext, useId } from 'react'
import { useValue } from 'tldraw'
import type { DialoguePlan, Invitation } from '../../shared/dialogue/DialoguePlan'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { useTranslation } from '../i18n/useTranslation'
import { FieldsReadOnly } from '../panels/fields'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import type { DialogueRecords } from './DialogueRecords'

export function InvitedEditor({
  plan,
  records,
  registry,
  report,
}: {
  plan: DialoguePlan
  records: DialogueRecords
  registry: StakeholderRegistry
  report(key: string, result: WriteOutcome): void
}) {
  const { t } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const inviteId = useId()
  const all = useValue('stakeholders', () => registry.all.get(), [registry])
  const nameOf = (id: string) =>
    all.find((stakeholder) => stakeholder.id === id)?.name.trim() ||
    t('dialogues.plan.unknownStakeholder')
  const key = `plans/${plan.id}/invited`
  const setInvited = (invited: Invitation[]) => report(key, records.patchPlan(plan.id, { invited }))
  const invitedIds = new Set(plan.invited.map((invitation) => invitation.stakeholderId))
  const others = all.filter((stakeholder) => !invitedIds.has(stakeholder.id))
  return (
    <fieldset className="invited">
      <legend>{t('dialogues.plan.invited')}</legend>
      {plan.invited.length === 0 && (
        <p className="panel__muted">{t('dialogues.plan.invitedNone')}</p>
      )}
      <ul className="invited__list">
        {plan.invited.map((invitation) => {
          const name = nameOf(invitation.stakeholderId)
          return (
            <li key={invitation.stakeholderId} className="invited__item">
              <span className="invited__name">{name}</span>
              {readOnly ? (
                invitation.representedBy !== null && (
                  <span className="invited__by">
                    {t('dialogues.plan.representedBy')}: {nameOf(invitation.representedBy)}
                  </span>
                )
              ) : (
                <>
                  <label className="invited__by">
                    <span className="visually-hidden">{name}: </span>
                    {t('dialogues.plan.representedBy')}
                    <select
                      value={invitation.representedBy ?? ''}
                      onChange={(event) =>
                        setInvited(
                          plan.invited.map((each) =>
                            each.stakeholderId === invitation.stakeholderId
                              ? { ...each, representedBy: event.target.value || null }
                              : each,
                          ),
                        )
                      }
                    >
                      <option value="">{t('dialogues.plan.attendsItself')}</option>
                      {all
                        .filter((stakeholder) => stakeholder.id !== invitation.stakeholderId)
                        .map((stakeholder) => (
                          <option key={stakeholder.id} value={stakeholder.id}>
                            {stakeholder.name}
                          </option>
                        ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('dialogues.plan.uninvite', { name })}
                    onClick={() =>
                      setInvited(
                        plan.invited.filter(
                          (each) => each.stakeholderId !== invitation.stakeholderId,
                        ),
                      )
                    }
                  >
                    ×
                  </button>
                </>
              )}
            </li>
          )
        })}
      </ul>
      {!readOnly && others.length > 0 && (
        <div className="field">
          <label htmlFor={inviteId}>{t('dialogues.plan.invite')}</label>
          <select
            id={inviteId}
            value=""
            onChange={(event) => {
              const stakeholderId = event.target.value
              if (stakeholderId === '') return
              setInvited([...plan.invited, { stakeholderId, representedBy: null }])
            }}
          >
            <option value="">{t('dialogues.plan.invitePlaceholder')}</option>
            {others.map((stakeholder) => (
              <option key={stakeholder.id} value={stakeholder.id}>
                {stakeholder.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  )
}
