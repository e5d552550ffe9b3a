/**
 * The fields of one commitment: to whom, what, who keeps it and by when, where it stands
 * (dropped needs its reason, which the model checks), what shows it was kept, and the
 * dialogue it was made in.
 */
import type { Commitment } from '../../shared/dialogue/Commitment'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import { COMMITMENT_STATUSES } from '../../shared/dialogue/dialogueVocabulary'
import { COMMITMENT_COLUMN_LABELS } from '../../shared/labels/dialogueFieldLabels'
import { COMMITMENT_STATUS_LABELS } from '../../shared/labels/dialogueLabels'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { useTranslation } from '../i18n/useTranslation'
import { SelectField, TextArea, TextField } from '../panels/fields'
import type { FieldErrors } from '../panels/stakeholderEditor/useFieldErrors'
import type { DialogueRecords } from './DialogueRecords'

export function CommitmentFields({
  commitment,
  records,
  stakeholders,
  plans,
  errors,
  report,
}: {
  commitment: Commitment
  records: DialogueRecords
  stakeholders: readonly Stakeholder[]
  plans: readonly DialoguePlan[]
  errors: FieldErrors
  report(key: string, result: WriteOutcome): void
}) {
  const { t, locale } = useTranslation()
  const label = COMMITMENT_COLUMN_LABELS[locale]
  const key = `commitments/${commitment.id}`
  const write = (patch: Partial<Commitment>) => records.patchCommitment(commitment.id, patch)
  const names = Object.fromEntries(stakeholders.map((each) => [each.id, each.name]))
  // A commitment to a removed stakeholder still shows whom it was made to.
  if (!(commitment.stakeholderId in names)) {
    names[commitment.stakeholderId] = t('dialogues.plan.unknownStakeholder')
  }
  const planTitles = Object.fromEntries(
    plans.map((plan) => [plan.id, plan.title.trim() || t('dialogues.plan.untitled')]),
  )
  return (
    <>
      <SelectField
        label={label.stakeholder}
        value={commitment.stakeholderId}
        options={Object.keys(names)}
        labels={names}
        error={errors[`${key}/stakeholderId`]}
        onCommit={(stakeholderId) =>
          stakeholderId && report(`${key}/stakeholderId`, write({ stakeholderId }))
        }
      />
      <TextArea
        label={label.what}
        value={commitment.what}
        draftKey={`${key}/what`}
        onCommit={(what) => write({ what })}
      />
      <div className="field-row field-row--two">
        <TextField
          label={label.owner}
          value={commitment.owner}
          draftKey={`${key}/owner`}
          onCommit={(owner) => write({ owner })}
        />
        <TextField
          type="date"
          label={label.dueDate}
          value={commitment.dueDate ?? ''}
          draftKey={`${key}/dueDate`}
          onCommit={(dueDate) => write({ dueDate: dueDate === '' ? null : dueDate })}
        />
      </div>
      <SelectField
        label={label.status}
        value={commitment.status}
        options={COMMITMENT_STATUSES}
        labels={COMMITMENT_STATUS_LABELS[locale]}
        error={errors[`${key}/status`]}
        onCommit={(status) => status && report(`${key}/status`, write({ status }))}
      />
      <TextArea
        label={label.droppedReason}
        hint={t('dialogues.commitment.droppedHint')}
        value={commitment.droppedReason}
        draftKey={`${key}/droppedReason`}
        onCommit={(droppedReason) => write({ droppedReason })}
      />
      <TextArea
        label={label.evidence}
        value={commitment.evidence}
        draftKey={`${key}/evidence`}
        onCommit={(evidence) => write({ evidence })}
      />
      <SelectField
        label={label.dialogue}
        value={commitment.dialogueId}
        options={plans.map((plan) => plan.id)}
        labels={planTitles}
        emptyLabel={t('dialogues.commitment.noDialogue')}
        error={errors[`${key}/dialogueId`]}
        onCommit={(dialogueId) => report(`${key}/dialogueId`, write({ dialogueId }))}
      />
    </>
  )
}
