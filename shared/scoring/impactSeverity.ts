/**
 * Severity of an adverse impact as the OECD guidance defines it: scale (how grave), scope
 * (how widespread) and irremediable character (how hard to undo); for potential impacts,
 * likelihood as well. Any one dimension can make an impact severe, so the highest of the
 * three leads, and their sum only breaks ties.
 */
import type { AdverseImpact } from '../stakeholder/Stakeholder'
import { scoreValue } from './scoreValue'
import type { ScoreInput } from './scoreValue'

/** The fields of an impact that severity reads. */
export interface SeverityInput {
  actuality: AdverseImpact['actuality']
  scale?: ScoreInput
  scope?: ScoreInput
  irremediability?: ScoreInput
  likelihood?: ScoreInput
}

/** The parts of an impact's priority, compared in this order. */
export interface ImpactSeverity {
  /** Highest of scale, scope and irremediability; null when none is assessed. */
  max: number | null
  /** Sum of the assessed dimensions (0 when none is). */
  sum: number
  /** Likelihood; an actual impact is certain (5); null when a potential one is unassessed. */
  likelihood: number | null
}

/** Likelihood given to actual impacts: they have happened. */
const CERTAIN = 5

/** Default score from which a dimension makes an impact severe. */
export const DEFAULT_SEVERE_THRESHOLD = 4

/** Options for severity checks. */
export interface SeverityOptions {
  /** An impact is severe when scale, scope or irremediability reaches this; default 4. */
  severeThreshold?: number
}

/** The severity parts of one impact. */
export function impactSeverity(impact: SeverityInput): ImpactSeverity {
  const dimensions = [impact.scale, impact.scope, impact.irremediability]
    .map(scoreValue)
    .filter((value): value is number => value !== null)
  return {
    max: dimensions.length === 0 ? null : Math.max(...dimensions),
    sum: dimensions.reduce((total, value) => total + value, 0),
    likelihood: impact.actuality === 'actual' ? CERTAIN : scoreValue(impact.likelihood),
  }
}

/** True when any severity dimension reaches the threshold (likelihood does not count). */
export function isSevereImpact(impact: SeverityInput, options: SeverityOptions = {}): boolean {
  const { max } = impactSeverity(impact)
  return max !== null && max >= (options.severeThreshold ?? DEFAULT_SEVERE_THRESHOLD)
}

function compareDescending(a: number | null, b: number | null): number {
  // Not assessed sorts after any assessed value.
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return b - a
}

/**
 * Orders severities most urgent first: highest dimension, then sum, then likelihood.
 * Negative when `a` is more urgent, 0 when they are equally severe.
 */
export function compareImpactSeverity(a: ImpactSeverity, b: ImpactSeverity): number {
  return (
    compareDescending(a.max, b.max) ||
    compareDescending(a.sum, b.sum) ||
    compareDescending(a.likelihood, b.likelihood)
  )
}
