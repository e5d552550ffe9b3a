import { compareImpactSeverity, impactSeverity } from './impactSeverity'
import type { SeverityInput } from './impactSeverity'

/**
 * A new array of the impacts, most urgent first (see `compareImpactSeverity`): the
 * highest of scale, scope and irremediability, then their sum, then likelihood (actual
 * impacts count as certain). Impacts not assessed at all come last. Ties keep their input
 * order; the input is not changed.
 */
export function prioritiseImpacts<T extends SeverityInput>(impacts: readonly T[]): T[] {
  return impacts
    .map((impact, index) => ({ impact, index, severity: impactSeverity(impact) }))
    .sort((a, b) => compareImpactSeverity(a.severity, b.severity) || a.index - b.index)
    .map(({ impact }) => impact)
}
