import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SALIENCE_ATTRIBUTES, classifySalience, salienceScore } from '../../../shared/index'
import type { SalienceAttributes } from '../../../shared/index'

// Edges near the threshold and the scale ends are where a weak weighting would fail.
const value = fc.oneof(
  fc.constantFrom(1, 2.9999, 3, 3.0001, 4.9999, 5),
  fc.double({ min: 1, max: 5, noNaN: true }),
)
const score = fc.option(value, { nil: null })
const attributes = fc.record({ power: score, legitimacy: score, urgency: score })
const attribute = fc.constantFrom(...SALIENCE_ATTRIBUTES)
const threshold = fc.option(
  fc.oneof(fc.constantFrom(1, 3, 5), fc.double({ min: 1, max: 5, noNaN: true })),
  {
    nil: undefined,
  },
)

const presentCount = (value: SalienceAttributes, t: number | undefined): number =>
  SALIENCE_ATTRIBUTES.filter((name) => {
    const v = value[name]
    return typeof v === 'number' && v >= (t ?? 3)
  }).length

describe('salienceScore', () => {
  it('is 0 when nothing is assessed and 315 at the top', () => {
    expect(salienceScore({})).toBe(0)
    expect(salienceScore({ power: 5, legitimacy: 5, urgency: 5 })).toBe(315)
    expect(salienceScore({ power: Number.NaN })).toBe(0)
  })

  it('raising any attribute never lowers the score', () => {
    fc.assert(
      fc.property(
        attributes,
        attribute,
        fc.double({ min: 1, max: 5, noNaN: true }),
        threshold,
        (a, name, raised, t) => {
          const before = a[name]
          fc.pre(before === null || raised >= before)
          const options = { threshold: t }
          expect(salienceScore({ ...a, [name]: raised }, options)).toBeGreaterThanOrEqual(
            salienceScore(a, options),
          )
        },
      ),
    )
  })

  it('assessing a missing attribute never lowers the score', () => {
    fc.assert(
      fc.property(
        attributes,
        attribute,
        fc.double({ min: 1, max: 5, noNaN: true }),
        (a, name, value) => {
          const without = { ...a, [name]: null }
          expect(salienceScore({ ...without, [name]: value })).toBeGreaterThanOrEqual(
            salienceScore(without),
          )
        },
      ),
    )
  })

  it('more attributes present always ranks above fewer', () => {
    fc.assert(
      fc.property(attributes, attributes, threshold, (a, b, t) => {
        const options = { threshold: t }
        const countA = presentCount(a, t)
        const countB = presentCount(b, t)
        fc.pre(countA > countB)
        expect(salienceScore(a, options)).toBeGreaterThan(salienceScore(b, options))
      }),
      { numRuns: 2000 },
    )
  })

  it('a definitive stakeholder outranks every expectant one, which outrank every latent one', () => {
    fc.assert(
      fc.property(attributes, attributes, (a, b) => {
        const rank = { definitive: 3, dominant: 2, dangerous: 2, dependent: 2 } as Record<
          string,
          number
        >
        const groupA =
          rank[classifySalience(a)] ?? (classifySalience(a) === 'non-stakeholder' ? 0 : 1)
        const groupB =
          rank[classifySalience(b)] ?? (classifySalience(b) === 'non-stakeholder' ? 0 : 1)
        fc.pre(groupA > groupB)
        expect(salienceScore(a)).toBeGreaterThan(salienceScore(b))
      }),
    )
  })
})
