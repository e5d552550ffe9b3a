/**
 * Table groups on the board: one area per table (a frame holding the whole phase-1
 * template: the motivation notes, the internal-preparation checklist, and the matrix and
 * salience diagram of "who are our stakeholders"), laid out in a grid below the rest, so
 * the facilitator sees all groups at once. Ids are fixed per table, so two facilitators
 * splitting at once make one set.
 */
import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import type { Locale } from '../i18n/locale'
import { pointForScores } from '../shapes/influence-impact-matrix/matrixGeometry'
import { MATRIX_TYPE, type MatrixShape } from '../shapes/influence-impact-matrix/matrixShape'
import {
  SALIENCE_DIAGRAM_TYPE,
  type SalienceDiagramShape,
} from '../shapes/salience-diagram/salienceDiagramShape'
import { findSlot } from '../shapes/salience-diagram/salienceGeometry'
import { salienceAssessment } from '../../shared/scoring/salienceAssessment'
import { nearestFreePosition } from '../../shared/workshop/nearestFreePosition'
import { MAX_TABLES } from '../../shared/workshop/tableGroups'
import {
  COMPACT_CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../shapes/stakeholder-card/stakeholderCardShape'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { markKeptAsPlaced } from '../canvas/placedForUser'
import { SER_PHASE_1_TEMPLATE_SIZE, applySerPhase1Template } from '../templates/serPhase1Template'

const PADDING = 80
const AREA_W = PADDING + SER_PHASE_1_TEMPLATE_SIZE.w + PADDING
const AREA_H = PADDING + SER_PHASE_1_TEMPLATE_SIZE.h + PADDING
const AREA_GAP = 300

/** Ids of table `index`'s frame and boards (the template's ids with prefix `table-<index>`). */
export function groupShapeIds(index: number) {
  return {
    frame: createShapeId(`table-${index}-frame`),
    matrix: createShapeId(`table-${index}-matrix`),
    salience: createShapeId(`table-${index}-salience`),
  }
}

/** Columns of the tables' grid: 4 tables as 2 × 2, so all fit on one screen together. */
function columnsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)))
}

/**
 * Creates the areas of tables 1..count that do not exist yet, in `locale` (the
 * facilitator's language); answers the frame ids. The grid starts where table 1's area is,
 * or below everything on the board when there is none yet.
 */
export function ensureGroupAreas(
  editor: Editor,
  count: number,
  tableName: (n: number) => string,
  locale: Locale,
): TLShapeId[] {
  const first = editor.getShapePageBounds(groupShapeIds(0).frame)
  const existing = editor.getCurrentPageBounds()
  const left = first ? first.minX : existing ? existing.minX : 0
  const top = first ? first.minY : existing ? existing.maxY + 400 : 0
  const columns = columnsFor(count)
  const frames: TLShapeId[] = []
  editor.run(() => {
    for (let index = 0; index < count; index++) {
      const ids = groupShapeIds(index)
      frames.push(ids.frame)
      if (editor.getShape(ids.frame)) continue
      editor.createShape({
        id: ids.frame,
        type: 'frame',
        x: left + (index % columns) * (AREA_W + AREA_GAP),
        y: top + Math.floor(index / columns) * (AREA_H + AREA_GAP),
        props: { w: AREA_W, h: AREA_H, name: tableName(index + 1) },
      })
      applySerPhase1Template(editor, locale, {
        prefix: `table-${index}`,
        origin: { x: PADDING, y: PADDING },
        parentId: ids.frame,
      })
      // The boards carry the table's name, so a card brought elsewhere says where it came from.
      editor.updateShapes([
        { id: ids.matrix, type: MATRIX_TYPE, props: { title: tableName(index + 1) } },
        { id: ids.salience, type: SALIENCE_DIAGRAM_TYPE, props: { title: tableName(index + 1) } },
      ])
    }
  })
  return frames
}

/** The plenary boards: the first matrix and salience diagram that belong to no table. */
function plenaryBoards(editor: Editor) {
  const tableIds = new Set<string>()
  for (let index = 0; index < MAX_TABLES; index++) {
    const ids = groupShapeIds(index)
    tableIds.add(ids.matrix)
    tableIds.add(ids.salience)
  }
  const shapes = editor.getCurrentPageShapesSorted()
  return {
    matrix: shapes.find((s): s is MatrixShape => s.type === MATRIX_TYPE && !tableIds.has(s.id)),
    salience: shapes.find(
      (s): s is SalienceDiagramShape => s.type === SALIENCE_DIAGRAM_TYPE && !tableIds.has(s.id),
    ),
  }
}

/**
 * Brings table `index`'s result into the plenary boards: a card for each of its
 * stakeholders that the plenary board does not show yet, placed by the stakeholder's scores
 * (the table's assessment is the stakeholder's assessment) but covering no card already
 * there. Cards are bigger than a half point on the matrix, so a card beside another of the
 * same scores sits up to a card's size off its exact point; it is kept where it is put and
 * its scores stay as they are (placedForUser.ts), until someone moves it or changes them.
 * Answers how many cards it added.
 */
export function bringGroupIntoPlenary(
  editor: Editor,
  registry: StakeholderRegistry,
  index: number,
): number {
  const ids = groupShapeIds(index)
  const plenary = plenaryBoards(editor)
  let added = 0
  editor.run(() => {
    for (const [source, target] of [
      [ids.matrix, plenary.matrix],
      [ids.salience, plenary.salience],
    ] as const) {
      if (!target) continue
      const shown = new Set(
        editor
          .getSortedChildIdsForParent(target.id)
          .map((id) => editor.getShape(id))
          .filter((shape): shape is StakeholderCardShape => shape?.type === STAKEHOLDER_CARD_TYPE)
          .map((card) => card.props.stakeholderId),
      )
      for (const childId of editor.getSortedChildIdsForParent(source)) {
        const card = editor.getShape(childId)
        if (card?.type !== STAKEHOLDER_CARD_TYPE) continue
        const stakeholderId = (card as StakeholderCardShape).props.stakeholderId
        const stakeholder = registry.get(stakeholderId)
        if (!stakeholder || shown.has(stakeholderId)) continue
        const { w, h } = target.props
        // Every card already on the board (brought just now too): the new one covers none.
        const occupied = editor
          .getSortedChildIdsForParent(target.id)
          .map((id) => editor.getShape(id))
          .filter((shape): shape is StakeholderCardShape => shape?.type === STAKEHOLDER_CARD_TYPE)
          .map((other) => ({ x: other.x, y: other.y, w: other.props.w, h: other.props.h }))
        let x: number
        let y: number
        if (target.type === MATRIX_TYPE) {
          if (stakeholder.influence === null || stakeholder.impact === null) continue
          const scores = { influence: stakeholder.influence, impact: stakeholder.impact }
          const point = pointForScores(scores, w, h)
          ;({ x, y } = nearestFreePosition(
            { x: point.x - COMPACT_CARD_SIZE.w / 2, y: point.y - COMPACT_CARD_SIZE.h / 2 },
            COMPACT_CARD_SIZE,
            { w, h },
            occupied,
          ))
        } else {
          // An unscored stakeholder has no region yet (as an unplaced one has no point).
          const salience = salienceAssessment(stakeholder)
          if (salience.status !== 'assessed') continue
          // The free spot in its region nearest the region's anchor (stacked when it is full:
          // a spot outside would say another class).
          ;({ x, y } = findSlot(salience.salienceClass, w, h, COMPACT_CARD_SIZE, occupied))
        }
        const cardId = createShapeId()
        markKeptAsPlaced(editor, cardId)
        editor.createShape<StakeholderCardShape>({
          id: cardId,
          type: STAKEHOLDER_CARD_TYPE,
          parentId: target.id,
          x,
          y,
          props: { stakeholderId, w: COMPACT_CARD_SIZE.w, h: COMPACT_CARD_SIZE.h },
        })
        shown.add(stakeholderId)
        added++
      }
    }
  })
  return added
}
