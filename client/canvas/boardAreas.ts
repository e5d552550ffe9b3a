/**
 * Where a board (shared/workshop/boardLinks.ts) is on the canvas. A board is a frame with
 * the id `board-<board id>`, and a table's part of it a frame `board-<board id>-table-<n>`
 * (0-based): a board anyone builds is found, opened from the agenda and split over the
 * tables by giving its frames these ids. Phases 1 and 4 were built before: phase 1's tables'
 * areas are the frames of table groups (tableGroups.ts) and the board as a whole the seeded
 * template; phase 4's are the follow-up boards (followUpBoardTemplate.ts), one per table
 * (`table-<n>-followup`) or one plenary board (`ser4-followup`). The self-assessment's first
 * board is itself the shape `board-self-assessment` (showSelfAssessmentBoard.ts).
 */
import { type Box, type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { BOARD_ID_PATTERN, PHASE_1_BOARD, PHASE_4_BOARD } from '../../shared/workshop/boardLinks'
import { MAX_TABLES } from '../../shared/workshop/tableGroups'
import { SELF_ASSESSMENT_BOARD_TYPE } from '../shapes/self-assessment-board/selfAssessmentBoardShape'
import { followUpBoardIds } from '../templates/followUpBoardTemplate'
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
  if (board === PHASE_1_BOARD) return groupShapeIds(index).frame
  if (board === PHASE_4_BOARD) return followUpBoardIds(`table-${index}`).frame
  return createShapeId(`board-${board}-table-${index}`)
}

/** The frames an older board is made of (phase 1 and 4), or null for a `board-<id>` one. */
function framesOf(board: string): TLShapeId[] | null {
  if (board === PHASE_1_BOARD) return Object.values(templateFrameIds(SEEDED_TEMPLATE_PREFIX))
  if (board !== PHASE_4_BOARD) return null
  const tables = Array.from({ length: MAX_TABLES }, (_, index) => boardTableFrameId(board, index))
  return [followUpBoardIds('ser4').frame, ...tables]
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
  const frames = framesOf(board)
  if (frames === null) return editor.getShapePageBounds(boardFrameId(board))
  const bounds = frames
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
  for (const board of [PHASE_1_BOARD, PHASE_4_BOARD]) {
    if (boardBounds(editor, board)) found.push({ board, name: '' })
  }
  for (const shape of editor.getCurrentPageShapes()) {
    const board = BOARD_FRAME.exec(shape.id)?.[1]
    // A board is a frame; the self-assessment's board is its own shape (not in a frame).
    const boardShape = shape.type === 'frame' || shape.type === SELF_ASSESSMENT_BOARD_TYPE
    if (!boardShape || !board || TABLE_SUFFIX.test(board)) continue
    if (!BOARD_ID_PATTERN.test(board)) continue
    found.push({ board, name: (shape.props as { name?: string }).name ?? board })
  }
  return found
}

/** Zooms the view to `area`, animated unless asked not to. */
export function zoomToArea(editor: Editor, area: Box, animate = true) {
  editor.zoomToBounds(area, { inset: 40, ...(animate ? { animation: { duration: 400 } } : {}) })
}
