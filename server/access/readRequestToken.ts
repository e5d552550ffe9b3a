import type { IncomingMessage } from 'node:http'

/**
 * The share token of a request: `Authorization: Bearer <token>`, else the `token` query
 * parameter (sockets, where browsers cannot set headers, and download links).
 */
export function readRequestToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (match?.[1] !== undefined) return match[1]
  }
  try {
    return new URL(request.url ?? '/', 'http://localhost').searchParams.get('token')
  } catch {
    return null
  }
}
