/**
 * Writes the results an imported map file held (shared/protocol/importedResultsApi.ts) into
 * the evaluation records of the new map, as the server: each element's result marked with
 * `importedAt`, its notes kept, the record's dates left as the file had them (the file's
 * export → import → export stays exact; the mark says what happened).
 */
import * as Y from 'yjs'
import type { ElementResult } from '../../shared/dialogue/DialogueEvaluation'
import type { DialogueElement } from '../../shared/dialogue/dialogueVocabulary'
import { DIALOGUE_EVALUATION_LAYOUT, recordsMap } from '../../shared/document/dialogueDocument'
import { isPlainObject } from '../../shared/workshop/plainValues'

/** The results of one evaluation, by element. */
export type ResultsOfEvaluation = Partial<Record<DialogueElement, ElementResult>>

/** The `elements` map of evaluation `id` in `doc`; null when `doc` does not hold it. */
export function evaluationElements(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const fields = recordsMap(doc, DIALOGUE_EVALUATION_LAYOUT).get(id)
  if (!(fields instanceof Y.Map)) return null
  const elements = fields.get('elements')
  return elements instanceof Y.Map ? (elements as Y.Map<unknown>) : null
}

/** The elements of `results` that already have a result in `elements`. */
export function elementsWithResult(
  elements: Y.Map<unknown>,
  results: ResultsOfEvaluation,
): DialogueElement[] {
  return (Object.keys(results) as DialogueElement[]).filter((element) => {
    const held = elements.get(element)
    return isPlainObject(held) && held.result !== null && held.result !== undefined
  })
}

/** Writes `results` into `elements` in one transaction of `doc`, as `origin`; answers how many. */
export function writeImportedResults(
  doc: Y.Doc,
  elements: Y.Map<unknown>,
  results: ResultsOfEvaluation,
  importedAt: string,
  origin: unknown,
): number {
  let written = 0
  doc.transact(() => {
    for (const [element, result] of Object.entries(results)) {
      const held = elements.get(element)
      const notes = isPlainObject(held) && typeof held.notes === 'string' ? held.notes : ''
      elements.set(element, { result: { ...result, importedAt }, notes })
      written++
    }
  }, origin)
  return written
}
