import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of phase 2's case card. */
export const CASE_CARD_TYPE = 'case-card'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [CASE_CARD_TYPE]: { w: number; h: number }
  }
}

/**
 * The case card at the top of phase 2's board: a view of the map's case card record
 * (shared/workshop/caseCard.ts), which only the trainers edit; the shape holds no text.
 */
export type CaseCardShape = TLShape<typeof CASE_CARD_TYPE>

export const CASE_CARD_SIZE = { w: 1480, h: 440 } as const

export const caseCardProps: RecordProps<CaseCardShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
}

/** Append-only: a released migration is never edited. */
export const caseCardMigrations = createShapePropsMigrationSequence({ sequence: [] })
