/**
 * Where a board (shared/workshop/boardLinks.ts) is on the canvas. A board is a frame with
 * the id `board-<board id>`, and a table's part of it a frame `board-<board id>-table-<n>`
 * (0-based): a board anyone builds is found, opened from the agenda and split over the
 * tables by giving its frames these ids. Phase 1 is older: its tables' areas are the frames
 * of table groups (tableGroups.ts), and the board as a whole is the seeded template.
 */
import { type Box, type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { BOARD_ID_PATTERN, PHASE_1_BOARD } from '../../shared/workshop/boardLinks'
import { SEEDED_TEMPLATE_PREFIX, templateFrameIds } from '../templates/serPhase1Template'
import { groupShapeIds } from '../workshop/tableGroups'

const BOARD_FRAME = /^shape:board-([a-z0-9][a-z0-9-]{0,59})$/
const TABLE_SUFFIX = /-table-\d+$/

/** The frame of board `board`. */
export function boardFrameId(board: string): TLShapeId {
  return createShapeId(`board-${board}`)
}

/** The frame of table `index`'s part of board `board`. */
export function boardTableFrameId(board: string, index: number): TLShapeId {
  return board === PHASE_1_BOARD
    ? groupShapeIds(index).frame
    : createShapeId(`board-${board}-table-${index}`)
}

/**
 * The frame of table `index` a person at that table belongs on: its part of `board` (the
 * board the facilitator opened last) when that board has one on the page, else its phase-1
 * area.
 */
export function tableFrameOn(editor: Editor, board: string | null, index: number): TLShapeId {
  const onBoard = board === null ? null : boardTableFrameId(board, index)
  return onBoard && editor.getShape(onBoard) ? onBoard : groupShapeIds(index).frame
}

/** The area board `board` takes on the page, or undefined when it is not there. */
export function boardBounds(editor: Editor, board: string): Box | undefined {
  if (board !== PHASE_1_BOARD) return editor.getShapePageBounds(boardFrameId(board))
  const bounds = Object.values(templateFrameIds(SEEDED_TEMPLATE_PREFIX))
    .map((id) => editor.getShapePageBounds(id))
    .filter((each): each is Box => each !== undefined)
  const [first, ...rest] = bounds
  return first ? rest.reduce((all, each) => all.union(each), first.clone()) : undefined
}

/** The area of table `index`'s part of board `board`, when the board has one. */
export function boardTableBounds(editor: Editor, board: string, index: number): Box | undefined {
  return editor.getShapePageBounds(boardTableFrameId(board, index))
}

/** The boards on the current page, by id, with their frames' names. */
export function boardsOnPage(editor: Editor): { board: string; name: string }[] {
  const found: { board: string; name: string }[] = []
  if (boardBounds(editor, PHASE_1_BOARD)) found.push({ board: PHASE_1_BOARD, name: '' })
  for (const shape of editor.getCurrentPageShapes()) {
    const board = BOARD_FRAME.exec(shape.id)?.[1]
    if (shape.type !== 'frame' || !board || TABLE_SUFFIX.test(board)) continue
    if (!BOARD_ID_PATTERN.test(board)) continue
    found.push({ board, name: (shape.props as { name?: string }).name ?? board })
  }
  return found
}

/** Zooms the view to `area`, animated unless asked not to. */
export function zoomToArea(editor: Editor, area: Box, animate = true) {
  editor.zoomToBounds(area, { inset: 40, ...(animate ? { animation: { duration: 400 } } : {}) })
}
