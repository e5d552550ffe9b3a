/**
 * The influence × impact grid, a variant of Mendelow's (1991) power/interest matrix.
 * Influence is the stakeholder's influence on the company; impact is the company's
 * (actual or potential) impact on the stakeholder. Following the OECD guidance, the
 * low-influence/high-impact quadrant is `empower`, not Mendelow's "keep informed".
 */
import { scoreValue } from './scoreValue'
import type { ScoreInput } from './scoreValue'

/** The grid's quadrants, plus `unassessed` when a position is missing. */
export const ENGAGEMENT_QUADRANTS = [
  'manage-closely',
  'keep-satisfied',
  'empower',
  'monitor',
  'unassessed',
] as const
/** See {@link ENGAGEMENT_QUADRANTS}. */
export type EngagementQuadrant = (typeof ENGAGEMENT_QUADRANTS)[number]

/** A position on the grid, 1–5 on both axes; fractional values are fine. */
export interface GridPosition {
  influence?: ScoreInput
  impact?: ScoreInput
}

/** Value above which a score is "high". */
export const DEFAULT_QUADRANT_MIDPOINT = 3

/** Options for {@link engagementQuadrant}. */
export interface QuadrantOptions {
  /** A score is high when strictly above this; default 3 (the middle of 1–5). */
  midpoint?: number
}

/** The quadrant of a grid position; `unassessed` when either score is missing or NaN. */
export function engagementQuadrant(
  position: GridPosition,
  options: QuadrantOptions = {},
): EngagementQuadrant {
  const influence = scoreValue(position.influence)
  const impact = scoreValue(position.impact)
  if (influence === null || impact === null) return 'unassessed'
  const midpoint = options.midpoint ?? DEFAULT_QUADRANT_MIDPOINT
  const highInfluence = influence > midpoint
  const highImpact = impact > midpoint
  if (highInfluence) return highImpact ? 'manage-closely' : 'keep-satisfied'
  return highImpact ? 'empower' : 'monitor'
}
