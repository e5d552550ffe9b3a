import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of the self-assessment board. */
export const SELF_ASSESSMENT_BOARD_TYPE = 'self-assessment-board'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [SELF_ASSESSMENT_BOARD_TYPE]: { w: number; h: number; assessmentId: string }
  }
}

/**
 * The board of one self-assessment: the nine elements with their colour, and the plan of
 * approach with its priority steps. It holds only the id of the record it shows; the record
 * (in the map document's `selfAssessments` root) is the source of truth.
 */
export type SelfAssessmentBoardShape = TLShape<typeof SELF_ASSESSMENT_BOARD_TYPE>

/** Large enough to read on a 1920 × 1080 projector when zoomed to fit. */
export const SELF_ASSESSMENT_BOARD_SIZE = { w: 1760, h: 990 } as const

export const selfAssessmentBoardProps: RecordProps<SelfAssessmentBoardShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  assessmentId: T.string,
}

/** Append-only: a released migration is never edited. */
export const selfAssessmentBoardMigrations = createShapePropsMigrationSequence({ sequence: [] })
