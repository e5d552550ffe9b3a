import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareImpactSeverity,
  createStakeholder,
  impactSeverity,
  prioritiseImpacts,
  prioritiseStakeholders,
} from '../../../shared/index'
import type { AdverseImpact, Stakeholder, StakeholderInit } from '../../../shared/index'
import { impactArbitrary } from '../stakeholder/stakeholderArbitrary'

const NOW = '2025-01-01T00:00:00.000Z'
const make = (init: StakeholderInit): Stakeholder => createStakeholder(init, { now: NOW })
const severe: AdverseImpact = {
  id: 'i1',
  description: 'Child labour at a cobalt mine',
  topic: 'child labour',
  actuality: 'actual',
  scale: 5,
  scope: 3,
  irremediability: 5,
  likelihood: null,
}
const minor: AdverseImpact = {
  ...severe,
  id: 'i2',
  actuality: 'potential',
  scale: 2,
  scope: 2,
  irremediability: 1,
  likelihood: 3,
}

describe('prioritiseStakeholders', () => {
  it('engages the most severely affected first, not the most influential', () => {
    const regulator = make({
      id: 'regulator',
      name: 'Regulator',
      power: 5,
      legitimacy: 5,
      urgency: 5,
    })
    const workers = make({
      id: 'workers',
      name: 'Mine workers',
      affected: true,
      impacts: [severe],
      power: 1,
    })
    const consumers = make({
      id: 'consumers',
      name: 'Consumers',
      affected: true,
      impacts: [minor],
      power: 4,
      legitimacy: 4,
    })
    const union = make({ id: 'union', name: 'Union', represents: ['workers'], power: 3 })
    const unassessed = make({ id: 'community', name: 'Community', affected: true })
    const result = prioritiseStakeholders([regulator, union, consumers, unassessed, workers])
    expect(result.map((entry) => [entry.rank, entry.stakeholder.id, entry.tier])).toEqual([
      [1, 'workers', 'affected-severe'],
      [2, 'consumers', 'affected'],
      [3, 'community', 'affected'],
      [4, 'union', 'represents-affected'],
      [5, 'regulator', 'other'],
    ])
    expect(result[0]!.reasons).toEqual([
      {
        code: 'affected-severe-impact',
        params: { impactId: 'i1', max: 5, sum: 13, likelihood: 5 },
      },
      {
        code: 'salience',
        // Power judged absent, the rest unscored: not a non-stakeholder, not yet assessed.
        params: {
          salience: {
            status: 'not-assessed',
            absent: ['power'],
            missing: ['legitimacy', 'urgency'],
          },
          score: 1,
        },
      },
    ])
    expect(result[2]!.reasons[0]).toEqual({ code: 'affected-no-impacts-recorded', params: {} })
    expect(result[3]!.reasons[0]).toEqual({
      code: 'represents-affected',
      params: { ids: ['workers'] },
    })
    expect(result[4]!.reasons).toEqual([
      { code: 'not-affected', params: {} },
      {
        code: 'salience',
        params: {
          salience: { status: 'assessed', salienceClass: 'definitive', missing: [] },
          score: 315,
        },
      },
    ])
  })

  it('puts vulnerable groups ahead at equal severity, then salience, then input order', () => {
    const a = make({
      id: 'a',
      name: 'A',
      affected: true,
      impacts: [severe],
      power: 5,
      legitimacy: 5,
    })
    const b = make({ id: 'b', name: 'B', affected: true, impacts: [severe], vulnerable: true })
    const c = make({ id: 'c', name: 'C', affected: true, impacts: [severe] })
    const d = make({ id: 'd', name: 'D', affected: true, impacts: [severe] })
    expect(prioritiseStakeholders([d, c, a, b]).map((e) => e.stakeholder.id)).toEqual([
      'b',
      'a',
      'd',
      'c',
    ])
  })

  it('does not change its input', () => {
    const list = [make({ id: 'x', name: 'X' }), make({ id: 'y', name: 'Y', affected: true })]
    const copy = structuredClone(list)
    prioritiseStakeholders(list)
    expect(list).toEqual(copy)
  })

  const stakeholderArbitrary = fc.record({
    affected: fc.boolean(),
    vulnerable: fc.boolean(),
    impacts: fc.array(impactArbitrary, { maxLength: 3 }),
    power: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    legitimacy: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    urgency: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  })
  const maps = fc
    .array(stakeholderArbitrary, { minLength: 1, maxLength: 12 })
    .map((list) => list.map((fields, n) => make({ id: `s${n}`, name: `S${n}`, ...fields })))

  const topSeverity = (s: Stakeholder) => {
    const [top] = prioritiseImpacts(s.impacts)
    return top === undefined ? null : impactSeverity(top)
  }

  it('never ranks an affected stakeholder with a more severe impact below one with a less severe impact', () => {
    fc.assert(
      fc.property(maps, (list) => {
        const result = prioritiseStakeholders(list)
        expect(result.map((e) => e.rank)).toEqual(list.map((_, n) => n + 1))
        for (const earlier of result) {
          for (const later of result) {
            if (later.rank <= earlier.rank) continue
            const x = earlier.stakeholder
            const y = later.stakeholder
            // Affected always before not affected (representatives come after rightsholders).
            if (y.affected) expect(x.affected).toBe(true)
            if (!x.affected || !y.affected) continue
            const sx = topSeverity(x)
            const sy = topSeverity(y)
            if (sy === null) continue
            expect(sx).not.toBeNull()
            expect(compareImpactSeverity(sx!, sy)).toBeLessThanOrEqual(0)
            if (compareImpactSeverity(sx!, sy) === 0 && y.vulnerable)
              expect(x.vulnerable).toBe(true)
          }
        }
      }),
    )
  })

  it('ranks a vulnerable stakeholder ahead of a non-vulnerable one with equally severe impacts', () => {
    fc.assert(
      fc.property(
        maps,
        fc.array(impactArbitrary, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (others, impacts, first) => {
          const fields = (vulnerable: boolean) => ({
            affected: true,
            vulnerable,
            impacts,
            power: vulnerable ? 1 : 5,
          })
          const vulnerable = make({ id: 'vulnerable', name: 'V', ...fields(true) })
          const other = make({ id: 'other', name: 'O', ...fields(false) })
          const list = first ? [other, ...others, vulnerable] : [vulnerable, ...others, other]
          const ids = prioritiseStakeholders(list).map((e) => e.stakeholder.id)
          expect(ids.indexOf('vulnerable')).toBeLessThan(ids.indexOf('other'))
        },
      ),
    )
  })
})
