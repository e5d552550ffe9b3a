/**
 * Phase 2 of the SER workshop ("Voorbereiding op een stakeholderdialoog", 45 min) as a board:
 * the case card at the top, which the trainers edit; below it a frame per table holding that
 * table's worksheet, each bound to a dialogue plan of its own (the plan is the record; the
 * Dialogues tab edits the same one); beside them the filled-in example, which the trainer
 * shows or hides. One action makes it all for every table; what exists is left as it is
 * (more tables add frames and plans), and ids are fixed, so two trainers doing it at once
 * make one board.
 *
 * The board's frames follow boardAreas.ts (`board-phase-2`, `board-phase-2-table-<n>`), so
 * the agenda's phase-2 block opens it and each table's participants go to their worksheet.
 */
import { phase2PlanId } from '../../shared/workshop/phase2Worksheets'
import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { PHASE_2_BOARD } from '../../shared/workshop/boardLinks'
import { boardFrameId, boardTableFrameId } from '../canvas/boardAreas'
import type { DialogueRecords } from '../dialogues/DialogueRecords'
import { CASE_CARD_SIZE, CASE_CARD_TYPE } from '../shapes/case-card/caseCardShape'
import {
  DIALOGUE_WORKSHEET_SIZE,
  DIALOGUE_WORKSHEET_TYPE,
} from '../shapes/dialogue-worksheet/dialogueWorksheetShape'
import {
  EXAMPLE_WORKSHEET_SIZE,
  EXAMPLE_WORKSHEET_TYPE,
} from '../shapes/example-worksheet/exampleWorksheetShape'

const PADDING = 80
const GAP = 160
const INSET = 40
const TABLE_W = INSET + DIALOGUE_WORKSHEET_SIZE.w + INSET
const TABLE_H = INSET + DIALOGUE_WORKSHEET_SIZE.h + INSET

/** Ids of phase 2's shapes; a table's are 0-based. */
export const phase2ShapeIds = {
  board: boardFrameId(PHASE_2_BOARD),
  caseCard: createShapeId(`board-${PHASE_2_BOARD}-case`),
  example: createShapeId(`board-${PHASE_2_BOARD}-example`),
  tableFrame: (index: number) => boardTableFrameId(PHASE_2_BOARD, index),
  worksheet: (index: number) => createShapeId(`board-${PHASE_2_BOARD}-table-${index}-worksheet`),
}

export { phase2PlanId }

/** What the board's words are, in the trainer's language. */
export interface Phase2BoardWords {
  board: string
  /** A table's name, e.g. "Tafel 2" (1-based). */
  table(number: number): string
  /** The frame of a table's worksheet. */
  frame(table: string): string
  /** The title of a table's plan. */
  planTitle(table: string): string
}

/**
 * Makes (or completes) the phase-2 board with a worksheet and a plan for tables 1..count;
 * answers the board's frame id. A new board goes to the right of everything on the page.
 */
export function makePhase2Board(
  editor: Editor,
  dialogues: DialogueRecords,
  count: number,
  words: Phase2BoardWords,
): TLShapeId {
  const ids = phase2ShapeIds
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)))
  const rows = Math.ceil(count / columns)
  const gridW = columns * TABLE_W + (columns - 1) * GAP
  const gridTop = PADDING + CASE_CARD_SIZE.h + GAP
  const w = PADDING + gridW + GAP + EXAMPLE_WORKSHEET_SIZE.w + PADDING
  const h = gridTop + rows * TABLE_H + (rows - 1) * GAP + PADDING
  const plans = new Set(dialogues.plans.get().map((plan) => plan.id))
  for (let index = 0; index < count; index++) {
    const id = phase2PlanId(index)
    if (!plans.has(id)) dialogues.addPlan({ id, title: words.planTitle(words.table(index + 1)) })
  }
  editor.run(() => {
    const existing = editor.getShape(ids.board)
    if (!existing) {
      const page = editor.getCurrentPageBounds()
      editor.createShape({
        id: ids.board,
        type: 'frame',
        x: page ? page.maxX + 600 : 0,
        y: page ? page.minY : 0,
        props: { w, h, name: words.board },
      })
    } else {
      // More tables than before: the board grows to hold them.
      const props = existing.props as { w: number; h: number }
      if (props.w < w || props.h < h) {
        editor.updateShape({
          id: ids.board,
          type: 'frame',
          props: { w: Math.max(props.w, w), h: Math.max(props.h, h) },
        })
      }
    }
    if (!editor.getShape(ids.caseCard)) {
      editor.createShape({
        id: ids.caseCard,
        type: CASE_CARD_TYPE,
        parentId: ids.board,
        x: PADDING,
        y: PADDING,
        props: { ...CASE_CARD_SIZE },
      })
    }
    if (!editor.getShape(ids.example)) {
      editor.createShape({
        id: ids.example,
        type: EXAMPLE_WORKSHEET_TYPE,
        parentId: ids.board,
        x: PADDING + gridW + GAP,
        y: gridTop,
        props: { ...EXAMPLE_WORKSHEET_SIZE },
      })
    }
    for (let index = 0; index < count; index++) {
      const frame = ids.tableFrame(index)
      const tableName = words.table(index + 1)
      if (!editor.getShape(frame)) {
        editor.createShape({
          id: frame,
          type: 'frame',
          parentId: ids.board,
          x: PADDING + (index % columns) * (TABLE_W + GAP),
          y: gridTop + Math.floor(index / columns) * (TABLE_H + GAP),
          props: { w: TABLE_W, h: TABLE_H, name: words.frame(tableName) },
        })
      }
      if (!editor.getShape(ids.worksheet(index))) {
        editor.createShape({
          id: ids.worksheet(index),
          type: DIALOGUE_WORKSHEET_TYPE,
          parentId: frame,
          x: INSET,
          y: INSET,
          props: { ...DIALOGUE_WORKSHEET_SIZE, planId: phase2PlanId(index), table: index + 1 },
        })
      }
    }
  })
  return ids.board
}
