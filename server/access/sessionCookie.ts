/**
 * The cookies of sign-in: `sc_session` holds the opaque session id (the store keeps only
 * its SHA-256), `sc_login` the short-lived state of one sign-in in progress. Both are
 * HttpOnly and SameSite=Lax (sent on the top-level GET back from the identity provider,
 * never on a foreign site's POST), and Secure when the app is served over https.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Name of the session cookie. */
export const SESSION_COOKIE = 'sc_session'

/** Name of the cookie that carries one sign-in's state from `/auth/login` to the callback. */
export const LOGIN_COOKIE = 'sc_login'

/** A session id: 32 random bytes, base64url (43 characters). */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** A new opaque session id. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url')
}

/** Whether `value` can be a session id at all (anything else is refused unread). */
export function isSessionIdShaped(value: string): boolean {
  return SESSION_ID_PATTERN.test(value)
}

/** What the store keeps of a session id. */
export function hashSessionId(id: string): Uint8Array {
  return createHash('sha256').update(id).digest()
}

/** The value of one cookie of the request, or null. */
export function readCookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue
    const value = part.slice(separator + 1).trim()
    try {
      return decodeURIComponent(value)
    } catch {
      return null
    }
  }
  return null
}

/** Attributes of a cookie we set. */
export interface CookieOptions {
  secure: boolean
  /** Lifetime in seconds; 0 deletes the cookie. */
  maxAgeSeconds: number
  path?: string
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, with the given path and lifetime. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ')
}
