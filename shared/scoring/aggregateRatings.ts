/**
 * Combines the ratings of several participants (e.g. each table in the workshop scores a
 * stakeholder). The median resists one outlier; the spread shows where the group does not
 * agree, which is worth a conversation rather than an average.
 */
import { scoreValue } from './scoreValue'
import type { ScoreInput } from './scoreValue'

/** The attributes participants rate. */
export const RATING_ATTRIBUTES = ['power', 'legitimacy', 'urgency', 'influence', 'impact'] as const
/** See {@link RATING_ATTRIBUTES}. */
export type RatingAttribute = (typeof RATING_ATTRIBUTES)[number]

/** One participant's rating; any attribute may be left out or null. */
export type Rating = Partial<Record<RatingAttribute, ScoreInput>>

/** Summary of one attribute over all ratings that assessed it. */
export interface AttributeAggregate {
  /** Number of ratings with an assessed (finite) score. */
  count: number
  /** Median; for an even count, the mean of the two middle scores. Null when count is 0. */
  median: number | null
  min: number | null
  max: number | null
  /** True when max − min reaches the disagreement spread. */
  disagreement: boolean
}

/** Aggregates of every rating attribute. */
export type AggregatedRatings = Record<RatingAttribute, AttributeAggregate>

/** Spread (max − min) from which raters are taken to disagree. */
export const DEFAULT_DISAGREEMENT_SPREAD = 2

/** Options for {@link aggregateRatings}. */
export interface AggregateOptions {
  /** Default 2: on a 1–5 scale, "3" and "5" for the same stakeholder need a talk. */
  disagreementSpread?: number
}

/**
 * Median, min, max, count and a disagreement flag of one attribute's scores (unassessed
 * ones ignored): what a private-scoring round reveals, for any attribute.
 */
export function aggregateScores(
  scores: readonly ScoreInput[],
  options: AggregateOptions = {},
): AttributeAggregate {
  const values = scores.map(scoreValue).filter((v): v is number => v !== null)
  return aggregate(values, options.disagreementSpread ?? DEFAULT_DISAGREEMENT_SPREAD)
}

function aggregate(values: number[], spread: number): AttributeAggregate {
  const sorted = [...values].sort((a, b) => a - b)
  const count = sorted.length
  const min = sorted[0]
  const max = sorted[count - 1]
  if (min === undefined || max === undefined) {
    return { count: 0, median: null, min: null, max: null, disagreement: false }
  }
  const upper = sorted[Math.floor(count / 2)] ?? min
  const lower = sorted[Math.ceil(count / 2) - 1] ?? min
  // Halving first cannot overflow; the clamp guards against rounding at the extremes.
  const median = lower === upper ? lower : Math.min(Math.max(lower / 2 + upper / 2, lower), upper)
  return { count, median, min, max, disagreement: max - min >= spread }
}

/** Median, min, max, count and a disagreement flag per attribute; unassessed ones ignored. */
export function aggregateRatings(
  ratings: readonly Rating[],
  options: AggregateOptions = {},
): AggregatedRatings {
  const spread = options.disagreementSpread ?? DEFAULT_DISAGREEMENT_SPREAD
  const collect = (attribute: RatingAttribute): number[] =>
    ratings.map((rating) => scoreValue(rating[attribute])).filter((v): v is number => v !== null)
  return {
    power: aggregate(collect('power'), spread),
    legitimacy: aggregate(collect('legitimacy'), spread),
    urgency: aggregate(collect('urgency'), spread),
    influence: aggregate(collect('influence'), spread),
    impact: aggregate(collect('impact'), spread),
  }
}
