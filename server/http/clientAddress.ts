/**
 * The address a request came from, for the per-address limits (map creation, sockets per
 * address) and for blocking abusers. Behind a reverse proxy every request comes from the
 * proxy, so all users would share one budget; with `TRUST_PROXY=true` the address the
 * proxy saw is taken from the last entry of `X-Forwarded-For` (the one the proxy itself
 * appended: earlier entries are whatever the client claimed and are never believed).
 * Without the setting the header is ignored, so a client cannot pick its own address.
 */
import type { IncomingMessage } from 'node:http'

export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const direct = request.socket.remoteAddress ?? 'unknown'
  if (!trustProxy) return direct
  const header = request.headers['x-forwarded-for']
  const value = Array.isArray(header) ? header[header.length - 1] : header
  const last = value?.split(',').pop()?.trim()
  return last !== undefined && last.length > 0 ? last : direct
}
