/**
 * How self-assessments live in the map document: the dialogue records' layout
 * (dialogueDocument.ts, where `SELF_ASSESSMENT_LAYOUT` is defined beside the others), in the
 * root `selfAssessments`: record id → Y.Map of the record's fields, each under its own key,
 * and `elements` a Y.Map keyed by element code, so people rating different elements at once
 * keep each other's ratings. The phases and steps of the plan of approach are plain values,
 * each replaced whole (a trainer edits them, rarely two at once). Read and write with the
 * generic functions of dialogueDocument.ts and this layout.
 */
import type * as Y from 'yjs'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import { SELF_ASSESSMENT_LAYOUT, readDialogueRecords } from './dialogueDocument'

export { SELF_ASSESSMENT_LAYOUT } from './dialogueDocument'

/** Every valid self-assessment of the map, in id order. */
export function readSelfAssessments(doc: Y.Doc): SelfAssessment[] {
  return readDialogueRecords(doc, SELF_ASSESSMENT_LAYOUT).records
}
