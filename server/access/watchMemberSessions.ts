/**
 * The periodic re-check of the sessions behind a node's open member sockets (issue 18).
 * A session can end without this node hearing of it: an operator deletes its row, another
 * node's sign-out notice was lost, or its idle expiry passed. Every few seconds each node
 * asks the database, in one query, which of its sockets' sessions still hold, and closes
 * the sockets of the others with 4401; each node checks its own sockets, so no notice
 * needs to travel. A session whose socket was active since the last check (an open tab
 * sends its presence every 15 s) counts as used: its idle expiry moves on, at most once a
 * minute, as a request's would (a workshop participant working on the canvas all
 * afternoon is not thrown out at the idle time; the absolute expiry still ends it).
 */
import { Buffer } from 'node:buffer'
import type { Logger } from 'pino'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { IdentityRecords } from '../storage/IdentityRecords'
import type { SyncTransport } from '../transport/createSyncTransport'
import { SESSION_TOUCH_INTERVAL_MS, type SessionPolicy } from './readSession'

/** How often a node re-checks its sockets' sessions by default. */
export const SESSION_CHECK_INTERVAL_MS = 2_000

export interface MemberSessionWatchOptions {
  identities: IdentityRecords
  policy: SessionPolicy
  /** This node's own transport: the check closes only this node's sockets. */
  transport: SyncTransport
  logger: Logger
  intervalMs?: number
  /** The time sessions expire by (ms since the epoch); tests move it. */
  now?: () => number
}

/** Starts the re-check; answers a function that stops it. */
export function watchMemberSessions(options: MemberSessionWatchOptions): () => void {
  const { identities, policy, transport, logger } = options
  const now = options.now ?? Date.now
  let running = false

  async function check(): Promise<void> {
    const sessions = transport.memberSessions()
    if (sessions.size === 0) return
    const time = now()
    const hashes = [...sessions.keys()].map((key) => Buffer.from(key, 'hex'))
    const live = await identities.liveSessions(hashes, new Date(time).toISOString())
    const liveByKey = new Map(live.map((s) => [Buffer.from(s.idHash).toString('hex'), s]))
    for (const [key, lastActivity] of sessions) {
      const session = liveByKey.get(key)
      if (session === undefined) {
        transport.closeSocketsOf({ sessionKey: key }, CloseCode.unauthorized, 'session ended')
        continue
      }
      const active = Date.now() - lastActivity < SESSION_TOUCH_INTERVAL_MS
      if (!active || time - Date.parse(session.lastSeenAt) < SESSION_TOUCH_INTERVAL_MS) continue
      const absolute = Date.parse(session.absoluteExpiresAt)
      const idle = new Date(Math.min(time + policy.idleMinutes * 60_000, absolute)).toISOString()
      await identities.touchSession(session.idHash, new Date(time).toISOString(), idle)
    }
  }

  const timer = setInterval(() => {
    if (running) return
    running = true
    check()
      .catch((error: unknown) => {
        // The database is away: keep the sockets, try again at the next tick.
        logger.warn({ err: error }, 'could not re-check the sessions of open sockets')
      })
      .finally(() => {
        running = false
      })
  }, options.intervalMs ?? SESSION_CHECK_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
