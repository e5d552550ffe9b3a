import { describe, expect, it } from 'vitest'
import { searchWords } from '../../../shared/register/searchRegister'
import {
  matchesCommitmentSearch,
  matchesPlanSearch,
} from '../../../shared/register/searchDialogueRecords'
import { sortCommitments, sortDialoguePlans } from '../../../shared/register/sortDialogueRecords'
import { commitment, plan } from '../dialogue/dialogueFixtures'

const names = new Map([
  ['sh-farmers', 'Coopérative Soubré'],
  ['sh-pickers', 'Pickers'],
  ['sh-union', 'Union'],
])

describe('commitment register', () => {
  const commitments = [
    { ...commitment(), id: 'c-late', dueDate: '2026-04-01', owner: 'Zoë' },
    { ...commitment(), id: 'c-soon', dueDate: '2026-06-01', owner: 'Anna' },
    { ...commitment(), id: 'c-undated', dueDate: null, owner: '' },
    { ...commitment(), id: 'c-done', dueDate: '2026-03-01', status: 'done' as const },
    { ...commitment(), id: 'c-later', dueDate: '2026-04-20', status: 'in-progress' as const },
  ]
  const context = { today: '2026-05-01', locale: 'en' as const, stakeholderNames: names }

  it('puts overdue promises first, then by due date, undated last', () => {
    const order = sortCommitments(commitments, 'due', 'ascending', context).map((c) => c.id)
    expect(order).toEqual(['c-late', 'c-later', 'c-done', 'c-soon', 'c-undated'])
  })

  it('keeps overdue first in any column and direction; blanks last', () => {
    const order = sortCommitments(commitments, 'owner', 'descending', context).map((c) => c.id)
    expect(order.slice(0, 2)).toEqual(['c-late', 'c-later'])
    expect(order.at(-1)).toBe('c-undated')
  })

  it('finds a commitment by its stakeholder’s name without accents', () => {
    const words = searchWords('cooperative premium')
    expect(matchesCommitmentSearch(commitment(), words, names)).toBe(true)
    expect(matchesCommitmentSearch(commitment(), searchWords('wages'), names)).toBe(false)
  })
})

describe('dialogue-plan register', () => {
  it('sorts by date with undated plans last, and by title', () => {
    const plans = [
      { ...plan(), id: 'p-b', title: 'Beta', date: '2026-05-01' },
      { ...plan(), id: 'p-a', title: 'alpha', date: null },
      { ...plan(), id: 'p-c', title: '', date: '2026-01-01' },
    ]
    expect(sortDialoguePlans(plans, 'date', 'descending', 'en').map((p) => p.id)).toEqual([
      'p-b',
      'p-c',
      'p-a',
    ])
    expect(sortDialoguePlans(plans, 'title', 'ascending', 'en').map((p) => p.id)).toEqual([
      'p-a',
      'p-b',
      'p-c',
    ])
  })

  it('finds a plan by an invited stakeholder or its representative', () => {
    expect(matchesPlanSearch(plan(), searchWords('union soubre'), names)).toBe(true)
    expect(matchesPlanSearch(plan(), searchWords('bank'), names)).toBe(false)
  })
})
