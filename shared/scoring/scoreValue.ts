/**
 * The one rule every scoring function uses for "is this attribute assessed?": a finite
 * number counts; null, undefined, NaN, ±Infinity and non-numbers mean "not assessed".
 * Scoring reads data already validated at the edge, but derived inputs (medians, canvas
 * positions) can still be NaN, and a wrong answer is worse than "not assessed".
 */

/** A possibly missing score as scoring functions accept it. */
export type ScoreInput = number | null | undefined

/** The score as a finite number, or null when it is not assessed. */
export function scoreValue(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
