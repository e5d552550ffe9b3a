/**
 * What the phase-4 follow-up board shows of the records (issue 21): the commitments made in
 * one dialogue (or all of them), overdue ones first and flagged, and the latest evaluation
 * of that dialogue with each SER element's revealed result. Derived when shown, never
 * stored: the records stay the source of truth (the Dialogues tab edits them).
 */
import type { LabelLocale } from '../labels/modelLabels'
import { sortCommitments } from '../register/sortDialogueRecords'
import type { Commitment } from './Commitment'
import type { DialogueEvaluation } from './DialogueEvaluation'
import { isOverdue } from './isOverdue'

/** Which dialogue a board follows up: a plan's id, or every dialogue. */
export type FollowedDialogue = { kind: 'all' } | { kind: 'plan'; planId: string }

/** A board's `dialogueId` prop as what it follows: '' is every dialogue. */
export function followedDialogue(dialogueId: string): FollowedDialogue {
  return dialogueId === '' ? { kind: 'all' } : { kind: 'plan', planId: dialogueId }
}

/** One commitment on the board. */
export interface FollowUpCommitment {
  commitment: Commitment
  overdue: boolean
}

/** The board's view of the records. */
export interface FollowUpSummary {
  commitments: FollowUpCommitment[]
  overdueCount: number
  /** The latest evaluation of the dialogue (of any, for every dialogue); null: none yet. */
  evaluation: DialogueEvaluation | null
}

/** What the board shows for `followed` on `today` (`YYYY-MM-DD`, the reader's day). */
export function followUpSummary(
  records: { commitments: readonly Commitment[]; evaluations: readonly DialogueEvaluation[] },
  followed: FollowedDialogue,
  context: { today: string; locale: LabelLocale; stakeholderNames: ReadonlyMap<string, string> },
): FollowUpSummary {
  const inDialogue = (dialogueId: string | null) =>
    followed.kind === 'all' || dialogueId === followed.planId
  const commitments = sortCommitments(
    records.commitments.filter((commitment) => inDialogue(commitment.dialogueId)),
    'due',
    'ascending',
    context,
  ).map((commitment) => ({ commitment, overdue: isOverdue(commitment, context.today) }))
  const evaluation =
    records.evaluations
      .filter((each) => inDialogue(each.dialogueId))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0] ??
    null
  return {
    commitments,
    overdueCount: commitments.filter((each) => each.overdue).length,
    evaluation,
  }
}
