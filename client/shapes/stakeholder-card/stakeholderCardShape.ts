import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of a stakeholder card. */
export const STAKEHOLDER_CARD_TYPE = 'stakeholder-card'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [STAKEHOLDER_CARD_TYPE]: { stakeholderId: string; w: number; h: number }
  }
}

/**
 * A card that shows one stakeholder. It holds only the stakeholder's id: the record lives
 * in the map's stakeholder data, so several cards (on several boards) show the same record.
 */
export type StakeholderCardShape = TLShape<typeof STAKEHOLDER_CARD_TYPE>

/** Default size: large enough for a two-line name at workshop zoom on a projector. */
export const CARD_SIZE = { w: 240, h: 124 } as const

/** Size of a card inside a matrix or salience diagram, where many share the space. */
export const COMPACT_CARD_SIZE = { w: 170, h: 76 } as const

export const stakeholderCardProps: RecordProps<StakeholderCardShape> = {
  stakeholderId: T.string,
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
}

/** Append-only: a released migration is never edited. */
export const stakeholderCardMigrations = createShapePropsMigrationSequence({ sequence: [] })
