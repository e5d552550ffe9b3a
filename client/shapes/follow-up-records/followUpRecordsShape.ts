import { type RecordProps, T, type TLShape, createShapePropsMigrationSequence } from 'tldraw'

/** Shape type of the follow-up board's view of the dialogue records (phase 4). */
export const FOLLOW_UP_RECORDS_TYPE = 'follow-up-records'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [FOLLOW_UP_RECORDS_TYPE]: { w: number; h: number; dialogueId: string }
  }
}

/**
 * The commitments of one dialogue (`dialogueId`; '' for every dialogue), overdue ones first
 * and flagged, and its latest evaluation, read from the records when drawn
 * (shared/dialogue/followUpSummary.ts). The shape keeps only which dialogue it follows: the
 * records stay the source of truth, so each table's board shows what the Dialogues tab and
 * the evaluation round wrote.
 */
export type FollowUpRecordsShape = TLShape<typeof FOLLOW_UP_RECORDS_TYPE>

export const FOLLOW_UP_RECORDS_SIZE = { w: 1100, h: 1000 } as const

export const followUpRecordsProps: RecordProps<FollowUpRecordsShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  dialogueId: T.string,
}

/** Append-only: a released migration is never edited. */
export const followUpRecordsMigrations = createShapePropsMigrationSequence({ sequence: [] })
