import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RATING_ATTRIBUTES, aggregateRatings } from '../../../shared/index'

describe('aggregateRatings', () => {
  it('computes median, min, max, count and disagreement per attribute', () => {
    const result = aggregateRatings([
      { power: 1, legitimacy: 4, influence: 2.5 },
      { power: 3, legitimacy: 4, influence: null },
      { power: 5, legitimacy: 5, urgency: Number.NaN },
      { power: 2 },
    ])
    expect(result.power).toEqual({ count: 4, median: 2.5, min: 1, max: 5, disagreement: true })
    expect(result.legitimacy).toEqual({ count: 3, median: 4, min: 4, max: 5, disagreement: false })
    expect(result.influence).toEqual({
      count: 1,
      median: 2.5,
      min: 2.5,
      max: 2.5,
      disagreement: false,
    })
    expect(result.urgency).toEqual({
      count: 0,
      median: null,
      min: null,
      max: null,
      disagreement: false,
    })
    expect(result.impact.count).toBe(0)
  })

  it('flags disagreement from a spread of exactly 2 by default, configurable', () => {
    expect(aggregateRatings([{ impact: 2 }, { impact: 4 }]).impact.disagreement).toBe(true)
    expect(aggregateRatings([{ impact: 2 }, { impact: 3.9 }]).impact.disagreement).toBe(false)
    const options = { disagreementSpread: 3 }
    expect(aggregateRatings([{ impact: 2 }, { impact: 4 }], options).impact.disagreement).toBe(
      false,
    )
  })

  it('does not change its input', () => {
    const ratings = [{ power: 5 }, { power: 1 }, { power: 3 }]
    aggregateRatings(ratings)
    expect(ratings).toEqual([{ power: 5 }, { power: 1 }, { power: 3 }])
  })

  it('keeps the median within [min, max] and counts only finite scores', () => {
    const value = fc.oneof(
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
      fc.double({ min: 1, max: 5, noNaN: true }),
    )
    const rating = fc.record(
      { power: value, legitimacy: value, urgency: value, influence: value, impact: value },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 30 }), (ratings) => {
        const result = aggregateRatings(ratings)
        for (const attribute of RATING_ATTRIBUTES) {
          const { count, median, min, max } = result[attribute]
          const finite = ratings.filter((r) => Number.isFinite(r[attribute])).length
          expect(count).toBe(finite)
          if (count === 0) continue
          expect(median).not.toBeNull()
          expect(median!).toBeGreaterThanOrEqual(min!)
          expect(median!).toBeLessThanOrEqual(max!)
        }
      }),
    )
  })
})
