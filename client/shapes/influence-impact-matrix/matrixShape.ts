import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of the influence × impact matrix. */
export const MATRIX_TYPE = 'influence-impact-matrix'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [MATRIX_TYPE]: { w: number; h: number; title: string }
  }
}

/**
 * An influence × impact grid. Stakeholder cards inside it are its children; their position
 * is their influence and impact score. `title` names the grid (e.g. "Table 2"); empty shows
 * the default name in the reader's language.
 */
export type MatrixShape = TLShape<typeof MATRIX_TYPE>

export const MATRIX_SIZE = { w: 1040, h: 800 } as const

export const matrixProps: RecordProps<MatrixShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  title: T.string,
}

/** Append-only: a released migration is never edited. */
export const matrixMigrations = createShapePropsMigrationSequence({ sequence: [] })
