import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of phase 2's filled-in example worksheet. */
export const EXAMPLE_WORKSHEET_TYPE = 'example-worksheet'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [EXAMPLE_WORKSHEET_TYPE]: { w: number; h: number }
  }
}

/**
 * The filled-in example (shared/dialogue/exampleWorksheet.ts), in the reader's language;
 * hidden from participants unless the trainer shows it (exampleVisibility.ts).
 */
export type ExampleWorksheetShape = TLShape<typeof EXAMPLE_WORKSHEET_TYPE>

export const EXAMPLE_WORKSHEET_SIZE = { w: 1400, h: 1100 } as const

export const exampleWorksheetProps: RecordProps<ExampleWorksheetShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
}

/** Append-only: a released migration is never edited. */
export const exampleWorksheetMigrations = createShapePropsMigrationSequence({ sequence: [] })
