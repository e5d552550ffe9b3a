import { prioritiseStakeholders } from '../scoring/prioritiseStakeholders'
import type { PrioritisableStakeholder } from '../scoring/prioritiseStakeholders'

/**
 * Each stakeholder's place in the engagement order, by id. The figures number their dots
 * with it, so a dot, the register row and the engagement order all carry the same number.
 */
export function engagementRanks(
  stakeholders: readonly PrioritisableStakeholder[],
): Map<string, number> {
  return new Map(
    prioritiseStakeholders(stakeholders).map(({ stakeholder, rank }) => [stakeholder.id, rank]),
  )
}

/** `text` cut to `max` characters with an ellipsis, so a label fits its place in a figure. */
export function shortLabel(text: string, max: number): string {
  const chars = [...text.trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}
