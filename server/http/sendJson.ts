import type { ServerResponse } from 'node:http'
import type { ApiError } from '../../shared/protocol/api'

/** Answers with `body` as JSON; API answers are never cached. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  })
  response.end(json)
}

/** Answers with the API's error shape ({@link ApiError}). */
export function sendApiError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const body: ApiError = { error: { code, message } }
  sendJson(response, status, body)
}
