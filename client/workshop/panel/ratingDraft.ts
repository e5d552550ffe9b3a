/**
 * The private scores a participant typed but has not submitted, kept as a field draft
 * (JSON text) so they survive a tab switch and a reload.
 */
import { type Rating, RATING_ATTRIBUTES } from '../../../shared/scoring/aggregateRatings'

/** A kept scoring draft: known attributes with a number or null; anything else is dropped. */
export function readRatingDraft(text: string): Rating {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    const draft: Rating = {}
    if (typeof parsed !== 'object' || parsed === null) return draft
    for (const attribute of RATING_ATTRIBUTES) {
      const value = (parsed as Record<string, unknown>)[attribute]
      if (value === null || typeof value === 'number') draft[attribute] = value
    }
    return draft
  } catch {
    return {}
  }
}
