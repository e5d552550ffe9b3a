/**
 * Writes the revealed result of a dialogue-evaluation round (shared/workshop/evaluationRound.ts)
 * into the evaluation record's `elements[code].result` (shared/document/dialogueDocument.ts),
 * keeping each element's notes: the server's side of the reveal, as `peer`. A record that is
 * gone (deleted while the round was open) gets nothing; the round still holds the result.
 */
import * as Y from 'yjs'
import { DIALOGUE_ELEMENTS } from '../../shared/dialogue/dialogueVocabulary'
import { DIALOGUE_EVALUATION_LAYOUT, recordsMap } from '../../shared/document/dialogueDocument'
import type { ElementResults } from '../../shared/workshop/evaluationRound'
import { isPlainObject } from '../../shared/workshop/plainValues'

/** Sets every element's result of evaluation `evaluationId`; false when there is no such record. */
export function writeElementResults(
  doc: Y.Doc,
  evaluationId: string,
  results: ElementResults,
  now: Date,
  origin: unknown,
): boolean {
  const fields = recordsMap(doc, DIALOGUE_EVALUATION_LAYOUT).get(evaluationId)
  if (!(fields instanceof Y.Map)) return false
  doc.transact(() => {
    let elements = fields.get('elements')
    if (!(elements instanceof Y.Map)) {
      elements = new Y.Map<unknown>()
      fields.set('elements', elements)
    }
    const map = elements as Y.Map<unknown>
    for (const element of DIALOGUE_ELEMENTS) {
      const current = map.get(element)
      const notes = isPlainObject(current) && typeof current.notes === 'string' ? current.notes : ''
      map.set(element, { result: results[element], notes })
    }
    fields.set('updatedAt', now.toISOString())
  }, origin)
  return true
}
