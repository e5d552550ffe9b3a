/**
 * The group's result per element of the SER dialogue model, from every participant's private
 * scores (1–5): median, spread and a disagreement flag, computed exactly as a private-scoring
 * round of a stakeholder reveals them (`aggregateScores` of `aggregateRatings.ts`).
 */
import { aggregateScores } from '../scoring/aggregateRatings'
import type { AggregateOptions } from '../scoring/aggregateRatings'
import type { ScoreInput } from '../scoring/scoreValue'
import type { ElementResult } from './DialogueEvaluation'
import type { DialogueElement } from './dialogueVocabulary'
import { DIALOGUE_ELEMENTS } from './dialogueVocabulary'

/** One participant's scores; any element may be left out or null. */
export type ElementRating = Partial<Record<DialogueElement, ScoreInput>>

/** The result of every element; an element no one scored has count 0 and null median. */
export function aggregateElementRatings(
  ratings: readonly ElementRating[],
  options: AggregateOptions = {},
): Record<DialogueElement, ElementResult> {
  return Object.fromEntries(
    DIALOGUE_ELEMENTS.map((element) => [
      element,
      aggregateScores(
        ratings.map((rating) => rating[element]),
        options,
      ),
    ]),
  ) as Record<DialogueElement, ElementResult>
}
