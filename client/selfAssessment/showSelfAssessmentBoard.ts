/**
 * "Show on the canvas" for a self-assessment: brings its board into view, or, when the map
 * has none yet, adds one beside everything else on the page (it covers nothing) and zooms
 * to it, as adding a matrix does. The map's first such board is `board-self-assessment`, so
 * the agenda's opening block opens it (boardLinks.ts).
 */
import { type Editor, createShapeId } from 'tldraw'
import { SELF_ASSESSMENT_BOARD } from '../../shared/workshop/boardLinks'
import { freeSpotBesideContent } from '../canvas/boardActions'
import { boardFrameId } from '../canvas/boardAreas'
import {
  SELF_ASSESSMENT_BOARD_SIZE,
  SELF_ASSESSMENT_BOARD_TYPE,
  type SelfAssessmentBoardShape,
} from '../shapes/self-assessment-board/selfAssessmentBoardShape'

/** The boards showing this self-assessment, on any page. */
export function boardsShowing(editor: Editor, assessmentId: string): SelfAssessmentBoardShape[] {
  return [...editor.store.allRecords()].filter(
    (record): record is SelfAssessmentBoardShape =>
      record.typeName === 'shape' &&
      record.type === SELF_ASSESSMENT_BOARD_TYPE &&
      (record as SelfAssessmentBoardShape).props.assessmentId === assessmentId,
  )
}

/** Selects the assessment's board (adding one if none) and zooms to it; answers its id. */
export function showSelfAssessmentBoard(editor: Editor, assessmentId: string) {
  const existing = boardsShowing(editor, assessmentId)
  const onPage = existing.find(
    (board) => editor.getAncestorPageId(board) === editor.getCurrentPageId(),
  )
  const board = onPage ?? existing[0]
  if (board) {
    const pageId = editor.getAncestorPageId(board)
    if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
    editor.select(board.id)
    editor.zoomToSelection({ animation: { duration: 200 } })
    return board.id
  }
  const spot = freeSpotBesideContent(editor)
  // The map's first board has the board id the agenda links to (boardLinks.ts); more boards
  // (another assessment) get ids of their own.
  const linked = boardFrameId(SELF_ASSESSMENT_BOARD)
  const id = editor.getShape(linked) ? createShapeId() : linked
  editor.run(() => {
    editor.createShape<SelfAssessmentBoardShape>({
      id,
      type: SELF_ASSESSMENT_BOARD_TYPE,
      x: spot.x,
      y: spot.y,
      props: { ...SELF_ASSESSMENT_BOARD_SIZE, assessmentId },
    })
    editor.select(id)
  })
  editor.zoomToSelection({ animation: { duration: 200 } })
  return id
}
