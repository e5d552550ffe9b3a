/**
 * The results of a map file's dialogue evaluations, as the import hands them to the server
 * (shared/protocol/importedResultsApi.ts): {@link resultsToImport} gathers them from a
 * parsed file, {@link readImportedResults} checks an untrusted request body on the server.
 */
import * as v from 'valibot'
import { type ElementResult, elementResultSchema } from '../dialogue/DialogueEvaluation'
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../dialogue/dialogueVocabulary'
import { type ImportedResultsRequest } from '../protocol/importedResultsApi'
import { idSchema } from '../stakeholder/recordSchemaRules'
import { EXCHANGE_LIMITS } from './exchangeLimits'
import type { ParsedMapJson } from './mapJsonFormat'

/**
 * Most evaluations one request carries: as many as a map file may hold. Here and not in the
 * protocol module, which the home page loads: the exchange limits are loaded with the import.
 */
export const IMPORTED_RESULTS_MAX_EVALUATIONS = EXCHANGE_LIMITS.mapDialogueRecords

/** Every revealed result of the file's evaluations; evaluations without any left out. */
export function resultsToImport(parsed: ParsedMapJson): ImportedResultsRequest {
  const evaluations: ImportedResultsRequest['evaluations'] = {}
  for (const evaluation of parsed.dialogueEvaluations) {
    const results: Partial<Record<DialogueElement, ElementResult>> = {}
    for (const element of DIALOGUE_ELEMENTS) {
      const result = evaluation.elements[element].result
      if (result !== null) results[element] = result
    }
    if (Object.keys(results).length > 0) evaluations[evaluation.id] = results
  }
  return { evaluations }
}

/** A result the server takes: valid as a revealed result, its spread in order. */
function readResult(value: unknown): ElementResult | null {
  const parsed = v.safeParse(elementResultSchema, value)
  if (!parsed.success) return null
  const { median, min, max, count } = parsed.output
  const scores = [min, median, max]
  if (count === 0) return scores.every((score) => score === null) ? parsed.output : null
  if (scores.some((score) => score === null)) return null
  const [low, middle, high] = scores as number[]
  return low! <= middle! && middle! <= high! ? parsed.output : null
}

/** Outcome of {@link readImportedResults}: the results by evaluation, or why not. */
export type ReadImportedResults =
  | { ok: true; evaluations: Map<string, Partial<Record<DialogueElement, ElementResult>>> }
  | { ok: false; message: string }

/**
 * Checks an untrusted {@link ImportedResultsRequest}: evaluation ids as record ids, each
 * with results of known elements only, every result as a reveal writes one (count, median,
 * lowest and highest score, disagreement). The file's `importedAt` is dropped: the server
 * marks when it took them.
 */
export function readImportedResults(body: unknown): ReadImportedResults {
  const fail = (message: string): ReadImportedResults => ({ ok: false, message })
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('The body must be an object { evaluations }.')
  }
  const raw = (body as Record<string, unknown>).evaluations
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('evaluations must be an object: evaluation id → element → result.')
  }
  const ids = Object.keys(raw)
  if (ids.length > IMPORTED_RESULTS_MAX_EVALUATIONS) {
    return fail(`At most ${IMPORTED_RESULTS_MAX_EVALUATIONS} evaluations.`)
  }
  const evaluations = new Map<string, Partial<Record<DialogueElement, ElementResult>>>()
  for (const id of ids) {
    if (!v.safeParse(idSchema, id).success) {
      return fail(`${JSON.stringify(id.slice(0, 100))} is not an evaluation id.`)
    }
    const given = (raw as Record<string, unknown>)[id]
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      return fail(`evaluations.${id} must be an object: element → result.`)
    }
    const results: Partial<Record<DialogueElement, ElementResult>> = {}
    for (const [element, value] of Object.entries(given)) {
      if (!(DIALOGUE_ELEMENTS as readonly string[]).includes(element)) {
        return fail(`evaluations.${id}.${element.slice(0, 100)} is not an element of the model.`)
      }
      const result = readResult(value)
      if (result === null) {
        return fail(
          `evaluations.${id}.${element} is not a result: count, median, min, max (1–5, min ≤ median ≤ max) and disagreement.`,
        )
      }
      const { importedAt: _dropped, ...counted } = result
      results[element as DialogueElement] = counted
    }
    evaluations.set(id, results)
  }
  return { ok: true, evaluations }
}
