/**
 * Guest identities (issue 18): the id the server issues a guest (`g_` and 96 random bits),
 * the cleaning of a typed name, and reading a request's guest session token (`?guest=` on
 * a socket, where browsers cannot set headers; the `X-Guest-Session` header on HTTP).
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { GUEST_SESSION_HEADER, GUEST_SESSION_PARAM } from '../../shared/protocol/guestApi'
import { MAX_IDENTITY_NAME_LENGTH } from '../../shared/protocol/identity'

/** A new guest id. */
export function createGuestId(): string {
  return `g_${randomBytes(12).toString('base64url')}`
}

/** A typed name as kept: trimmed, without control characters, cut to the longest allowed. */
export function cleanGuestName(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .trim()
      .slice(0, MAX_IDENTITY_NAME_LENGTH)
  )
}

/** The guest session token of a request: the header, else the query parameter. */
export function readGuestToken(request: IncomingMessage): string | null {
  const header = request.headers[GUEST_SESSION_HEADER.toLowerCase()]
  if (typeof header === 'string' && header.length > 0) return header
  try {
    const value = new URL(request.url ?? '/', 'http://localhost').searchParams.get(
      GUEST_SESSION_PARAM,
    )
    return value === null || value.length === 0 ? null : value
  } catch {
    return null
  }
}
