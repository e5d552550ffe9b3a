/**
 * The SER workshop's phase 4 ("Opvolging") as a board: a frame with the records of the
 * dialogue being followed up — its commitments, overdue ones flagged, and its evaluation
 * (the follow-up-records shape, which reads them from the records) — beside the steps after
 * a dialogue as a checklist the group ticks (feedback to the stakeholders, updating the
 * map's scores and impacts, what goes into the due-diligence record). The step texts are
 * our own wording of the manual's phase 4, not SER material; each can be edited or deleted.
 *
 * When the room is split into tables (tableGroups.ts), each table gets a board of its own
 * beside its area, with its own ticks; ids are fixed per table (and per board added
 * otherwise), so two facilitators adding at once make one set.
 */
import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import type { Locale } from '../i18n/locale'
import { CHECKLIST_ITEM_TYPE } from '../shapes/checklist-item/checklistItemShape'
import {
  FOLLOW_UP_RECORDS_SIZE,
  FOLLOW_UP_RECORDS_TYPE,
} from '../shapes/follow-up-records/followUpRecordsShape'

const TEXT = {
  en: {
    board: 'Phase 4 — follow-up',
    steps: [
      'Feedback to the stakeholders: what we heard, and what we will do with it',
      'Update the map: scores and impacts of the stakeholders we spoke with',
      'Record the dialogue in the engagement logs (Dialogues tab: “Held”)',
      'Every commitment has an owner and a due date',
      'Evaluate the dialogue, and ask the stakeholders how it went for them',
      'Into the due-diligence record: plan, log entries, commitments, evaluation',
    ],
  },
  nl: {
    board: 'Fase 4 — opvolging',
    steps: [
      'Terugkoppeling aan de stakeholders: wat we hoorden, en wat we ermee doen',
      'De kaart bijwerken: scores en impacts van de stakeholders met wie we spraken',
      'De dialoog vastleggen in de logboeken (tabblad Dialogen: “Gehouden”)',
      'Elke toezegging heeft een eigenaar en een uiterste datum',
      'De dialoog evalueren, en de stakeholders vragen hoe het voor hen ging',
      'In het due-diligencedossier: plan, logboek, toezeggingen, evaluatie',
    ],
  },
} as const

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
  const text = TEXT[locale]
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
          name: options.name ? `${options.name} — ${text.board}` : text.board,
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
      ...text.steps.map((step, index) => ({
        id: createShapeId(`${options.prefix}-followup-step-${index}`),
        type: CHECKLIST_ITEM_TYPE as typeof CHECKLIST_ITEM_TYPE,
        parentId: ids.frame,
        x: stepX,
        y: 60 + index * (STEP_H + STEP_GAP),
        props: { text: step, checked: false, w: STEP_W, h: STEP_H },
      })),
    ]),
  )
  return ids.frame
}
