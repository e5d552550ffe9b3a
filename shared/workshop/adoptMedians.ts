/**
 * What "adopt the medians" writes into the stakeholder's record after a scoring round: the
 * group's median for every attribute someone scored; attributes nobody scored keep what the
 * record says. Power, legitimacy and urgency are whole numbers, and the median of an even
 * number of scores can fall between two (2 and 3 give 2.5): it is rounded, half up, so a
 * group split evenly between 2 and 3 adopts 3. Influence and impact may be fractional and
 * are taken as they are.
 */
import type { StakeholderPatch } from '../document/stakeholderDocument'
import type { AggregatedRatings, AttributeAggregate } from '../scoring/aggregateRatings'

/** The scores a round can change. */
export type AdoptedScores = Pick<
  StakeholderPatch,
  'power' | 'legitimacy' | 'urgency' | 'influence' | 'impact'
>

/** The median of a scored attribute, or undefined when nobody scored it. */
function medianOf(aggregate: AttributeAggregate, whole: boolean): number | undefined {
  if (aggregate.count === 0 || aggregate.median === null) return undefined
  return whole ? Math.round(aggregate.median) : aggregate.median
}

/** The record changes that adopt a round's medians. */
export function adoptMedians(ratings: AggregatedRatings): AdoptedScores {
  const scores: AdoptedScores = {}
  const set = (attribute: keyof AdoptedScores, value: number | undefined) => {
    if (value !== undefined) scores[attribute] = value
  }
  set('power', medianOf(ratings.power, true))
  set('legitimacy', medianOf(ratings.legitimacy, true))
  set('urgency', medianOf(ratings.urgency, true))
  set('influence', medianOf(ratings.influence, false))
  set('impact', medianOf(ratings.impact, false))
  return scores
}
