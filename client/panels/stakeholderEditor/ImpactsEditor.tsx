import { ACTUALITY_LABELS } from '../../../shared/labels/modelLabels'
import { IMPACT_ACTUALITIES, type AdverseImpact } from '../../../shared/stakeholder/Stakeholder'
import { createImpact } from '../../../shared/stakeholder/createStakeholder'
import { useTranslation } from '../../i18n/useTranslation'
import { newEntityId } from '../../stakeholders/StakeholderRegistry'
import { ScoreSelect, SelectField, TextArea, TextField } from '../fields'
import { EntryList } from './EntryList'
import { added, entryWriter } from './entryWriter'
import type { ListEditorProps } from './ListEditorProps'

/** The adverse impacts on this stakeholder, each with its severity dimensions and likelihood. */
export function ImpactsEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t, locale } = useTranslation()
  const put = (impact: AdverseImpact) => registry.putImpact(stakeholder.id, impact)
  const write = entryWriter(() => registry.get(stakeholder.id)?.impacts, put)
  const notAssessed = t('field.notAssessed')
  return (
    <fieldset>
      <legend>{t('editor.section.impacts')}</legend>
      <EntryList
        entries={stakeholder.impacts}
        summary={(impact) => impact.topic || impact.description || t('impact.description')}
        initiallyOpen={(_, index) => index === stakeholder.impacts.length - 1}
        labels={{ none: t('impact.none'), add: t('impact.add'), remove: t('impact.remove') }}
        onRemove={(impact) => registry.removeImpact(stakeholder.id, impact.id)}
        onAdd={() => added(createImpact(newEntityId('imp')), put, report, 'impacts')}
        renderFields={(impact) => {
          const key = `${stakeholder.id}/impacts/${impact.id}`
          return (
            <>
              <TextField
                label={t('impact.topic')}
                value={impact.topic}
                maxLength={200}
                draftKey={`${key}/topic`}
                onCommit={(topic) => write(impact, { topic })}
                testId="impact-topic"
              />
              <TextArea
                label={t('impact.description')}
                value={impact.description}
                draftKey={`${key}/description`}
                onCommit={(description) => write(impact, { description })}
                testId="impact-description"
              />
              <SelectField
                label={t('impact.actuality')}
                value={impact.actuality}
                options={IMPACT_ACTUALITIES}
                labels={ACTUALITY_LABELS[locale]}
                error={errors[`${key}/actuality`]}
                onCommit={(actuality) =>
                  actuality && report(`${key}/actuality`, write(impact, { actuality }))
                }
              />
              <div className="field-row field-row--two">
                {(['scale', 'scope', 'irremediability', 'likelihood'] as const).map((dimension) => (
                  <ScoreSelect
                    key={dimension}
                    label={t(`impact.${dimension}`)}
                    value={impact[dimension]}
                    notAssessedLabel={notAssessed}
                    error={errors[`${key}/${dimension}`]}
                    describedBy={`${key}-scores-hint`}
                    onCommit={(value) =>
                      report(`${key}/${dimension}`, write(impact, { [dimension]: value }))
                    }
                  />
                ))}
              </div>
              <p className="field__hint" id={`${key}-scores-hint`}>
                {t('impact.scores.hint')}
              </p>
            </>
          )
        }}
      />
      {errors.impacts && (
        <p className="field__error" role="alert">
          {errors.impacts}
        </p>
      )}
    </fieldset>
  )
}
