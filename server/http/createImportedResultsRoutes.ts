/**
 * `POST /api/maps/<id>/imported-results` (shared/protocol/importedResultsApi.ts): the one
 * way a dialogue evaluation's result gets into a map other than the server's own count at
 * a round's reveal. No socket may write a result (checkServerWrittenElementResult.ts); this
 * route lets the owner of a map created as an import hand the server the results of the
 * file, once, shortly after the map was made, and the server writes them as itself, each
 * marked `importedAt` so no one can pass one off as counted on this map.
 *
 * Everything is checked before the map's one chance is used up: the caller is the owner,
 * the map was created as an import and has not taken results yet, it is young enough, the
 * body is results of the model's elements, every evaluation named is in the map (in either
 * document) and none of the elements named has a result already. Then the chance is taken
 * atomically in the database (a second call, on any node, is refused) and the results are
 * written and stored.
 */
import { ApiErrorCode, type ApiErrorCodeValue } from '../../shared/protocol/apiErrorCodes'
import {
  IMPORTED_RESULTS_MAX_BYTES,
  IMPORTED_RESULTS_WINDOW_MS,
  type ImportedResultsResponse,
  canTakeImportedResults,
} from '../../shared/protocol/importedResultsApi'
import { readImportedResults } from '../../shared/exchange/importedResults'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import type { ReadSession } from '../access/readSession'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import { createActionPeer } from '../rooms/createActionPeer'
import {
  elementsWithResult,
  evaluationElements,
  writeImportedResults,
} from '../rooms/writeImportedResults'
import type { MapStore } from '../storage/MapStore'
import { readJsonBody } from './readJsonBody'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

const IMPORTED_RESULTS_PATH = /^\/api\/maps\/([^/]*)\/imported-results$/

/** What the route works on. */
export interface ImportedResultsRouteOptions {
  store: MapStore
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
  readSession?: ReadSession | null
}

/** A refusal found inside the rooms, answered after leaving them. */
type Refusal = { status: number; code: ApiErrorCodeValue; message: string }

/** The imported-results route. */
export function createImportedResultsRoutes(options: ImportedResultsRouteOptions): Route[] {
  const { store, rooms } = options
  const policy = accessPolicyOf(options)
  return [
    {
      method: 'POST',
      pattern: IMPORTED_RESULTS_PATH,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canTakeImportedResults)
        if (access === null) return
        const body = await readJsonBody(request, IMPORTED_RESULTS_MAX_BYTES)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const read = readImportedResults(body.value)
        if (!read.ok) return sendApiError(response, 400, ApiErrorCode.invalidResults, read.message)
        const { mapId } = access
        const state = await store.mapSettings.importedResultsState(mapId)
        if (state === 'none') {
          return sendApiError(
            response,
            409,
            ApiErrorCode.notAnImport,
            'This map was not created as an import: only the server counts its results.',
          )
        }
        if (state === 'taken') {
          return sendApiError(
            response,
            409,
            ApiErrorCode.importedResultsTaken,
            'This map took its imported results already; they are taken once.',
          )
        }
        const map = await store.getMap(mapId)
        if (map === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        const now = new Date()
        if (now.getTime() - Date.parse(map.createdAt) > IMPORTED_RESULTS_WINDOW_MS) {
          return sendApiError(
            response,
            409,
            ApiErrorCode.importWindowClosed,
            'Imported results are taken only in the first hour after the import.',
          )
        }
        const importedAt = now.toISOString()
        const peer = createActionPeer(access.role, 'Import')
        const outcome = await rooms.withRoom(mapId, peer, async (room) => {
          await room.catchUp()
          const secret = await rooms.withRoom(
            mapId,
            peer,
            async (secretRoom): Promise<Refusal | number> => {
              await secretRoom.catchUp()
              const targets = []
              for (const [evaluationId, results] of read.evaluations) {
                const inMap = evaluationElements(room.doc, evaluationId)
                const inSecret = inMap ? null : evaluationElements(secretRoom.doc, evaluationId)
                const elements = inMap ?? inSecret
                if (elements === null) {
                  return {
                    status: 400,
                    code: ApiErrorCode.unknownEvaluation,
                    message: `The map holds no evaluation ${evaluationId}.`,
                  }
                }
                const counted = elementsWithResult(elements, results)
                if (counted.length > 0) {
                  return {
                    status: 409,
                    code: ApiErrorCode.resultExists,
                    message: `Evaluation ${evaluationId} has a result for ${counted.join(', ')} already.`,
                  }
                }
                targets.push({ doc: inMap ? room.doc : secretRoom.doc, elements, results })
              }
              // The one chance, taken only now that everything is known to be writable.
              if (!(await store.mapSettings.takeImportedResults(mapId, importedAt))) {
                return {
                  status: 409,
                  code: ApiErrorCode.importedResultsTaken,
                  message: 'This map took its imported results already; they are taken once.',
                }
              }
              let written = 0
              for (const { doc, elements, results } of targets) {
                written += writeImportedResults(doc, elements, results, importedAt, peer)
              }
              if (!(await secretRoom.flush()) || !(await room.flush())) {
                throw new Error('imported results not stored')
              }
              return written
            },
            'confidential',
          )
          return secret?.value ?? null
        })
        const value = outcome?.value ?? null
        if (value === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        if (typeof value !== 'number') {
          return sendApiError(response, value.status, value.code, value.message)
        }
        const answer: ImportedResultsResponse = { written: value, importedAt }
        sendJson(response, 200, answer)
      },
    },
  ]
}
