/**
 * The `result` of a dialogue evaluation's element (shared/dialogue/DialogueEvaluation.ts) is
 * written by the server alone, at the reveal of an evaluation round (BallotBox.ts,
 * writeElementResults.ts); editors write the element's `notes` in the same value. A new
 * value under `dialogueEvaluations.<id>.elements.<code>` is refused as a whole unless its
 * `result` is what the documents hold for that element (none counts as null), so a socket
 * may change the notes, create an evaluation without results, or delete one, but never
 * fake, change or erase a result. This holds for every role, owners included, and for an
 * import over the socket too: a result comes from the server's count of ballots, or from
 * the server itself taking an imported file's results once for the owner of a map created as
 * an import (server/http/createImportedResultsRoutes.ts), marked `importedAt` — part of the
 * result, so no socket can strip or forge the mark either.
 *
 * In both of a map's documents: an evaluation follows its plan into the confidential
 * document and back (dialogueDocument.ts), so a record this document does not hold is
 * compared with the other document's copy of it, when that is loaded on this node. A move
 * copies the results as they are there, which passes; made-up results in a record neither
 * document holds do not.
 */
import * as Y from 'yjs'
import { DIALOGUE_EVALUATIONS_MAP } from '../../shared/document/mapDocumentLayout'
import { isPlainObject } from '../../shared/workshop/plainValues'
import type { ItemCheck } from './checkUpdateShape'
import { deepEqual } from './deepEqual'
import { SERVER_WRITTEN_REASON } from './checkServerWrittenRound'

const ELEMENTS_FIELD = 'elements'

/** The result a stored or new element value holds; null when none (or not an element). */
function resultOf(value: unknown): unknown {
  return isPlainObject(value) ? (value.result ?? null) : null
}

/** The record `recordId` as `doc` holds it; null when there is none. */
function storedRecord(doc: Y.Doc | null, recordId: string): Y.Map<unknown> | null {
  const fields = doc?.getMap<unknown>(DIALOGUE_EVALUATIONS_MAP).get(recordId)
  return fields instanceof Y.Map ? (fields as Y.Map<unknown>) : null
}

/** The element `code` of `record`; undefined when none. */
function storedElement(record: Y.Map<unknown> | null, code: string): unknown {
  const elements = record?.get(ELEMENTS_FIELD)
  return elements instanceof Y.Map ? (elements as Y.Map<unknown>).get(code) : undefined
}

/**
 * The check of new Items under the elements of `doc`'s dialogue evaluations; `sibling` is
 * the map's other document when loaded here (null: not loaded).
 */
export function checkServerWrittenElementResult(
  doc: Y.Doc,
  sibling: () => Y.Doc | null,
): ItemCheck {
  return (location, item) => {
    if (location.root !== DIALOGUE_EVALUATIONS_MAP) return null
    const [recordId, field] = location.path
    if (location.path.length !== 2 || field !== ELEMENTS_FIELD) return null
    if (typeof recordId !== 'string' || location.key === null) return null
    if (!(item.content instanceof Y.ContentAny)) return null
    const record = storedRecord(doc, recordId) ?? storedRecord(sibling(), recordId)
    const held = resultOf(storedElement(record, location.key))
    for (const value of item.content.arr) {
      if (!deepEqual(resultOf(value), held)) return SERVER_WRITTEN_REASON
    }
    return null
  }
}
