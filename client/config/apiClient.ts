/** Calls to our server's HTTP API, with its error shape turned into exceptions. */
import type {
  CreateMapWithTokensResponse,
  MapAccessResponse,
} from '../../shared/protocol/accessApi'
import type { ApiError, ClientConfig, CreateMapRequest } from '../../shared/protocol/api'

/** An API call that failed; `status` is the HTTP status (0 when the server was unreachable). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    })
  } catch (error) {
    throw new ApiRequestError(0, 'unreachable', (error as Error).message)
  }
  if (response.ok) return (await response.json()) as T
  const body = (await response.json().catch(() => null)) as ApiError | null
  throw new ApiRequestError(
    response.status,
    body?.error.code ?? 'http-error',
    body?.error.message ?? response.statusText,
  )
}

/** Creates a map and answers its id and its four share tokens. */
export function createMap(body: CreateMapRequest): Promise<CreateMapWithTokensResponse> {
  return request('/api/maps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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
