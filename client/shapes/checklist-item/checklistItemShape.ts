import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of one line of a checklist with a tick box. */
export const CHECKLIST_ITEM_TYPE = 'checklist-item'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [CHECKLIST_ITEM_TYPE]: { w: number; h: number; text: string; checked: boolean }
  }
}

/**
 * One point of a checklist (phase 1's "what must we prepare inside the company") with a
 * real tick box. Whether it is ticked is kept in the document, so the whole table sees the
 * same ticks and they stay after a reload.
 */
export type ChecklistItemShape = TLShape<typeof CHECKLIST_ITEM_TYPE>

export const CHECKLIST_ITEM_SIZE = { w: 680, h: 64 } as const

export const checklistItemProps: RecordProps<ChecklistItemShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  text: T.string,
  checked: T.boolean,
}

/** Append-only: a released migration is never edited. */
export const checklistItemMigrations = createShapePropsMigrationSequence({ sequence: [] })
