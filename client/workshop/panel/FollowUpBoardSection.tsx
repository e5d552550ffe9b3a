/**
 * Phase 4 in the Workshop tab: the facilitator puts the follow-up board on the canvas in one
 * action (one per table when the room is split into tables, addFollowUpBoards.ts) and is
 * taken to it; the board reads the commitments and the evaluation from the records.
 */
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { addFollowUpBoards } from '../addFollowUpBoards'
import { useWorkshopSession } from './WorkshopSession'

export function FollowUpBoardSection() {
  const { t, locale } = useTranslation()
  const { editor, model, facilitator } = useWorkshopSession()
  const groups = useValue('table groups', () => model.tables.groups.get(), [model])
  if (!facilitator) return null
  return (
    <section aria-labelledby="follow-up-heading">
      <h3 id="follow-up-heading">{t('followUp.heading')}</h3>
      <p className="panel__muted">{t('followUp.addHint')}</p>
      <button
        type="button"
        className="button"
        data-testid="add-follow-up-board"
        onClick={() => {
          const frames = addFollowUpBoards(editor, locale, groups, (n) =>
            t('workshop.groups.table', { number: n }),
          )
          editor.select(...frames)
          editor.zoomToSelection({ animation: { duration: 300 } })
          editor.selectNone()
        }}
      >
        {groups ? t('followUp.addPerTable', { count: groups.count }) : t('followUp.add')}
      </button>
    </section>
  )
}
