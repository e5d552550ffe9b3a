import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareImpactSeverity, impactSeverity, prioritiseImpacts } from '../../../shared/index'
import type { AdverseImpact } from '../../../shared/index'
import { impactArbitrary } from '../stakeholder/stakeholderArbitrary'

function impact(id: string, fields: Partial<AdverseImpact>): AdverseImpact {
  return {
    id,
    description: '',
    topic: '',
    actuality: 'potential',
    scale: null,
    scope: null,
    irremediability: null,
    likelihood: null,
    ...fields,
  }
}

describe('impactSeverity', () => {
  it('takes the highest dimension, the sum, and likelihood', () => {
    expect(
      impactSeverity(impact('a', { scale: 2, scope: 5, irremediability: 1, likelihood: 2 })),
    ).toEqual({
      max: 5,
      sum: 8,
      likelihood: 2,
    })
  })

  it('treats an actual impact as certain', () => {
    expect(
      impactSeverity(impact('a', { actuality: 'actual', scale: 3, likelihood: 1 })).likelihood,
    ).toBe(5)
  })

  it('reports no max when nothing is assessed', () => {
    expect(impactSeverity(impact('a', {}))).toEqual({ max: null, sum: 0, likelihood: null })
  })
})

describe('prioritiseImpacts', () => {
  it('puts an irremediable impact first even when scale and scope are low', () => {
    const order = prioritiseImpacts([
      impact('broad', { scale: 3, scope: 4, irremediability: 3, likelihood: 5 }),
      impact('irreversible', { scale: 1, scope: 1, irremediability: 5, likelihood: 1 }),
      impact('unassessed', {}),
      impact('tie-on-max', { scale: 4, scope: 4, irremediability: 4, likelihood: 1 }),
    ])
    expect(order.map((i) => i.id)).toEqual(['irreversible', 'tie-on-max', 'broad', 'unassessed'])
  })

  it('breaks ties by likelihood, actual before potential, then input order', () => {
    const order = prioritiseImpacts([
      impact('p2', { scale: 4, likelihood: 2 }),
      impact('p4', { scale: 4, likelihood: 4 }),
      impact('actual', { scale: 4, actuality: 'actual' }),
      impact('p2-later', { scale: 4, likelihood: 2 }),
    ])
    expect(order.map((i) => i.id)).toEqual(['actual', 'p4', 'p2', 'p2-later'])
  })

  const impacts = fc.array(impactArbitrary, { maxLength: 12 })

  it('returns a sorted permutation and leaves the input unchanged', () => {
    fc.assert(
      fc.property(impacts, (input) => {
        const copy = structuredClone(input)
        const output = prioritiseImpacts(input)
        expect(input).toEqual(copy)
        expect(output).not.toBe(input)
        expect([...output].sort((a, b) => input.indexOf(a) - input.indexOf(b))).toEqual(input)
        for (let i = 1; i < output.length; i++) {
          const previous = impactSeverity(output[i - 1]!)
          const current = impactSeverity(output[i]!)
          expect(compareImpactSeverity(previous, current)).toBeLessThanOrEqual(0)
          // The highest dimension leads: nothing later has a higher one.
          if (previous.max !== null && current.max !== null) {
            expect(current.max).toBeLessThanOrEqual(previous.max)
          }
          if (previous.max === null) expect(current.max).toBeNull()
          // Stable: equally severe impacts keep their input order.
          if (compareImpactSeverity(previous, current) === 0) {
            expect(input.indexOf(output[i - 1]!)).toBeLessThan(input.indexOf(output[i]!))
          }
        }
      }),
    )
  })

  it('raising a severity dimension never moves an impact back', () => {
    fc.assert(
      fc.property(
        impacts,
        fc.nat(),
        fc.constantFrom('scale', 'scope', 'irremediability') as fc.Arbitrary<
          'scale' | 'scope' | 'irremediability'
        >,
        (input, pick, dimension) => {
          fc.pre(input.length > 0)
          const index = pick % input.length
          const target = input[index]!
          const raised = { ...target, [dimension]: 5 }
          const before = prioritiseImpacts(input).indexOf(target)
          const after = prioritiseImpacts(input.map((i, n) => (n === index ? raised : i))).indexOf(
            raised,
          )
          expect(after).toBeLessThanOrEqual(before)
        },
      ),
    )
  })
})
