/**
 * The imported-results API (issue 21): how the revealed results of a map file's dialogue
 * evaluations reach a map made by importing it. A result is written by the server alone
 * (server/rooms/checkServerWrittenElementResult.ts), so the import writes the evaluations
 * over its socket without results and hands the results to the server once, here:
 *
 * - `POST /api/maps` with `{ title, imported: true }` makes a map that awaits them (the
 *   server records it with the map).
 * - `POST /api/maps/<id>/imported-results` with {@link ImportedResultsRequest}, the owner's
 *   token (or owner membership), within {@link IMPORTED_RESULTS_WINDOW_MS} of the map's
 *   creation, once: the server writes each result into the evaluation the map holds (in
 *   either document), marked `importedAt` (shared/dialogue/DialogueEvaluation.ts), and
 *   answers {@link ImportedResultsResponse}. Refusals: 403 `role-not-allowed` (not the
 *   owner), 409 `not-an-import`, `imported-results-taken` (a second call; the first, even an
 *   empty one, closes it), `import-window-closed`, `result-exists` (an element already has a
 *   result: it was counted here); 400 `invalid-results` (not results of the nine
 *   elements), `unknown-evaluation` (an evaluation the map does not hold).
 */
import type { DialogueElement } from '../dialogue/dialogueVocabulary'
import type { ElementResult } from '../dialogue/DialogueEvaluation'
import type { Role } from './roles'

/** How long after its creation an imported map takes its file's results. */
export const IMPORTED_RESULTS_WINDOW_MS = 60 * 60 * 1000

/** Largest body read: the nine results of every evaluation a file may hold. */
export const IMPORTED_RESULTS_MAX_BYTES = 12 * 1024 * 1024

/** Body of `POST …/imported-results`: evaluation id → element → the file's result. */
export interface ImportedResultsRequest {
  evaluations: Record<string, Partial<Record<DialogueElement, ElementResult>>>
}

/** Answer of `POST …/imported-results` (200). */
export interface ImportedResultsResponse {
  /** Results written, over all evaluations. */
  written: number
  /** When the server took them: every written result's `importedAt`. */
  importedAt: string
}

/** Whether `role` may hand the server an imported map's results: its owner only. */
export function canTakeImportedResults(role: Role): boolean {
  return role === 'owner'
}

/** Path of a map's imported-results route. */
export function importedResultsPath(mapId: string): string {
  return `/api/maps/${encodeURIComponent(mapId)}/imported-results`
}
