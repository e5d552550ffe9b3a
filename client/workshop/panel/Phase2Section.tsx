/**
 * Phase 2 in the Workshop tab, for the trainers: make a worksheet (with its own dialogue
 * plan) for each table in one action, go to the board, and show or hide the filled-in
 * example for everyone. Participants reach their table's worksheet through the agenda's
 * phase-2 block or "Go to my table"; the board itself is on the canvas.
 */
import { useState } from 'react'
import { useValue } from 'tldraw'
import { PHASE_2_BOARD } from '../../../shared/workshop/boardLinks'
import { MAX_TABLES } from '../../../shared/workshop/tableGroups'
import { boardBounds, zoomToArea } from '../../canvas/boardAreas'
import { usePhase2Translation } from '../../i18n/phase2Messages'
import { useTranslation } from '../../i18n/useTranslation'
import { makePhase2Board } from '../../templates/serPhase2Board'
import { CountInput } from './CountInput'
import { useCountDraft } from './useCountDraft'
import { useWorkshopSession } from './WorkshopSession'

export function Phase2Section() {
  const { t } = useTranslation()
  const { t2 } = usePhase2Translation()
  const { editor, model, facilitator } = useWorkshopSession()
  const groups = useValue('table groups', () => model.tables.groups.get(), [model])
  const shown = useValue('example shown', () => model.phase2.exampleShown.get(), [model])
  const onBoard = useValue(
    'phase-2 board',
    () => boardBounds(editor, PHASE_2_BOARD) !== undefined,
    [editor],
  )
  const typedCount = useCountDraft('workshop/phase2/count', groups?.count ?? 4, MAX_TABLES)
  // How many worksheets the last click made: worded at render, so a language switch rewords it.
  const [made, setMade] = useState<number | null>(null)
  if (!facilitator) return null

  function make() {
    const count = typedCount.count
    const board = makePhase2Board(editor, model.dialogues, count, {
      board: t2('phase2.board.name'),
      table: (number) => t('workshop.groups.table', { number }),
      frame: (table) => t2('phase2.worksheet.frame', { table }),
      planTitle: (table) => t2('phase2.worksheet.planTitle', { table }),
    })
    typedCount.clear()
    setMade(count)
    const bounds = editor.getShapePageBounds(board)
    if (bounds) zoomToArea(editor, bounds)
  }

  return (
    <section aria-labelledby="phase2-heading">
      <h3 id="phase2-heading">{t2('phase2.panel.heading')}</h3>
      <p className="panel__muted">{t2('phase2.panel.intro')}</p>
      <div className="workshop__row">
        <CountInput
          label={t2('phase2.panel.tables')}
          max={MAX_TABLES}
          text={typedCount.text}
          onText={typedCount.setText}
        />
        <button type="button" className="button button--primary" onClick={make}>
          {t2('phase2.panel.make')}
        </button>
      </div>
      {onBoard && (
        <div className="exchange__buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              const bounds = boardBounds(editor, PHASE_2_BOARD)
              if (bounds) zoomToArea(editor, bounds)
            }}
          >
            {t2('phase2.panel.goTo')}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={shown}
            onClick={() => model.phase2.setExampleShown(!shown)}
          >
            {shown ? t2('phase2.panel.hideExample') : t2('phase2.panel.showExample')}
          </button>
        </div>
      )}
      {onBoard && (
        <p className="panel__muted" data-testid="example-state">
          {shown ? t2('phase2.panel.exampleShown') : t2('phase2.panel.exampleHidden')}
        </p>
      )}
      {made !== null && (
        <p role="status" className="panel__muted">
          {t2('phase2.panel.made', { count: made })}
        </p>
      )}
    </section>
  )
}
