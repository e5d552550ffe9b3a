/**
 * The Dialogues tab's first section, "before the workshop": the map's self-assessments
 * (one per company, participant or table), each a block that opens to its fields, with
 * its priority steps counted in the summary and a button that shows its board on the canvas.
 * Viewers read it as text (FieldsReadOnly), without the buttons; the server refuses their
 * writes anyway.
 */
import type { Editor } from 'tldraw'
import { useValue } from 'tldraw'
import { prioritySteps } from '../../shared/selfAssessment/prioritySteps'
import { useTranslation } from '../i18n/useTranslation'
import { EntryList } from '../panels/stakeholderEditor/EntryList'
import { SelfAssessmentFields } from './SelfAssessmentFields'
import type { SelfAssessmentRecords } from './SelfAssessmentRecords'
import { showSelfAssessmentBoard } from './showSelfAssessmentBoard'

export function SelfAssessmentSection({
  records,
  editor,
}: {
  records: SelfAssessmentRecords
  /** The canvas, for "Show on the canvas"; absent: no such button. */
  editor?: Editor
}) {
  const { t, locale } = useTranslation()
  const assessments = useValue('self-assessments', () => records.all.get(), [records])
  const sorted = [...assessments].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.subject.localeCompare(b.subject, locale),
  )
  return (
    <section aria-labelledby="self-assessments-heading" className="self-assessments">
      <h3 id="self-assessments-heading">{t('selfAssessment.heading')}</h3>
      <p className="panel__muted">{t('selfAssessment.intro')}</p>
      <EntryList
        entries={sorted}
        summary={(assessment) =>
          [
            assessment.subject.trim() || t('selfAssessment.untitled'),
            assessment.date,
            t('selfAssessment.priorityCount', { count: prioritySteps(assessment).length }),
          ]
            .filter(Boolean)
            .join(' · ')
        }
        labels={{
          none: t('selfAssessment.none'),
          add: t('selfAssessment.add'),
          remove: t('selfAssessment.remove'),
        }}
        onAdd={() => records.add(locale)}
        onRemove={(assessment) => records.remove(assessment.id)}
        renderFields={(assessment) => (
          <SelfAssessmentFields assessment={assessment} records={records} />
        )}
        actions={(assessment) =>
          editor && (
            <div className="dialogue-plan__actions">
              <button
                type="button"
                className="button"
                onClick={() => showSelfAssessmentBoard(editor, assessment.id)}
              >
                {t('selfAssessment.show')}
              </button>
              <p className="field__hint">{t('selfAssessment.board.hint')}</p>
            </div>
          )
        }
      />
    </section>
  )
}
