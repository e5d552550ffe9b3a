import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CURRENT_SCHEMA_VERSION,
  STAKEHOLDER_MIGRATIONS,
  createStakeholder,
  migrateStakeholder,
  validateStakeholder,
} from '../../../shared/index'
import { expectWellFormed } from './expectWellFormed'
import { stakeholderArbitrary } from './stakeholderArbitrary'

const NOW = '2025-06-01T12:00:00.000Z'

/** A record as the workshop prototype stored it (schema version 0). */
const legacy = {
  id: 'farmers',
  name: 'Cocoa farmers',
  category: 'value-chain-workers',
  salience: { power: '2', legitimacy: '5', urgency: '' },
  influence: '1.5',
  impact: 4,
  impacts: [
    {
      id: 'i1',
      topic: 'living income',
      actuality: 'actual',
      scale: '5',
      scope: 4,
      irremediability: null,
    },
  ],
  notes: 'from the SER workshop sheet',
}

describe('STAKEHOLDER_MIGRATIONS', () => {
  it('is a contiguous chain from version 0 to the current version', () => {
    STAKEHOLDER_MIGRATIONS.forEach((migration, index) => {
      expect(migration.from).toBe(index)
      expect(migration.to).toBe(index + 1)
    })
    expect(STAKEHOLDER_MIGRATIONS.at(-1)?.to).toBe(CURRENT_SCHEMA_VERSION)
  })
})

describe('migrateStakeholder', () => {
  it('upgrades a version-0 record and validates it', () => {
    const result = migrateStakeholder(legacy, { now: NOW })
    expect(result).toEqual({
      ok: true,
      ignoredKeys: [],
      value: createStakeholder(
        {
          id: 'farmers',
          name: 'Cocoa farmers',
          category: 'value-chain-workers',
          power: 2,
          legitimacy: 5,
          urgency: null,
          influence: 1.5,
          impact: 4,
          // Derived: the company recorded impacts on them.
          affected: true,
          impacts: [
            {
              id: 'i1',
              description: '',
              topic: 'living income',
              actuality: 'actual',
              scale: 5,
              scope: 4,
              irremediability: null,
              likelihood: null,
            },
          ],
          notes: 'from the SER workshop sheet',
        },
        { now: NOW },
      ),
    })
  })

  it('keeps an explicit v0 affected flag and flat scores', () => {
    const result = migrateStakeholder(
      { id: 'n', name: 'NGO', affected: false, power: 4, impacts: [] },
      { now: NOW },
    )
    expect(result.ok && [result.value.affected, result.value.power]).toEqual([false, 4])
  })

  it('reports what it cannot migrate, with paths in the current shape', () => {
    const result = migrateStakeholder(
      { ...legacy, salience: { power: 'high' }, createdAt: 'yesterday' },
      { now: NOW },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => error.path)).toEqual(['power', 'createdAt', 'updatedAt'])
  })

  it('passes current records through unchanged', () => {
    fc.assert(
      fc.property(stakeholderArbitrary, (record) => {
        expect(migrateStakeholder(record)).toEqual(validateStakeholder(record))
      }),
    )
  })

  it('refuses records from a newer version', () => {
    const result = migrateStakeholder({
      ...createStakeholder({ id: 'x', name: 'X' }),
      schemaVersion: 99,
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors[0]?.message).toMatch(/newer/)
  })

  it('never throws, on hostile or arbitrary input', () => {
    const throwing = { id: 'x', name: 'X' }
    Object.defineProperty(throwing, 'salience', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    const nested = {
      id: 'x',
      name: 'X',
      salience: new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap')
          },
        },
      ),
    }
    const cyclic: Record<string, unknown> = { id: 'x', name: 'X' }
    cyclic['salience'] = cyclic
    const problems = (input: unknown) => {
      const result = migrateStakeholder(input, { now: NOW })
      return result.ok ? [] : result.errors.map((error) => `${error.path} ${error.code}`)
    }
    expect(problems(throwing)).toEqual([' unreadable'])
    expect(problems(nested)).toEqual([' unreadable'])
    expect(problems(null)).toEqual([' not-an-object'])
    expect(problems(42)).toEqual([' not-an-object'])
    expect(problems([legacy])).toEqual([' not-an-object'])
    // A cycle is never followed: `salience.power` is simply absent here.
    expect(migrateStakeholder(cyclic, { now: NOW })).toMatchObject({
      ok: true,
      value: { id: 'x', name: 'X', power: null },
      ignoredKeys: [],
    })
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true }), fc.jsonValue()), (input) => {
        // Whatever it accepts is a current record that validates to itself.
        expectWellFormed(migrateStakeholder(input, { now: NOW }))
      }),
    )
  })
})
