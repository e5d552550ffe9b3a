import { describe, expect, it } from 'vitest'
import { type Rating, aggregateRatings } from '../../../shared/scoring/aggregateRatings'
import { adoptMedians } from '../../../shared/workshop/adoptMedians'

const adopted = (...ratings: Rating[]) => adoptMedians(aggregateRatings(ratings))

describe('adopting a scoring round’s medians', () => {
  it('takes the middle score of an odd number of participants', () => {
    expect(adopted({ power: 2 }, { power: 5 }, { power: 3 })).toEqual({ power: 3 })
  })

  it('rounds a whole-number attribute split evenly between two scores half up', () => {
    // 2, 2, 3, 3: the median is 2.5, and a record holds whole numbers for power.
    expect(adopted({ power: 2 }, { power: 3 }, { power: 3 }, { power: 2 })).toEqual({ power: 3 })
    expect(adopted({ legitimacy: 3 }, { legitimacy: 4 })).toEqual({ legitimacy: 4 })
    expect(adopted({ urgency: 1 }, { urgency: 2 })).toEqual({ urgency: 2 })
  })

  it('keeps a tie of equal middle scores as it is', () => {
    expect(adopted({ urgency: 4 }, { urgency: 4 }, { urgency: 1 }, { urgency: 5 })).toEqual({
      urgency: 4,
    })
  })

  it('keeps influence and impact fractional', () => {
    expect(adopted({ influence: 2, impact: 4 }, { influence: 3.5, impact: 5 })).toEqual({
      influence: 2.75,
      impact: 4.5,
    })
  })

  it('leaves out what nobody scored, so the record keeps its own value', () => {
    const result = adopted({ power: 4, legitimacy: null }, { power: 5 }, {})
    expect(result).toEqual({ power: 5 })
    expect('legitimacy' in result).toBe(false)
    expect(adopted()).toEqual({})
  })

  it('adopts all five attributes of a full round', () => {
    expect(
      adopted(
        { power: 2, legitimacy: 5, urgency: 4, influence: 1.5, impact: 5 },
        { power: 3, legitimacy: 5, urgency: 5, influence: 2, impact: 4 },
        { power: 5, legitimacy: 4, urgency: 4, influence: 4, impact: 4 },
      ),
    ).toEqual({ power: 3, legitimacy: 5, urgency: 4, influence: 2, impact: 4 })
  })
})
