/**
 * One table's dialogue plan as phase 2's worksheet: the plan's fields in the worksheet's
 * sections (shared/dialogue/worksheetSections.ts), written through as they are typed with
 * the same fields, invited-stakeholder and barrier editors as the Dialogues tab, so an edit
 * on the board is an edit of the record and shows there, and the other way round.
 */
import { useValue } from 'tldraw'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../../../shared/labels/dialogueFieldLabels'
import type { DialoguePlanColumn } from '../../../shared/labels/dialogueFieldLabels'
import { WORKSHEET_SECTION_LABELS } from '../../../shared/labels/worksheetSectionLabels'
import { DIALOGUE_FORMAT_LABELS, engagementStageLabel } from '../../../shared/labels/dialogueLabels'
import { DUE_DILIGENCE_STEP_LABELS } from '../../../shared/labels/modelLabels'
import type { DialoguePlan } from '../../../shared/dialogue/DialoguePlan'
import { DIALOGUE_FORMATS } from '../../../shared/dialogue/dialogueVocabulary'
import {
  WORKSHEET_SECTIONS,
  WORKSHEET_SECTION_FIELDS,
} from '../../../shared/dialogue/worksheetSections'
import { DUE_DILIGENCE_STEPS } from '../../../shared/stakeholder/stakeholderVocabulary'
import { BarriersEditor } from '../../dialogues/BarriersEditor'
import type { DialogueRecords } from '../../dialogues/DialogueRecords'
import { InvitedEditor } from '../../dialogues/InvitedEditor'
import { useTranslation } from '../../i18n/useTranslation'
import { SelectField, TextArea, TextField } from '../../panels/fields'
import { useFieldErrors } from '../../panels/stakeholderEditor/useFieldErrors'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'

/** Text fields kept on one line; the other texts are text areas. */
const ONE_LINE: ReadonlySet<DialoguePlanColumn> = new Set([
  'place',
  'language',
  'interpretation',
  'informationForm',
])

type TextKey = {
  [K in keyof DialoguePlan]: DialoguePlan[K] extends string ? K : never
}[keyof DialoguePlan]

export function WorksheetFields({
  plan,
  records,
  registry,
}: {
  plan: DialoguePlan
  records: DialogueRecords
  registry: StakeholderRegistry
}) {
  const { t, locale } = useTranslation()
  const { errors, report } = useFieldErrors()
  const label = DIALOGUE_PLAN_COLUMN_LABELS[locale]
  const key = `board/plans/${plan.id}`
  const write = (patch: Partial<DialoguePlan>) => records.patchPlan(plan.id, patch)
  const select = (field: string) => (result: ReturnType<typeof write>) =>
    report(`${key}/${field}`, result)
  const notDecided = t('dialogues.plan.notDecided')
  // The map's list of stages, as the Dialogues tab offers it (PlanFields.tsx).
  const stages = useValue('engagement stages', () => records.stages.get(), [records])
  const stageOptions = stages.filter((stage) => !stage.removed).map((stage) => stage.code)
  if (plan.engagementStage !== null && !stageOptions.includes(plan.engagementStage)) {
    stageOptions.push(plan.engagementStage)
  }
  const stageLabels = Object.fromEntries(
    stageOptions.map((code) => [code, engagementStageLabel(locale, code, stages) ?? code]),
  )

  function field(column: DialoguePlanColumn) {
    switch (column) {
      case 'invited':
        return (
          <InvitedEditor
            key={column}
            plan={plan}
            records={records}
            registry={registry}
            report={report}
          />
        )
      case 'barriers':
        return (
          <BarriersEditor
            key={column}
            plan={plan}
            records={records}
            report={report}
            errors={errors}
          />
        )
      case 'dueDiligenceStep':
        return (
          <SelectField
            key={column}
            label={label.dueDiligenceStep}
            value={plan.dueDiligenceStep}
            options={DUE_DILIGENCE_STEPS}
            labels={DUE_DILIGENCE_STEP_LABELS[locale]}
            emptyLabel={notDecided}
            error={errors[`${key}/dueDiligenceStep`]}
            onCommit={(dueDiligenceStep) => select('dueDiligenceStep')(write({ dueDiligenceStep }))}
          />
        )
      case 'engagementStage':
        return (
          <SelectField
            key={column}
            label={label.engagementStage}
            value={plan.engagementStage}
            options={stageOptions}
            labels={stageLabels}
            emptyLabel={notDecided}
            error={errors[`${key}/engagementStage`]}
            onCommit={(engagementStage) => select('engagementStage')(write({ engagementStage }))}
          />
        )
      case 'format':
        return (
          <SelectField
            key={column}
            label={label.format}
            value={plan.format}
            options={DIALOGUE_FORMATS}
            labels={DIALOGUE_FORMAT_LABELS[locale]}
            emptyLabel={notDecided}
            error={errors[`${key}/format`]}
            onCommit={(format) => select('format')(write({ format }))}
          />
        )
      case 'date':
        return (
          <TextField
            key={column}
            type="date"
            label={label.date}
            value={plan.date ?? ''}
            draftKey={`${key}/date`}
            onCommit={(date) => write({ date: date === '' ? null : date })}
          />
        )
      default: {
        const text = column as TextKey
        const props = {
          label: label[column],
          value: plan[text],
          draftKey: `${key}/${text}`,
          onCommit: (value: string) => write({ [text]: value }),
          testId: `worksheet-${text}`,
        }
        return ONE_LINE.has(column) ? (
          <TextField key={column} {...props} />
        ) : (
          <TextArea key={column} {...props} rows={2} />
        )
      }
    }
  }

  return (
    <div className="board-worksheet__grid">
      {WORKSHEET_SECTIONS.map((section) => (
        <section
          key={section}
          className={`board-worksheet__section board-worksheet__section--${section}`}
        >
          <h3>{WORKSHEET_SECTION_LABELS[locale][section]}</h3>
          {WORKSHEET_SECTION_FIELDS[section].map(field)}
        </section>
      ))}
    </div>
  )
}
