import {
  CONFIDENTIALITY_LABELS,
  DUE_DILIGENCE_STEP_LABELS,
} from '../../../shared/labels/modelLabels'
import {
  CONFIDENTIALITY_LEVELS,
  DUE_DILIGENCE_STEPS,
  type EngagementEntry,
} from '../../../shared/stakeholder/Stakeholder'
import { createEngagementEntry } from '../../../shared/stakeholder/createStakeholder'
import { useTranslation } from '../../i18n/useTranslation'
import { newEntityId } from '../../stakeholders/StakeholderRegistry'
import { SelectField, TextArea, TextField } from '../fields'
import { EntryConfirmation } from './EntryConfirmation'
import { EntryList } from './EntryList'
import { added, entryWriter } from './entryWriter'
import type { ListEditorProps } from './ListEditorProps'

/** The engagement log's free-text evidence fields, in the order a company reports them. */
const LOG_TEXT_FIELDS = [
  'informationShared',
  'inputReceived',
  'howInputWasUsed',
  'followUp',
  'barriers',
  'barrierMeasures',
] as const

/** The engagement log: what was shared and heard, when, and how it was used. */
export function EngagementLogEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t, locale } = useTranslation()
  // A role without the confidential document could not store (or read back) such an entry.
  const levels = registry.hasConfidential
    ? CONFIDENTIALITY_LEVELS
    : CONFIDENTIALITY_LEVELS.filter((level) => level !== 'confidential')
  const put = (entry: EngagementEntry) => registry.putLogEntry(stakeholder.id, entry)
  const write = entryWriter(() => registry.get(stakeholder.id)?.engagement.log, put)
  return (
    <fieldset>
      <legend>{t('editor.section.log')}</legend>
      <EntryList
        entries={stakeholder.engagement.log}
        summary={(entry) =>
          `${entry.date || t('log.noDate')} · ${DUE_DILIGENCE_STEP_LABELS[locale][entry.step]}`
        }
        labels={{ none: t('log.none'), add: t('log.add'), remove: t('log.remove') }}
        onRemove={(entry) => registry.removeLogEntry(stakeholder.id, entry.id)}
        onAdd={() =>
          added(
            createEngagementEntry(newEntityId('log'), new Date().toISOString().slice(0, 10)),
            put,
            report,
            'log',
          )
        }
        renderFields={(entry) => {
          const key = `${stakeholder.id}/log/${entry.id}`
          return (
            <>
              <TextField
                label={t('log.date')}
                type="date"
                value={entry.date}
                draftKey={`${key}/date`}
                onCommit={(date) => write(entry, { date })}
                testId="log-date"
              />
              <SelectField
                label={t('log.step')}
                value={entry.step}
                options={DUE_DILIGENCE_STEPS}
                labels={DUE_DILIGENCE_STEP_LABELS[locale]}
                error={errors[`${key}/step`]}
                onCommit={(step) => step && report(`${key}/step`, write(entry, { step }))}
              />
              <TextField
                label={t('log.method')}
                value={entry.method}
                maxLength={200}
                draftKey={`${key}/method`}
                onCommit={(method) => write(entry, { method })}
                testId="log-method"
              />
              {LOG_TEXT_FIELDS.map((field) => (
                <TextArea
                  key={field}
                  label={t(`log.${field}`)}
                  value={entry[field]}
                  rows={2}
                  draftKey={`${key}/${field}`}
                  onCommit={(value) => write(entry, { [field]: value })}
                  testId={`log-${field}`}
                />
              ))}
              <SelectField
                label={t('log.confidentiality')}
                value={entry.confidentiality}
                options={levels}
                labels={CONFIDENTIALITY_LABELS[locale]}
                error={errors[`${key}/confidentiality`]}
                onCommit={(confidentiality) =>
                  confidentiality &&
                  report(`${key}/confidentiality`, write(entry, { confidentiality }))
                }
              />
              <EntryConfirmation stakeholderId={stakeholder.id} entry={entry} registry={registry} />
            </>
          )
        }}
      />
      {errors.log && (
        <p className="field__error" role="alert">
          {errors.log}
        </p>
      )}
    </fieldset>
  )
}
