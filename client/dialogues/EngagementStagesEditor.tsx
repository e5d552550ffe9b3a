/**
 * The map's list of engagement stages, for owners and facilitators (the server refuses the
 * `engagementStages` root from other roles): rename a stage (a default one left empty keeps
 * its own words, in English and Dutch), add one of the map's own, take one off the list or
 * put it back. A plan that uses a removed stage keeps it, marked (PlanFields.tsx). Labels are
 * written through as typed, like every field.
 */
import { useValue } from 'tldraw'
import { ENGAGEMENT_STAGE_LIMITS } from '../../shared/dialogue/EngagementStage'
import { ENGAGEMENT_STAGE_LABELS, engagementStageLabel } from '../../shared/labels/dialogueLabels'
import { useTranslation } from '../i18n/useTranslation'
import { TextField } from '../panels/fields'
import type { DialogueRecords } from './DialogueRecords'

export function EngagementStagesEditor({ records }: { records: DialogueRecords }) {
  const { t, locale } = useTranslation()
  const stages = useValue('engagement stages', () => records.stages.get(), [records])
  const listed = stages.filter((stage) => !stage.removed)
  const removed = stages.filter((stage) => stage.removed)
  const defaults: Readonly<Record<string, string>> = ENGAGEMENT_STAGE_LABELS[locale]
  const nameOf = (code: string) =>
    engagementStageLabel(locale, code, stages) ?? defaults[code] ?? code

  return (
    <section aria-labelledby="engagement-stages-heading" className="engagement-stages">
      <details>
        <summary>
          <h3 id="engagement-stages-heading">{t('dialogues.stages.heading')}</h3>
        </summary>
        <p className="panel__muted">{t('dialogues.stages.intro')}</p>
        <p className="field__hint" id="engagement-stages-hint">
          {t('dialogues.stages.defaultHint')}
        </p>
        <ol className="engagement-stages__list">
          {listed.map((stage, index) => (
            <li key={stage.code} className="engagement-stages__stage">
              <TextField
                label={t('dialogues.stages.name', { number: index + 1 })}
                value={stage.label ?? ''}
                placeholder={stage.builtIn ? defaults[stage.code] : undefined}
                describedBy={stage.builtIn ? 'engagement-stages-hint' : undefined}
                maxLength={ENGAGEMENT_STAGE_LIMITS.label}
                draftKey={`stages/${stage.code}/label`}
                onCommit={(label) => (records.renameStage(stage.code, label), { ok: true })}
              />
              <button
                type="button"
                className="button"
                aria-label={t('dialogues.stages.remove', { name: nameOf(stage.code) })}
                onClick={() => records.setStageRemoved(stage.code, true)}
              >
                {t('dialogues.stages.removeShort')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => records.addStage('')}>
          {t('dialogues.stages.add')}
        </button>
        {removed.length > 0 && (
          <>
            <h4>{t('dialogues.stages.removedHeading')}</h4>
            <ul className="engagement-stages__removed">
              {removed.map((stage) => {
                const name = stage.label?.trim() || defaults[stage.code] || stage.code
                return (
                  <li key={stage.code}>
                    {name}{' '}
                    <button
                      type="button"
                      className="button"
                      aria-label={t('dialogues.stages.restore', { name })}
                      onClick={() => records.setStageRemoved(stage.code, false)}
                    >
                      {t('dialogues.stages.restoreShort')}
                    </button>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </details>
    </section>
  )
}
