/**
 * A stakeholder's views on the two kinds of board. The matrix and the salience diagram
 * assess different things (influence and impact; power, legitimacy and urgency), so one
 * record may have a card in each; every card is only a view of the record.
 *
 * Policy, the same for the editor's "show in …" buttons, for scores given in the register
 * or the editor (placeScoredStakeholders.ts) and for a card dragged from one kind of board
 * to the other (cardPlacement.ts), on the page in view:
 * - a stakeholder already shown on a board of that kind is left alone;
 * - else its card on the open canvas (on no board) moves into the board;
 * - else it gets a new card there, beside its other views.
 * A card's place on a board is where the record's scores put it, so nothing is shown on a
 * board whose scores are not given yet.
 */
import { type Editor, type TLShape, type TLShapeId, createShapeId } from 'tldraw'
import { classifySalience } from '../../shared/scoring/classifySalience'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import { pointForScores } from '../shapes/influence-impact-matrix/matrixGeometry'
import { MATRIX_TYPE, type MatrixShape } from '../shapes/influence-impact-matrix/matrixShape'
import {
  SALIENCE_DIAGRAM_TYPE,
  type SalienceDiagramShape,
} from '../shapes/salience-diagram/salienceDiagramShape'
import { findSlot } from '../shapes/salience-diagram/salienceGeometry'
import { isSalienceAssessed } from '../../shared/scoring/salienceAssessment'
import {
  COMPACT_CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../shapes/stakeholder-card/stakeholderCardShape'
import { isStakeholderCard } from './boardActions'
import { markPlacedForUser } from './placedForUser'

/** The two kinds of board a card can sit on. */
export type BoardKind = 'matrix' | 'salience'

/** A matrix or a salience diagram. */
export type Board = MatrixShape | SalienceDiagramShape

const TYPE_OF_KIND: Record<BoardKind, Board['type']> = {
  matrix: MATRIX_TYPE,
  salience: SALIENCE_DIAGRAM_TYPE,
}

/** The kind of board `shape` is, or null for any other shape. */
function boardKindOf(shape: TLShape | undefined | null): BoardKind | null {
  if (shape?.type === MATRIX_TYPE) return 'matrix'
  if (shape?.type === SALIENCE_DIAGRAM_TYPE) return 'salience'
  return null
}

/** True when the record has the scores that give it a place on a board of `kind`. */
export function hasScoresFor(kind: BoardKind, stakeholder: Stakeholder): boolean {
  return kind === 'matrix'
    ? stakeholder.influence !== null && stakeholder.impact !== null
    : isSalienceAssessed(stakeholder)
}

/** The board a card sits on, or null when it is on the open canvas (or in a frame). */
function boardOf(editor: Editor, card: StakeholderCardShape): Board | null {
  const parent = editor.getShape(card.parentId as TLShapeId)
  return boardKindOf(parent) ? (parent as Board) : null
}

/** The cards of a stakeholder on boards of `kind` on the current page. Reactive. */
export function cardsOnBoards(
  editor: Editor,
  stakeholderId: string,
  kind: BoardKind,
): StakeholderCardShape[] {
  return editor
    .getCurrentPageShapes()
    .filter(
      (shape): shape is StakeholderCardShape =>
        isStakeholderCard(shape) &&
        shape.props.stakeholderId === stakeholderId &&
        boardKindOf(editor.getShape(shape.parentId as TLShapeId)) === kind,
    )
}

/** True when `board` takes cards now (a locked board does not; see the board's util). */
function acceptsCards(editor: Editor, board: Board): boolean {
  return editor.getShapeUtil(board).canReceiveNewChildrenOfType(board, STAKEHOLDER_CARD_TYPE)
}

/** The boards of `kind` on the current page that take cards. Reactive. */
export function boardsOfKind(editor: Editor, kind: BoardKind): Board[] {
  return editor
    .getCurrentPageShapes()
    .filter((shape): shape is Board => shape.type === TYPE_OF_KIND[kind])
    .filter((board) => acceptsCards(editor, board))
}

/**
 * Top-left corner, in the board's coordinates, of a compact card of `stakeholder` on
 * `board`: the point of its scores in a matrix, a free place in its class's region in a
 * diagram (`except`: a card not to count as taking room, such as the one being placed).
 */
function cardSpotOnBoard(
  editor: Editor,
  board: Board,
  stakeholder: Stakeholder,
  except?: TLShapeId,
): { x: number; y: number } {
  const size = COMPACT_CARD_SIZE
  const { w, h } = board.props
  if (board.type === MATRIX_TYPE) {
    // Callers place only scored stakeholders (hasScoresFor); the midpoint is never used.
    const point = pointForScores(
      { influence: stakeholder.influence ?? 3, impact: stakeholder.impact ?? 3 },
      w,
      h,
    )
    return { x: point.x - size.w / 2, y: point.y - size.h / 2 }
  }
  const occupied = editor
    .getSortedChildIdsForParent(board.id)
    .filter((id) => id !== except)
    .map((id) => editor.getShape(id))
    .filter(isStakeholderCard)
    .map((other) => ({ x: other.x, y: other.y, w: other.props.w, h: other.props.h }))
  return findSlot(classifySalience(stakeholder), w, h, size, occupied)
}

function distance(editor: Editor, a: TLShape, b: { x: number; y: number }) {
  const centre = editor.getShapePageBounds(a)?.center
  return centre ? Math.hypot(centre.x - b.x, centre.y - b.y) : Infinity
}

/** What {@link showInBoard} did. */
export type ShowInBoardResult = 'already-shown' | 'moved' | 'created' | 'no-board' | 'not-scored'

/**
 * Shows `stakeholder` on a board of `kind` on the current page, by the policy above: the
 * board nearest to its open-canvas card, or to the middle of the view. `undoable`: false
 * when the placement follows from a change to the record rather than from an action of
 * its own (the record's undo then leaves the card where it is).
 */
export function showInBoard(
  editor: Editor,
  stakeholder: Stakeholder,
  kind: BoardKind,
  { undoable }: { undoable: boolean },
): ShowInBoardResult {
  if (cardsOnBoards(editor, stakeholder.id, kind).length > 0) return 'already-shown'
  if (!hasScoresFor(kind, stakeholder)) return 'not-scored'
  const loose = editor
    .getCurrentPageShapes()
    .find(
      (shape): shape is StakeholderCardShape =>
        isStakeholderCard(shape) &&
        shape.props.stakeholderId === stakeholder.id &&
        !boardOf(editor, shape),
    )
  const from = loose
    ? editor.getShapePageBounds(loose)!.center
    : editor.getViewportPageBounds().center
  const [board] = boardsOfKind(editor, kind).sort(
    (a, b) => distance(editor, a, from) - distance(editor, b, from),
  )
  if (!board) return 'no-board'
  const spot = cardSpotOnBoard(editor, board, stakeholder, loose?.id)
  const size = { w: COMPACT_CARD_SIZE.w, h: COMPACT_CARD_SIZE.h }
  editor.run(
    () => {
      if (loose) {
        markPlacedForUser(editor, loose.id)
        editor.reparentShapes([loose.id], board.id)
        editor.updateShape<StakeholderCardShape>({
          id: loose.id,
          type: STAKEHOLDER_CARD_TYPE,
          ...spot,
          props: size,
        })
      } else {
        editor.createShape<StakeholderCardShape>({
          id: createShapeId(),
          type: STAKEHOLDER_CARD_TYPE,
          parentId: board.id,
          ...spot,
          props: { stakeholderId: stakeholder.id, ...size },
        })
      }
    },
    { history: undoable ? 'record' : 'ignore' },
  )
  return loose ? 'moved' : 'created'
}

/**
 * After this user dragged a card from a board of one kind onto a board of the other: puts a
 * card back on the board it came from, where the scores say, so the stakeholder keeps its
 * view there. Part of the drag's undo step. Answers the new card's id, or null when none
 * was needed (another card shows it there, or that board's scores are not given).
 */
export function keepViewOnBoard(
  editor: Editor,
  stakeholder: Stakeholder,
  card: StakeholderCardShape,
  left: Board,
): TLShapeId | null {
  const now = boardOf(editor, card)
  const kind = boardKindOf(left)!
  if (!now || boardKindOf(now) === kind || !acceptsCards(editor, left)) return null
  if (cardsOnBoards(editor, stakeholder.id, kind).length > 0) return null
  if (!hasScoresFor(kind, stakeholder)) return null
  const id = createShapeId()
  editor.createShape<StakeholderCardShape>({
    id,
    type: STAKEHOLDER_CARD_TYPE,
    parentId: left.id,
    ...cardSpotOnBoard(editor, left, stakeholder),
    props: { stakeholderId: stakeholder.id, w: COMPACT_CARD_SIZE.w, h: COMPACT_CARD_SIZE.h },
  })
  return id
}
