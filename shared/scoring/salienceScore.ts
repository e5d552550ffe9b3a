import { SALIENCE_ATTRIBUTES, isAttributePresent } from './classifySalience'
import type { SalienceAttributes, SalienceOptions } from './classifySalience'
import { scoreValue } from './scoreValue'

/** Highest score that counts; canvas positions or medians above it count as this. */
const SCALE_MAX = 5
/** Weight of one present attribute: more than three attributes at the top can add up to. */
const PRESENT_WEIGHT = 100

/**
 * A number for ranking by salience (higher = more salient):
 * `100 × (attributes present) + (sum of all assessed scores, each clamped to [0, 5])`.
 *
 * The sum is at most 15, so one more attribute present always outranks any scores with
 * fewer present (the model: salience rises with the number of attributes). Every score
 * counts in the sum, present or not, so raising any attribute never lowers the result and
 * usually raises it. Not-assessed scores count as 0. Range 0–315.
 */
export function salienceScore(
  attributes: SalienceAttributes,
  options: SalienceOptions = {},
): number {
  let score = 0
  for (const attribute of SALIENCE_ATTRIBUTES) {
    const value = scoreValue(attributes[attribute])
    if (value === null) continue
    if (isAttributePresent(value, options)) score += PRESENT_WEIGHT
    score += Math.min(Math.max(value, 0), SCALE_MAX)
  }
  return score
}
