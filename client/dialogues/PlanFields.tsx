/**
 * The fields of one dialogue plan, in the order of the worksheet: what and why, who takes
 * part, which step, how and where, barriers and safety, what is shared, who speaks for the
 * company, and how the stakeholders hear back. Texts are written through as they are typed
 * (fields.tsx); each field is its own key of the record, so a group filling in the plan
 * together keeps every person's edit.
 */
import { useValue } from 'tldraw'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../../shared/labels/dialogueFieldLabels'
import {
  DIALOGUE_FORMAT_LABELS,
  DIALOGUE_PLAN_STATUS_LABELS,
  engagementStageLabel,
} from '../../shared/labels/dialogueLabels'
import { CONFIDENTIALITY_LABELS, DUE_DILIGENCE_STEP_LABELS } from '../../shared/labels/modelLabels'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import { DIALOGUE_FORMATS, DIALOGUE_PLAN_STATUSES } from '../../shared/dialogue/dialogueVocabulary'
import {
  CONFIDENTIALITY_LEVELS,
  DUE_DILIGENCE_STEPS,
} from '../../shared/stakeholder/stakeholderVocabulary'
import { useTranslation } from '../i18n/useTranslation'
import { SelectField, TextArea, TextField } from '../panels/fields'
import type { FieldErrors } from '../panels/stakeholderEditor/useFieldErrors'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { BarriersEditor } from './BarriersEditor'
import type { DialogueRecords } from './DialogueRecords'
import { InvitedEditor } from './InvitedEditor'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'

type TextKey =
  | 'title'
  | 'goal'
  | 'whyNow'
  | 'place'
  | 'language'
  | 'interpretation'
  | 'barrierAssessment'
  | 'safety'
  | 'informationBeforehand'
  | 'informationForm'
  | 'companyAttendees'
  | 'companyMandate'
  | 'inputUse'
  | 'feedback'
  | 'notes'

/** One-line texts; the others are text areas. */
const ONE_LINE: ReadonlySet<TextKey> = new Set([
  'title',
  'place',
  'language',
  'interpretation',
  'informationForm',
])

export function PlanFields({
  plan,
  records,
  registry,
  errors,
  report,
}: {
  plan: DialoguePlan
  records: DialogueRecords
  registry: StakeholderRegistry
  errors: FieldErrors
  report(key: string, result: WriteOutcome): void
}) {
  const { t, locale } = useTranslation()
  const label = DIALOGUE_PLAN_COLUMN_LABELS[locale]
  const key = `plans/${plan.id}`
  // The map's list; a stage the plan uses but the list no longer has stays, marked.
  const stages = useValue('engagement stages', () => records.stages.get(), [records])
  const listed = stages.filter((stage) => !stage.removed)
  const stageOptions = listed.map((stage) => stage.code)
  if (plan.engagementStage !== null && !stageOptions.includes(plan.engagementStage)) {
    stageOptions.push(plan.engagementStage)
  }
  const stageLabels = Object.fromEntries(
    stageOptions.map((code) => [code, engagementStageLabel(locale, code, stages) ?? code]),
  )
  const write = (patch: Partial<DialoguePlan>) => records.patchPlan(plan.id, patch)
  const select = (field: keyof DialoguePlan) => (result: WriteOutcome) =>
    report(`${key}/${field}`, result)
  const text = (field: TextKey) => {
    const props = {
      label: label[field],
      value: plan[field],
      draftKey: `${key}/${field}`,
      onCommit: (value: string) => write({ [field]: value }),
    }
    return ONE_LINE.has(field) ? (
      <TextField key={field} {...props} maxLength={field === 'title' ? 200 : undefined} />
    ) : (
      <TextArea key={field} {...props} />
    )
  }
  const notDecided = t('dialogues.plan.notDecided')
  return (
    <div className="dialogue-plan">
      {text('title')}
      <div className="field-row field-row--two">
        <SelectField
          label={label.status}
          value={plan.status}
          options={DIALOGUE_PLAN_STATUSES}
          labels={DIALOGUE_PLAN_STATUS_LABELS[locale]}
          error={errors[`${key}/status`]}
          onCommit={(status) => status && select('status')(write({ status }))}
        />
        <TextField
          type="date"
          label={label.date}
          value={plan.date ?? ''}
          draftKey={`${key}/date`}
          onCommit={(date) => write({ date: date === '' ? null : date })}
        />
      </div>
      {text('goal')}
      {text('whyNow')}
      <InvitedEditor plan={plan} records={records} registry={registry} report={report} />
      <SelectField
        label={label.dueDiligenceStep}
        value={plan.dueDiligenceStep}
        options={DUE_DILIGENCE_STEPS}
        labels={DUE_DILIGENCE_STEP_LABELS[locale]}
        emptyLabel={notDecided}
        error={errors[`${key}/dueDiligenceStep`]}
        onCommit={(dueDiligenceStep) => select('dueDiligenceStep')(write({ dueDiligenceStep }))}
      />
      <SelectField
        label={label.engagementStage}
        value={plan.engagementStage}
        options={stageOptions}
        labels={stageLabels}
        emptyLabel={notDecided}
        error={errors[`${key}/engagementStage`]}
        onCommit={(engagementStage) => select('engagementStage')(write({ engagementStage }))}
      />
      <SelectField
        label={label.format}
        value={plan.format}
        options={DIALOGUE_FORMATS}
        labels={DIALOGUE_FORMAT_LABELS[locale]}
        emptyLabel={notDecided}
        error={errors[`${key}/format`]}
        onCommit={(format) => select('format')(write({ format }))}
      />
      {text('place')}
      <div className="field-row field-row--two">
        {text('language')}
        {text('interpretation')}
      </div>
      <BarriersEditor plan={plan} records={records} report={report} errors={errors} />
      {text('barrierAssessment')}
      {text('safety')}
      <SelectField
        label={label.confidentiality}
        value={plan.confidentiality}
        options={CONFIDENTIALITY_LEVELS}
        labels={CONFIDENTIALITY_LABELS[locale]}
        error={errors[`${key}/confidentiality`]}
        onCommit={(confidentiality) =>
          confidentiality && select('confidentiality')(write({ confidentiality }))
        }
      />
      {text('informationBeforehand')}
      {text('informationForm')}
      {text('companyAttendees')}
      {text('companyMandate')}
      {text('inputUse')}
      {text('feedback')}
      {text('notes')}
    </div>
  )
}
