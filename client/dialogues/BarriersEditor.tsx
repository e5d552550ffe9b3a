/**
 * A plan's barriers to taking part (travel, literacy, gender, fear of retaliation…), each
 * with who meets it and how it is lowered. The list is one value of the plan: an edit
 * writes the whole list as the document holds it at that moment (see docs/dialogues.md).
 */
import { useContext } from 'react'
import type { Barrier, DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import { BARRIER_KINDS } from '../../shared/dialogue/dialogueVocabulary'
import { BARRIER_KIND_LABELS } from '../../shared/labels/dialogueLabels'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../../shared/labels/dialogueFieldLabels'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { useTranslation } from '../i18n/useTranslation'
import { FieldsReadOnly, SelectField, TextArea } from '../panels/fields'
import type { FieldErrors } from '../panels/stakeholderEditor/useFieldErrors'
import type { DialogueRecords } from './DialogueRecords'

export function BarriersEditor({
  plan,
  records,
  report,
  errors,
}: {
  plan: DialoguePlan
  records: DialogueRecords
  report(key: string, result: WriteOutcome): void
  errors: FieldErrors
}) {
  const { t, locale } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const key = `plans/${plan.id}/barriers`
  /** The list as stored now, with barrier `index` changed: others' edits of the rest stay. */
  const stored = () =>
    records.plans.get().find((each) => each.id === plan.id)?.barriers ?? plan.barriers
  const write = (index: number, change: Partial<Barrier>) => {
    const barriers = stored().map((barrier, at) =>
      at === index ? { ...barrier, ...change } : barrier,
    )
    return records.patchPlan(plan.id, { barriers })
  }
  return (
    <fieldset className="barriers">
      <legend>{DIALOGUE_PLAN_COLUMN_LABELS[locale].barriers}</legend>
      {plan.barriers.length === 0 && <p className="panel__muted">{t('dialogues.barrier.none')}</p>}
      {plan.barriers.map((barrier, index) => (
        <div key={index} className="barrier">
          <SelectField
            label={t('dialogues.barrier.kind')}
            value={barrier.kind}
            options={BARRIER_KINDS}
            labels={BARRIER_KIND_LABELS[locale]}
            error={errors[`${key}/${index}/kind`]}
            onCommit={(kind) => kind && report(`${key}/${index}/kind`, write(index, { kind }))}
          />
          <TextArea
            label={t('dialogues.barrier.description')}
            value={barrier.description}
            draftKey={`${key}/${index}/description`}
            onCommit={(description) => write(index, { description })}
          />
          <TextArea
            label={t('dialogues.barrier.howLowered')}
            value={barrier.howLowered}
            draftKey={`${key}/${index}/howLowered`}
            onCommit={(howLowered) => write(index, { howLowered })}
          />
          {!readOnly && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                report(
                  key,
                  records.patchPlan(plan.id, {
                    barriers: stored().filter((_, at) => at !== index),
                  }),
                )
              }
            >
              {t('dialogues.barrier.remove')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="button"
          onClick={() =>
            report(
              key,
              records.patchPlan(plan.id, {
                barriers: [...stored(), { kind: 'travel', description: '', howLowered: '' }],
              }),
            )
          }
        >
          {t('dialogues.barrier.add')}
        </button>
      )}
      {errors[key] && (
        <p className="field__error" role="alert">
          {errors[key]}
        </p>
      )}
    </fieldset>
  )
}
