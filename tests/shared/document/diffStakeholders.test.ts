import { describe, expect, it } from 'vitest'
import { diffStakeholders } from '../../../shared/document/diffStakeholders'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'

const now = '2025-05-12T09:00:00.000Z'
const ngo = createStakeholder({ id: 'ngo', name: 'Fair Cocoa NGO', power: 2 }, { now })
const union = createStakeholder({ id: 'union', name: 'Farmers union' }, { now })
const buyer = createStakeholder({ id: 'buyer', name: 'Buyer' }, { now })

describe('diffStakeholders', () => {
  it('reports added, removed and changed stakeholders by name', () => {
    const after = [
      { ...ngo, power: 4, notes: 'met in May', updatedAt: '2025-06-01T00:00:00.000Z' },
      buyer,
    ]
    const diff = diffStakeholders([ngo, union], after)
    expect(diff.added.map((s) => s.id)).toEqual(['buyer'])
    expect(diff.removed.map((s) => s.id)).toEqual(['union'])
    expect(diff.changed).toEqual([
      {
        id: 'ngo',
        name: 'Fair Cocoa NGO',
        changes: [
          { field: 'power', before: 2, after: 4 },
          { field: 'notes', before: '', after: 'met in May' },
        ],
      },
    ])
  })

  it('splits engagement into its fields and ignores contacts and updatedAt', () => {
    const after = {
      ...ngo,
      engagement: { ...ngo.engagement, status: 'ongoing' as const },
      contacts: [
        { id: 'c', name: 'A', role: '', organisation: '', email: 'a@x', phone: '', notes: '' },
      ],
      updatedAt: '2030-01-01T00:00:00.000Z',
    }
    const diff = diffStakeholders([ngo], [after])
    expect(diff.changed[0]?.changes).toEqual([
      { field: 'engagement.status', before: 'not-started', after: 'ongoing' },
    ])
    expect(JSON.stringify(diff)).not.toContain('a@x')
  })

  it('answers an empty diff for equal records, whatever their key order', () => {
    const reordered = Object.fromEntries(Object.entries(ngo).reverse()) as typeof ngo
    expect(diffStakeholders([ngo], [reordered])).toEqual({ added: [], removed: [], changed: [] })
  })
})
