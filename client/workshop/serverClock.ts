/**
 * The server's clock as seen from this browser. Shared countdowns are stored as server
 * times; participants' laptop clocks can be minutes apart, so each client measures its
 * offset once from the server time `/healthz` answers with (to the millisecond, so every
 * screen shows the same second), or from the HTTP `Date` header of an older server (1 s).
 */
import { atom } from 'tldraw'

/** Milliseconds to add to `Date.now()` to get the server's time. */
export const serverClockOffset = atom('serverClockOffset', 0)

/** The server's current time, in milliseconds since the epoch. */
export function serverNow(): number {
  return Date.now() + serverClockOffset.get()
}

/** Measures the offset against the server that served this page; keeps 0 when offline. */
export async function measureServerClock(): Promise<void> {
  try {
    const sentAt = Date.now()
    const response = await fetch('/healthz', { cache: 'no-store' })
    const receivedAt = Date.now()
    const body: unknown = await response.json().catch(() => null)
    const now =
      typeof body === 'object' && body !== null && 'now' in body && Number.isFinite(body.now)
        ? (body.now as number)
        : null
    const date = response.headers.get('date')
    if (now === null && !date) return
    // The header is truncated to the second: its true value lies half a second later on average.
    const serverTime = now ?? Date.parse(date!) + 500
    serverClockOffset.set(Math.round(serverTime - (sentAt + receivedAt) / 2))
  } catch {
    // Offline: the local clock is the best we have.
  }
}
