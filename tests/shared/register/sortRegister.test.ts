import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStakeholder } from '../../../shared/index'
import type { Stakeholder, StakeholderInit } from '../../../shared/index'
import {
  REGISTER_SORT_COLUMNS,
  firstSortDirection,
  sortRegister,
} from '../../../shared/register/sortRegister'
import { engagementQuadrant } from '../../../shared/scoring/engagementQuadrant'

const NOW = '2025-01-01T00:00:00.000Z'

/** Rows as the register builds them; rank = position in `inits`. */
function rows(inits: StakeholderInit[]) {
  return inits.map((init, index) => {
    const stakeholder: Stakeholder = createStakeholder(init, { now: NOW })
    return { stakeholder, rank: index + 1, quadrant: engagementQuadrant(stakeholder) }
  })
}

const names = (sorted: { stakeholder: Stakeholder }[]) => sorted.map((r) => r.stakeholder.name)

describe('sorting the register by a column', () => {
  const register = rows([
    { id: 'a', name: 'Cocoa farmers', influence: 2, impact: 5, power: 2, affected: true },
    { id: 'b', name: 'Rabobank', influence: 4.5, impact: 2, power: 5, legitimacy: 4 },
    { id: 'c', name: 'Ártisan cooperative', category: 'suppliers-business-partners' },
    { id: 'd', name: 'Trade union FNV', influence: 4, impact: 4.5, category: 'trade-unions' },
  ])

  it('sorts names alphabetically, accents and case aside, and back', () => {
    expect(names(sortRegister(register, 'name', 'ascending', 'en'))).toEqual([
      'Ártisan cooperative',
      'Cocoa farmers',
      'Rabobank',
      'Trade union FNV',
    ])
    expect(names(sortRegister(register, 'name', 'descending', 'en'))[0]).toBe('Trade union FNV')
  })

  it('puts the highest score first on the first click, with the unscored last either way', () => {
    expect(firstSortDirection('influence')).toBe('descending')
    expect(names(sortRegister(register, 'influence', 'descending', 'en'))).toEqual([
      'Rabobank',
      'Trade union FNV',
      'Cocoa farmers',
      'Ártisan cooperative',
    ])
    expect(names(sortRegister(register, 'influence', 'ascending', 'en'))).toEqual([
      'Cocoa farmers',
      'Trade union FNV',
      'Rabobank',
      'Ártisan cooperative',
    ])
  })

  it('sorts salience by the salience score, the not assessed last', () => {
    expect(names(sortRegister(register, 'salience', 'descending', 'en'))).toEqual([
      'Rabobank',
      'Cocoa farmers',
      'Ártisan cooperative',
      'Trade union FNV',
    ])
  })

  it('sorts quadrants in the order they are engaged, the unplaced last', () => {
    expect(names(sortRegister(register, 'quadrant', 'ascending', 'en'))).toEqual([
      'Cocoa farmers', // empower
      'Trade union FNV', // manage closely
      'Rabobank', // keep satisfied
      'Ártisan cooperative', // not placed
    ])
  })

  it('sorts categories by their label in the reader’s language', () => {
    // "Other" < "Suppliers…" < "Trade unions" in English; "Leveranciers…" < "Overig" <
    // "Vakbonden" in Dutch.
    const byCategory = (locale: 'en' | 'nl') =>
      sortRegister(register, 'category', 'ascending', locale).map((r) => r.stakeholder.id)
    expect(byCategory('en')).toEqual(['a', 'b', 'c', 'd'])
    expect(byCategory('nl')).toEqual(['c', 'a', 'b', 'd'])
  })

  it('keeps the engagement order among equals, and loses or adds no row, for every column', () => {
    const row = fc.record({
      influence: fc.option(
        fc.integer({ min: 2, max: 10 }).map((n) => n / 2),
        { nil: null },
      ),
      power: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      affected: fc.boolean(),
    })
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom(...REGISTER_SORT_COLUMNS),
        fc.constantFrom('ascending' as const, 'descending' as const),
        (records, column, direction) => {
          const input = rows(records.map((r, i) => ({ ...r, id: `s${i}`, name: `S ${i}` })))
          const sorted = sortRegister(input, column, direction, 'nl')
          expect([...sorted].map((r) => r.rank).sort((a, b) => a - b)).toEqual(
            input.map((r) => r.rank),
          )
          // Sorting twice gives the same order: equal values stay in engagement order.
          expect(sortRegister(sorted, column, direction, 'nl')).toEqual(sorted)
        },
      ),
    )
  })
})
