/**
 * The SER workshop's phase 4 ("Opvolging") as a board: a frame with the records of the
 * dialogue being followed up — its commitments, overdue ones flagged, and its evaluation
 * (the follow-up-records shape, which reads them from the records) — beside the steps after
 * a dialogue as a checklist the group ticks (feedback to the stakeholders, updating the
 * map's scores and impacts, what goes into the due-diligence record). The step texts are
 * our own wording of the manual's phase 4, not SER material: the map keeps one wording of
 * them for every board, which trainers reword on any board (shared/workshop/followUpSteps.ts);
 * a step's checklist item knows its step by its id ({@link followUpStepOf}).
 *
 * When the room is split into tables (tableGroups.ts), each table gets a board of its own
 * beside its area, with its own ticks; ids are fixed per table (and per board added
 * otherwise), so two facilitators adding at once make one set.
 */
import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { FOLLOW_UP_STEP_TEXTS } from '../../shared/labels/followUpStepLabels'
import { FOLLOW_UP_STEPS, type FollowUpStep } from '../../shared/workshop/followUpSteps'
import type { Locale } from '../i18n/locale'
import { CHECKLIST_ITEM_TYPE } from '../shapes/checklist-item/checklistItemShape'
import {
  FOLLOW_UP_RECORDS_SIZE,
  FOLLOW_UP_RECORDS_TYPE,
} from '../shapes/follow-up-records/followUpRecordsShape'

const BOARD_NAME = { en: 'Phase 4 — follow-up', nl: 'Fase 4 — opvolging' } as const

const PAD = 40
const STEP_W = 700
const STEP_H = 110
const STEP_GAP = 24

/** The size a follow-up board takes. */
export const FOLLOW_UP_BOARD_SIZE = {
  w: PAD + FOLLOW_UP_RECORDS_SIZE.w + PAD + STEP_W + PAD,
  h: 60 + FOLLOW_UP_RECORDS_SIZE.h + PAD,
} as const

/** The ids of a board's frame and records shape. */
export function followUpBoardIds(prefix: string) {
  return {
    frame: createShapeId(`${prefix}-followup`),
    records: createShapeId(`${prefix}-followup-records`),
  }
}

const STEP_ID = /-followup-step-(\d+)$/

/** The id of the checklist item of step `index` on the board `prefix`. */
function stepShapeId(prefix: string, index: number): TLShapeId {
  return createShapeId(`${prefix}-followup-step-${index}`)
}

/** The step a follow-up board's checklist item stands for, or null for any other shape. */
export function followUpStepOf(shapeId: string): FollowUpStep | null {
  const index = STEP_ID.exec(shapeId)?.[1]
  return index === undefined ? null : (FOLLOW_UP_STEPS[Number(index)] ?? null)
}

/**
 * Puts a follow-up board with its top-left corner at `origin` (page coordinates), named
 * `name` (the table's, say) or the phase's name; answers its frame id. A board that
 * already exists (same prefix) is left as it is.
 */
export function applyFollowUpBoard(
  editor: Editor,
  locale: Locale,
  options: { prefix: string; origin: { x: number; y: number }; name?: string },
): TLShapeId {
  const board = BOARD_NAME[locale]
  const ids = followUpBoardIds(options.prefix)
  if (editor.getShape(ids.frame)) return ids.frame
  const stepX = PAD + FOLLOW_UP_RECORDS_SIZE.w + PAD
  editor.run(() =>
    editor.createShapes([
      {
        id: ids.frame,
        type: 'frame',
        x: options.origin.x,
        y: options.origin.y,
        props: {
          w: FOLLOW_UP_BOARD_SIZE.w,
          h: FOLLOW_UP_BOARD_SIZE.h,
          name: options.name ? `${options.name} — ${board}` : board,
        },
      },
      {
        id: ids.records,
        type: FOLLOW_UP_RECORDS_TYPE,
        parentId: ids.frame,
        x: PAD,
        y: 60,
        props: { ...FOLLOW_UP_RECORDS_SIZE, dialogueId: '' },
      },
      // The text is the creator's language; the board shows the map's wording (followUpSteps.ts).
      ...FOLLOW_UP_STEPS.map((step, index) => ({
        id: stepShapeId(options.prefix, index),
        type: CHECKLIST_ITEM_TYPE as typeof CHECKLIST_ITEM_TYPE,
        parentId: ids.frame,
        x: stepX,
        y: 60 + index * (STEP_H + STEP_GAP),
        props: { text: FOLLOW_UP_STEP_TEXTS[locale][step], checked: false, w: STEP_W, h: STEP_H },
      })),
    ]),
  )
  return ids.frame
}
