import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of phase 2's worksheet: one table's dialogue plan on the board. */
export const DIALOGUE_WORKSHEET_TYPE = 'dialogue-worksheet'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [DIALOGUE_WORKSHEET_TYPE]: { w: number; h: number; planId: string; table: number }
  }
}

/**
 * A table's worksheet: a view of the dialogue plan `planId` (the record is the source of
 * truth; the shape keeps only which plan it shows and the table's number, 1-based, for its
 * heading in the reader's language).
 */
export type DialogueWorksheetShape = TLShape<typeof DIALOGUE_WORKSHEET_TYPE>

/** Sized to be read at a table's zoom on a 1920 × 1080 projector. */
export const DIALOGUE_WORKSHEET_SIZE = { w: 1400, h: 1100 } as const

export const dialogueWorksheetProps: RecordProps<DialogueWorksheetShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  planId: T.string,
  table: T.number,
}

/** Append-only: a released migration is never edited. */
export const dialogueWorksheetMigrations = createShapePropsMigrationSequence({ sequence: [] })
