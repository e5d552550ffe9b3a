/**
 * Where an evaluation's results come from: counted on this map at a round's reveal, or
 * taken from an imported map file (`importedAt` of a result, DialogueEvaluation.ts). The
 * report and the evaluation's form say so, so an imported result never reads as counted.
 */
import type { DialogueEvaluation } from './DialogueEvaluation'
import { DIALOGUE_ELEMENTS } from './dialogueVocabulary'

/** The latest `importedAt` of the evaluation's results; null when none was imported. */
export function importedResultDate(evaluation: DialogueEvaluation): string | null {
  let latest: string | null = null
  for (const element of DIALOGUE_ELEMENTS) {
    const at = evaluation.elements[element].result?.importedAt
    if (at !== undefined && (latest === null || at > latest)) latest = at
  }
  return latest
}
