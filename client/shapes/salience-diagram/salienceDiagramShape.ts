import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of the salience diagram. */
export const SALIENCE_DIAGRAM_TYPE = 'salience-diagram'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [SALIENCE_DIAGRAM_TYPE]: { w: number; h: number; title: string }
  }
}

/**
 * Three overlapping circles (power, legitimacy, urgency). Stakeholder cards inside it are
 * its children and sit in the region their scores give.
 */
export type SalienceDiagramShape = TLShape<typeof SALIENCE_DIAGRAM_TYPE>

export const SALIENCE_DIAGRAM_SIZE = { w: 1100, h: 1000 } as const

export const salienceDiagramProps: RecordProps<SalienceDiagramShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  title: T.string,
}

/** Append-only: a released migration is never edited. */
export const salienceDiagramMigrations = createShapePropsMigrationSequence({ sequence: [] })
