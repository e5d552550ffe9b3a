/**
 * What the projector draws where (presenter mode, presenterMode.ts): the name plates of cards
 * waiting off the boards (waitingPlateGrid.ts), and sticky notes and checklist items with
 * their text enlarged (textBlockReflow.ts). Worked out once per editor from the shapes on
 * the page and the zoom; each shape reads its own spot. Outside presenter mode there is
 * nothing (and nothing is read), so a laptop's editor pays nothing for it.
 */
import {
  type Editor,
  type TLNoteShape,
  type TLShape,
  type TLShapeId,
  computed,
  type Computed,
  renderPlaintextFromRichText,
} from 'tldraw'
import { isPresenting } from '../map/presenterMode'
import {
  CHECKLIST_ITEM_TYPE,
  type ChecklistItemShape,
} from '../shapes/checklist-item/checklistItemShape'
import { MATRIX_TYPE } from '../shapes/influence-impact-matrix/matrixShape'
import { SALIENCE_DIAGRAM_TYPE } from '../shapes/salience-diagram/salienceDiagramShape'
import {
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../shapes/stakeholder-card/stakeholderCardShape'
import { reflowTextBlocks, type TextBlock } from './textBlockReflow'
import { type Area, waitingPlateGrid } from './waitingPlateGrid'

/** Where a shape's presenter drawing goes (its parent's coordinates) and its type size. */
export interface PresenterSpot extends Area {
  fontSize: number
}

/** Type on a card's name plate: 25 px on the screen at least (as styles.css sets it). */
export function plateFontSize(zoom: number) {
  return Math.max(30, 25 / zoom)
}

/** Body text (notes, checklist items) on the projector, in screen pixels. */
export const BODY_TEXT_PX = 18.5

/**
 * The least body text is set at, in screen pixels: notes in a row right above a board (the
 * SER template's prompts above its matrix) are set down to it rather than cover the board.
 */
export const SMALLEST_BODY_TEXT_PX = 15

/** From this zoom on a note's and checklist item's own type reads well enough. */
const OWN_TEXT_ZOOM = 1

/** From this zoom on cards show in full (cardRendering.ts), without plates. */
const FULL_CARD_ZOOM = 2

const layouts = new WeakMap<Editor, Computed<Map<TLShapeId, PresenterSpot>>>()

function isBoard(shape: TLShape | undefined) {
  return shape?.type === MATRIX_TYPE || shape?.type === SALIENCE_DIAGRAM_TYPE
}

function areaOf(shape: TLShape): Area {
  const { w, h } = shape.props as { w?: number; h?: number }
  return { x: shape.x, y: shape.y, w: w ?? 0, h: h ?? 0 }
}

function layout(editor: Editor): Map<TLShapeId, PresenterSpot> {
  const spots = new Map<TLShapeId, PresenterSpot>()
  if (!isPresenting(editor)) return spots
  const zoom = editor.getEfficientZoomLevel()
  const shapes = editor.getCurrentPageShapes()
  if (zoom < FULL_CARD_ZOOM) {
    const fontSize = plateFontSize(zoom)
    const waiting = new Map<string, StakeholderCardShape[]>()
    for (const shape of shapes) {
      if (shape.type !== STAKEHOLDER_CARD_TYPE) continue
      if (isBoard(editor.getShape(shape.parentId as TLShapeId))) continue
      const cards = waiting.get(shape.parentId) ?? []
      cards.push(shape as StakeholderCardShape)
      waiting.set(shape.parentId, cards)
    }
    for (const cards of waiting.values()) {
      const plates = waitingPlateGrid(
        cards.map((card) => ({
          id: card.id,
          ...areaOf(card),
          // The card's text is its stakeholder's name (StakeholderCardShapeUtil.getText).
          name: editor.getShapeUtil(card).getText(card) ?? '',
        })),
        fontSize,
      )
      for (const [id, area] of plates) spots.set(id as TLShapeId, { ...area, fontSize })
    }
  }
  if (zoom < OWN_TEXT_ZOOM) {
    const fontSize = BODY_TEXT_PX / zoom
    for (const frame of shapes) {
      if (frame.type !== 'frame') continue
      const blocks: TextBlock[] = []
      const others: Area[] = []
      for (const id of editor.getSortedChildIdsForParent(frame.id)) {
        const child = editor.getShape(id)
        if (!child) continue
        if (child.type === 'note') {
          const note = child as TLNoteShape
          const bounds = editor.getShapeGeometry(note).bounds
          blocks.push({
            id,
            x: note.x,
            y: note.y,
            w: bounds.w,
            h: bounds.h,
            text: renderPlaintextFromRichText(editor, note.props.richText),
          })
        } else if (child.type === CHECKLIST_ITEM_TYPE) {
          // Beside the text: the tick box, the gap and the item's padding (styles.css).
          blocks.push({
            id,
            ...areaOf(child),
            text: (child as ChecklistItemShape).props.text,
            besideText: 32 + 16 + 2 * 16,
          })
        } else {
          others.push(areaOf(child))
        }
      }
      if (blocks.length === 0) continue
      const areas = reflowTextBlocks(blocks, areaOf(frame).w, others, {
        fontSize,
        smallestFontSize: SMALLEST_BODY_TEXT_PX / zoom,
        // As styles.css sets .presenter-note; the glyph width errs on the wide side.
        glyphEm: 0.58,
        lineHeight: 1.2,
        insetXEm: 0.5,
        insetYEm: 0.3,
      })
      for (const [id, area] of areas) spots.set(id as TLShapeId, area)
    }
  }
  return spots
}

/** Where the projector draws shape `id`, or undefined to draw it as usual. Reactive. */
export function presenterSpot(editor: Editor, id: TLShapeId): PresenterSpot | undefined {
  let computedLayout = layouts.get(editor)
  if (!computedLayout) {
    computedLayout = computed('presenter layout', () => layout(editor))
    layouts.set(editor, computedLayout)
  }
  return computedLayout.get().get(id)
}
