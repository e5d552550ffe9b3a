/**
 * Table groups on the board: one area per table (a frame with its own matrix and salience
 * diagram), laid out side by side below the rest, so the facilitator sees all groups at
 * once. Ids are fixed per table, so two facilitators splitting at once make one set.
 */
import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { pointForScores } from '../shapes/influence-impact-matrix/matrixGeometry'
import {
  MATRIX_SIZE,
  MATRIX_TYPE,
  type MatrixShape,
} from '../shapes/influence-impact-matrix/matrixShape'
import {
  SALIENCE_DIAGRAM_SIZE,
  SALIENCE_DIAGRAM_TYPE,
  type SalienceDiagramShape,
} from '../shapes/salience-diagram/salienceDiagramShape'
import { findSlot } from '../shapes/salience-diagram/salienceGeometry'
import { salienceAssessment } from '../../shared/scoring/salienceAssessment'
import {
  COMPACT_CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../shapes/stakeholder-card/stakeholderCardShape'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'

const GAP = 60
const AREA_W = GAP + MATRIX_SIZE.w + GAP + SALIENCE_DIAGRAM_SIZE.w + GAP
const AREA_H = GAP + Math.max(MATRIX_SIZE.h, SALIENCE_DIAGRAM_SIZE.h) + GAP

/** Ids of table `index`'s frame and boards. */
export function groupShapeIds(index: number) {
  return {
    frame: createShapeId(`table-${index}-frame`),
    matrix: createShapeId(`table-${index}-matrix`),
    salience: createShapeId(`table-${index}-salience`),
  }
}

/** Creates the areas of tables 1..count that do not exist yet; answers the frame ids. */
export function ensureGroupAreas(
  editor: Editor,
  count: number,
  tableName: (n: number) => string,
): TLShapeId[] {
  const existing = editor.getCurrentPageBounds()
  const top = existing ? existing.maxY + 400 : 0
  const left = existing ? existing.minX : 0
  const frames: TLShapeId[] = []
  editor.run(() => {
    for (let index = 0; index < count; index++) {
      const ids = groupShapeIds(index)
      frames.push(ids.frame)
      if (editor.getShape(ids.frame)) continue
      const x = left + index * (AREA_W + 200)
      editor.createShapes([
        {
          id: ids.frame,
          type: 'frame',
          x,
          y: top,
          props: { w: AREA_W, h: AREA_H, name: tableName(index + 1) },
        },
        {
          id: ids.matrix,
          type: MATRIX_TYPE,
          parentId: ids.frame,
          x: GAP,
          y: GAP,
          props: { w: MATRIX_SIZE.w, h: MATRIX_SIZE.h, title: tableName(index + 1) },
        },
        {
          id: ids.salience,
          type: SALIENCE_DIAGRAM_TYPE,
          parentId: ids.frame,
          x: GAP + MATRIX_SIZE.w + GAP,
          y: GAP,
          props: {
            w: SALIENCE_DIAGRAM_SIZE.w,
            h: SALIENCE_DIAGRAM_SIZE.h,
            title: tableName(index + 1),
          },
        },
      ])
    }
  })
  return frames
}

/** The plenary boards: the first matrix and salience diagram that belong to no table. */
function plenaryBoards(editor: Editor) {
  const tableIds = new Set<string>()
  for (let index = 0; index < 12; index++) {
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
 * (the table's assessment is the stakeholder's assessment). Answers how many cards it added.
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
        let x: number
        let y: number
        if (target.type === MATRIX_TYPE) {
          if (stakeholder.influence === null || stakeholder.impact === null) continue
          const point = pointForScores(
            { influence: stakeholder.influence, impact: stakeholder.impact },
            w,
            h,
          )
          x = point.x - COMPACT_CARD_SIZE.w / 2
          y = point.y - COMPACT_CARD_SIZE.h / 2
        } else {
          // An unscored stakeholder has no region yet (as an unplaced one has no point).
          const salience = salienceAssessment(stakeholder)
          if (salience.status !== 'assessed') continue
          const occupied = editor
            .getSortedChildIdsForParent(target.id)
            .map((id) => editor.getShape(id))
            .filter((shape): shape is StakeholderCardShape => shape?.type === STAKEHOLDER_CARD_TYPE)
            .map((other) => ({ x: other.x, y: other.y, w: other.props.w, h: other.props.h }))
          ;({ x, y } = findSlot(salience.salienceClass, w, h, COMPACT_CARD_SIZE, occupied))
        }
        editor.createShape<StakeholderCardShape>({
          id: createShapeId(),
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
