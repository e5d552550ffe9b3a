import { describe, expect, it } from 'vitest'
import {
  createCommitment,
  createDialogueEvaluation,
} from '../../../shared/dialogue/createDialogueRecords'
import { followUpSummary, followedDialogue } from '../../../shared/dialogue/followUpSummary'

const commitments = [
  createCommitment({
    id: 'c-late',
    stakeholderId: 's-1',
    dialogueId: 'p-1',
    what: 'Visit',
    dueDate: '2026-11-01',
  }),
  createCommitment({
    id: 'c-soon',
    stakeholderId: 's-1',
    dialogueId: 'p-1',
    what: 'Report back',
    dueDate: '2026-12-20',
  }),
  createCommitment({
    id: 'c-done',
    stakeholderId: 's-2',
    dialogueId: 'p-1',
    what: 'Share figures',
    dueDate: '2026-10-01',
    status: 'done',
  }),
  createCommitment({
    id: 'c-other',
    stakeholderId: 's-2',
    dialogueId: 'p-2',
    what: 'Other plan',
    dueDate: '2026-01-01',
  }),
]
const evaluations = [
  createDialogueEvaluation({ id: 'e-old', dialogueId: 'p-1' }, { now: '2026-11-01T10:00:00.000Z' }),
  createDialogueEvaluation({ id: 'e-new', dialogueId: 'p-1' }, { now: '2026-12-01T10:00:00.000Z' }),
  createDialogueEvaluation({ id: 'e-play', dialogueId: null }, { now: '2026-12-05T10:00:00.000Z' }),
]
const context = { today: '2026-12-07', locale: 'en' as const, stakeholderNames: new Map() }

describe('the follow-up board’s view of the records', () => {
  it('shows one dialogue’s commitments, overdue first and flagged, and its latest evaluation', () => {
    const summary = followUpSummary({ commitments, evaluations }, followedDialogue('p-1'), context)
    expect(summary.commitments.map((each) => [each.commitment.id, each.overdue])).toEqual([
      ['c-late', true],
      ['c-done', false],
      ['c-soon', false],
    ])
    expect(summary.overdueCount).toBe(1)
    expect(summary.evaluation?.id).toBe('e-new')
  })

  it('shows every dialogue’s when it follows all of them', () => {
    const summary = followUpSummary({ commitments, evaluations }, followedDialogue(''), context)
    expect(summary.commitments.map((each) => each.commitment.id)).toEqual([
      'c-other',
      'c-late',
      'c-done',
      'c-soon',
    ])
    expect(summary.overdueCount).toBe(2)
    expect(summary.evaluation?.id).toBe('e-play')
  })

  it('has nothing yet for a dialogue without records', () => {
    const summary = followUpSummary({ commitments, evaluations }, followedDialogue('p-9'), context)
    expect(summary).toEqual({ commitments: [], overdueCount: 0, evaluation: null })
  })
})
