/**
 * Cross-site request protection: browsers send `Origin` on socket upgrades and on
 * state-changing requests, so a page on another site cannot use a visitor's links. Requests
 * without `Origin` come from scripts and tests, not from a browser page, and are allowed.
 */
import type { IncomingMessage } from 'node:http'

/** Answers whether a request's origin may talk to this server. */
export type OriginPolicy = (request: IncomingMessage) => boolean

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Allows requests without Origin, the server's own origin (from the Host header) or an
 * `Origin: null` that the browser marks `Sec-Fetch-Site: same-origin`, and
 * either `allowedOrigins` or, when that is empty, http(s)://localhost and 127.0.0.1 on any
 * port.
 */
export function createOriginPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  const allowed = new Set(allowedOrigins.map((origin) => origin.replace(/\/+$/, '')))
  return (request) => {
    const origin = request.headers.origin
    if (origin === undefined) return true
    // A plain form POST from our own page says `Origin: null` (our Referrer-Policy is
    // no-referrer); the browser's Sec-Fetch-Site, which no page can set, vouches for it.
    if (origin === 'null' && request.headers['sec-fetch-site'] === 'same-origin') return true
    const host = request.headers.host
    if (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) {
      return true
    }
    if (allowed.size > 0) return allowed.has(origin)
    try {
      const url = new URL(origin)
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname)
      )
    } catch {
      return false
    }
  }
}
