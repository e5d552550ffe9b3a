/**
 * The server's clock as seen from this browser. Shared countdowns are stored as server
 * times; participants' laptop clocks can be minutes apart, so each client measures its
 * offset once from the HTTP `Date` header (1 s resolution, good enough for a countdown).
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
    const date = response.headers.get('date')
    if (!date) return
    // The header is truncated to the second: its true value lies half a second later on average.
    const serverTime = Date.parse(date) + 500
    serverClockOffset.set(Math.round(serverTime - (sentAt + receivedAt) / 2))
  } catch {
    // Offline: the local clock is the best we have.
  }
}
