/**
 * For the facilitator, beside an agenda block: which board on the canvas the block opens
 * (shared/workshop/boardLinks.ts; phase 2's worksheets by default, any board with a
 * `board-<id>` frame can be chosen) and a button that opens it for everyone. Starting the
 * block's timer opens it too (AgendaModel.start).
 */
import { useId } from 'react'
import { useValue } from 'tldraw'
import { type AgendaBlock, boardOf } from '../../../shared/workshop/agenda'
import {
  PHASE_1_BOARD,
  PHASE_2_BOARD,
  PHASE_4_BOARD,
  SELF_ASSESSMENT_BOARD,
} from '../../../shared/workshop/boardLinks'
import { boardBounds, boardsOnPage, zoomToArea } from '../../canvas/boardAreas'
import { usePhase2Translation } from '../../i18n/phase2Messages'
import { useWorkshopSession } from './WorkshopSession'

export function AgendaBoardLink({ block, name }: { block: AgendaBlock; name: string }) {
  const { t2 } = usePhase2Translation()
  const { editor, model } = useWorkshopSession()
  const id = useId()
  const board = boardOf(block)
  const boards = useValue('boards on page', () => boardsOnPage(editor), [editor])
  const present = board !== null && boards.some((each) => each.board === board)
  const choices = [...boards]
  if (board !== null && !present) choices.push({ board, name: board })
  const nameOf = (each: { board: string; name: string }) =>
    each.board === PHASE_1_BOARD
      ? t2('boards.phase1')
      : each.board === PHASE_4_BOARD
        ? t2('boards.phase4')
        : each.board === SELF_ASSESSMENT_BOARD
          ? t2('boards.selfAssessment')
          : each.board === PHASE_2_BOARD
            ? t2('phase2.board.name')
            : each.name || each.board
  return (
    <span className="workshop__agenda-board">
      <label htmlFor={id} className="visually-hidden">
        {t2('boards.link', { name })}
      </label>
      <select
        id={id}
        value={board ?? ''}
        data-testid={`board-link-${block.id}`}
        onChange={(event) => model.agenda.linkBoard(block.id, event.target.value)}
      >
        <option value="">{t2('boards.none')}</option>
        {choices.map((each) => (
          <option key={each.board} value={each.board}>
            {nameOf(each)}
          </option>
        ))}
      </select>
      {board !== null && (
        <button
          type="button"
          className="button"
          data-testid={`open-board-${block.id}`}
          aria-label={t2('boards.openNamed', { name })}
          title={present ? undefined : t2('boards.missing')}
          disabled={!present}
          onClick={() => {
            model.agenda.openBoard(block)
            const area = boardBounds(editor, board)
            if (area) zoomToArea(editor, area)
          }}
        >
          {t2('boards.open')}
        </button>
      )}
    </span>
  )
}
