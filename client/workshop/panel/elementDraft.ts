/**
 * The element scores of a dialogue evaluation a participant chose but has not handed in,
 * kept as a field draft (JSON text) so they survive a tab switch and a reload.
 */
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import type { ElementScores } from '../model/EvaluationModel'

/** A kept draft: known elements with a number or null; anything else is dropped. */
export function readElementDraft(text: string): ElementScores {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    const draft: ElementScores = {}
    if (typeof parsed !== 'object' || parsed === null) return draft
    for (const element of DIALOGUE_ELEMENTS) {
      const value = (parsed as Record<string, unknown>)[element]
      if (value === null || typeof value === 'number') draft[element] = value
    }
    return draft
  } catch {
    return {}
  }
}
