import type { ServerResponse } from 'node:http'
import type { ApiError } from '../../shared/protocol/api'
import type { ApiErrorCodeValue } from '../../shared/protocol/apiErrorCodes'
import { sendCompressed } from './sendCompressed'

/** Answers with `body` as JSON (compressed above 1 KiB); API answers are never cached. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendCompressed(
    response,
    status,
    { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    JSON.stringify(body),
  )
}

/** Answers with the API's error shape ({@link ApiError}); `code` must be in the shared table. */
export function sendApiError(
  response: ServerResponse,
  status: number,
  code: ApiErrorCodeValue,
  message: string,
): void {
  const body: ApiError = { error: { code, message } }
  sendJson(response, status, body)
}
