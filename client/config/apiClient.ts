/** Calls to our server's HTTP API, with its error shape turned into exceptions. */
import type {
  CreateMapWithTokensResponse,
  MapAccessResponse,
} from '../../shared/protocol/accessApi'
import type { ApiError, ClientConfig, CreateMapRequest } from '../../shared/protocol/api'
import {
  type ImportedResultsRequest,
  type ImportedResultsResponse,
  importedResultsPath,
} from '../../shared/protocol/importedResultsApi'
import type { SessionResponse } from '../../shared/protocol/sessionApi'

/** The `code` of an {@link ApiRequestError} when no answer came (status 0). */
export const UNREACHABLE = 'unreachable'

/** The `code` of an {@link ApiRequestError} when the answer had no `{ error: { code } }`. */
export const NO_ERROR_CODE = 'http-error'

/**
 * An API call that failed; `status` is the HTTP status (0 when the server was unreachable).
 * The message is the server's English one, for the console: show `apiFailureReason` instead.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The error for a fetch that got no answer at all. */
export function unreachableError(cause: unknown): ApiRequestError {
  return new ApiRequestError(0, UNREACHABLE, cause instanceof Error ? cause.message : String(cause))
}

/** The error for an answer that is not OK, from its `{ error: { code, message } }` body. */
export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as ApiError | null
  return new ApiRequestError(
    response.status,
    body?.error?.code ?? NO_ERROR_CODE,
    body?.error?.message ?? response.statusText,
  )
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    })
  } catch (error) {
    throw unreachableError(error)
  }
  if (response.ok) return (await response.json()) as T
  throw await errorFromResponse(response)
}

/** Creates a map and answers its id and its four share tokens. */
export function createMap(body: CreateMapRequest): Promise<CreateMapWithTokensResponse> {
  return request('/api/maps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/**
 * Hands the server the results of an imported map file's evaluations, once, as the new
 * map's owner (shared/protocol/importedResultsApi.ts).
 */
export function postImportedResults(
  mapId: string,
  token: string | null,
  body: ImportedResultsRequest,
): Promise<ImportedResultsResponse> {
  return request(importedResultsPath(mapId), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  })
}

/** The `Authorization` header for a share token. */
export function bearer(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/**
 * A map's metadata and the role `token` gives; rejects with 404 (no such map), 401 (no or
 * bad token) or 403 (a token of another map, or revoked).
 */
export function fetchMapMetadata(mapId: string, token: string | null): Promise<MapAccessResponse> {
  return request(`/api/maps/${encodeURIComponent(mapId)}`, { headers: bearer(token) })
}

/** Run-time settings from the server (never baked into the build). */
export function fetchClientConfig(): Promise<ClientConfig> {
  return request('/api/config')
}

/** How the server runs (open or organisation mode) and who is signed in. */
export function fetchSession(): Promise<SessionResponse> {
  return request('/api/session', { cache: 'no-store' })
}
