/**
 * Things the panels do on the canvas: put cards and boards on it, find a stakeholder's
 * cards and bring one into view. Every action is one undoable step for the person doing it.
 */
import { type Editor, type TLShape, type TLShapeId, createShapeId } from 'tldraw'
import { MATRIX_SIZE, MATRIX_TYPE } from '../shapes/influence-impact-matrix/matrixShape'
import {
  SALIENCE_DIAGRAM_SIZE,
  type SALIENCE_DIAGRAM_TYPE,
} from '../shapes/salience-diagram/salienceDiagramShape'
import {
  type BoardRect,
  nearestFreePosition,
  rectsTouch,
} from '../../shared/workshop/nearestFreePosition'
import {
  CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../shapes/stakeholder-card/stakeholderCardShape'

const CARD_GAP = 24
const CARDS_PER_ROW = 5
/** Steps of {@link personalOffset}: 16 × 16 places, 12 px apart. */
const OFFSET_STEPS = 16
const OFFSET_STEP = 12

/**
 * Where one person's new cards are nudged to, 0–180 px right and down, the same for that
 * person every time. Two people adding cards at the same moment compute the same free spot;
 * without a nudge one person's cards land exactly on the other's and hide them. With it, two
 * people share a place once in 256.
 */
export function personalOffset(userId: string): { x: number; y: number } {
  let hash = 2166136261
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619)
  hash >>>= 0
  return {
    x: (hash % OFFSET_STEPS) * OFFSET_STEP,
    y: (Math.floor(hash / OFFSET_STEPS) % OFFSET_STEPS) * OFFSET_STEP,
  }
}

/** True for stakeholder cards. */
export function isStakeholderCard(
  shape: TLShape | null | undefined,
): shape is StakeholderCardShape {
  return shape?.type === STAKEHOLDER_CARD_TYPE
}

/** Cards showing `stakeholderId`, on every page. */
export function cardsShowing(editor: Editor, stakeholderId: string): StakeholderCardShape[] {
  return editor.store
    .allRecords()
    .filter(
      (record): record is StakeholderCardShape =>
        record.typeName === 'shape' &&
        isStakeholderCard(record) &&
        record.props.stakeholderId === stakeholderId,
    )
}

/**
 * A frame that holds other frames: an area (a table's, a phase's), whose empty parts are
 * room for cards. A frame of one assignment is not: its empty part is for that assignment's
 * notes, and in presenter mode its notes grow into it.
 */
function isAreaFrame(editor: Editor, shape: TLShape): boolean {
  return (
    shape.type === 'frame' &&
    editor.getSortedChildIdsForParent(shape.id).some((id) => editor.getShape(id)?.type === 'frame')
  )
}

/** More shapes in view than this, and new cards go below the content without a search. */
const FREE_SPOT_SEARCH_LIMIT = 500

/**
 * Where a block of new cards of `size` goes in the view: the free spot nearest the middle of
 * the screen, free meaning clear of every shape but the frames of areas ({@link
 * isAreaFrame}): at a table, whose view is its own area, wall to wall with its frame, the
 * table's new cards then appear where its people look instead of below the whole page, among
 * every other table's. Null when the view has no such spot.
 */
function freeSpotInView(
  editor: Editor,
  size: { w: number; h: number },
  nudge: { x: number; y: number },
): { x: number; y: number } | null {
  const view = editor.getViewportPageBounds()
  const occupied: BoardRect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (isAreaFrame(editor, shape)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds?.collides(view)) continue
    occupied.push({ x: bounds.x - view.x, y: bounds.y - view.y, w: bounds.w, h: bounds.h })
    if (occupied.length > FREE_SPOT_SEARCH_LIMIT) return null
  }
  const wanted = { x: view.w / 2 - size.w / 2 + nudge.x, y: view.h / 2 - size.h / 2 + nudge.y }
  const spot = nearestFreePosition(wanted, size, view, occupied)
  const block = { ...spot, ...size }
  if (size.w > view.w || size.h > view.h || occupied.some((other) => rectsTouch(block, other)))
    return null
  return { x: spot.x + view.x, y: spot.y + view.y }
}

/**
 * Lays new cards out in rows and selects them: at the free spot nearest the middle of the
 * screen ({@link freeSpotInView}), otherwise below everything on the page (then the view
 * follows them), so new cards never land on top of a board or of other cards; nudged by
 * {@link personalOffset}.
 */
export function addStakeholderCards(editor: Editor, stakeholderIds: string[]): TLShapeId[] {
  if (stakeholderIds.length === 0) return []
  const columns = Math.min(CARDS_PER_ROW, stakeholderIds.length)
  const rows = Math.ceil(stakeholderIds.length / CARDS_PER_ROW)
  const width = columns * (CARD_SIZE.w + CARD_GAP) - CARD_GAP
  const height = rows * (CARD_SIZE.h + CARD_GAP) - CARD_GAP
  const nudge = personalOffset(editor.user.getId())
  const inView = freeSpotInView(editor, { w: width, h: height }, nudge)
  const content = editor.getCurrentPageBounds()
  const belowContent = !inView && !!content
  const { x: left, y: top } =
    inView ??
    (content
      ? { x: content.minX + nudge.x, y: content.maxY + 120 + nudge.y }
      : { x: -width / 2 + nudge.x, y: -height / 2 + nudge.y })
  const ids = stakeholderIds.map(() => createShapeId())
  editor.run(() => {
    editor.createShapes<StakeholderCardShape>(
      stakeholderIds.map((stakeholderId, index) => ({
        id: ids[index],
        type: STAKEHOLDER_CARD_TYPE,
        x: left + (index % CARDS_PER_ROW) * (CARD_SIZE.w + CARD_GAP),
        y: top + Math.floor(index / CARDS_PER_ROW) * (CARD_SIZE.h + CARD_GAP),
        props: { stakeholderId, w: CARD_SIZE.w, h: CARD_SIZE.h },
      })),
    )
    editor.select(...ids)
  })
  if (belowContent) {
    editor.centerOnPoint(
      { x: left + width / 2, y: top + height / 2 },
      { animation: { duration: 250 } },
    )
  }
  return ids
}

/** Where a new board goes: right of everything on the page, so it covers nothing. */
export function freeSpotBesideContent(editor: Editor): { x: number; y: number } {
  const bounds = editor.getCurrentPageBounds()
  return bounds ? { x: bounds.maxX + 160, y: bounds.minY } : { x: 0, y: 0 }
}

/** Adds a matrix or a salience diagram beside the existing content and zooms to it. */
export function addBoard(editor: Editor, type: typeof MATRIX_TYPE | typeof SALIENCE_DIAGRAM_TYPE) {
  const size = type === MATRIX_TYPE ? MATRIX_SIZE : SALIENCE_DIAGRAM_SIZE
  const spot = freeSpotBesideContent(editor)
  const id = createShapeId()
  editor.run(() => {
    editor.createShape({
      id,
      type,
      x: spot.x,
      y: spot.y,
      props: { w: size.w, h: size.h, title: '' },
    })
    // Boards lie under the cards, so cards dropped on them are never hidden.
    editor.sendToBack([id])
    editor.select(id)
  })
  editor.zoomToSelection({ animation: { duration: 200 } })
  return id
}

/** Selects a card of the stakeholder and brings it into view; false when it has none. */
export function revealStakeholder(editor: Editor, stakeholderId: string): boolean {
  const cards = cardsShowing(editor, stakeholderId)
  const onPage = cards.find((card) => editor.getAncestorPageId(card) === editor.getCurrentPageId())
  const card = onPage ?? cards[0]
  if (!card) return false
  const pageId = editor.getAncestorPageId(card)
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  editor.select(card.id)
  const bounds = editor.getShapePageBounds(card.id)
  if (bounds) editor.centerOnPoint(bounds.center, { animation: { duration: 250 } })
  return true
}
