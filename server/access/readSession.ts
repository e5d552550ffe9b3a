/**
 * Who is signed in, from a request's `sc_session` cookie (issue 18). The policy of sessions
 * lives here: a session ends when unused for the idle time or at its absolute expiry, both
 * fixed at sign-in from the settings; using it moves the idle expiry on, at most once a
 * minute (one write per minute per session, not per request). Forged, unknown and expired
 * cookies answer null; an expired session is deleted on the way.
 */
import type { IncomingMessage } from 'node:http'
import { Buffer } from 'node:buffer'
import type { Identity } from '../../shared/protocol/identity'
import type { OrganisationConfig } from '../config'
import type { IdentityRecords, StoredUser } from '../storage/IdentityRecords'
import { SESSION_COOKIE, hashSessionId, isSessionIdShaped, readCookie } from './sessionCookie'

/** The signed-in person behind a request. */
export interface SignedInUser {
  /** Kind `user`, our id and the provider's name. */
  identity: Identity
  email: string | null
  groups: string[]
  /** Member of `ORG_ADMIN_GROUP`. */
  isAdmin: boolean
  session: {
    /** Hex of the session id's hash: safe to log or publish (e.g. to close its sockets). */
    key: string
    /** ISO 8601: when the session ends at the latest (idle or absolute, whichever is first). */
    expiresAt: string
    /** ISO 8601: its absolute expiry, which no activity moves (open sockets close then). */
    endsAt: string
  }
}

/** Answers the signed-in user of a request, or null. */
export type ReadSession = (request: IncomingMessage) => Promise<SignedInUser | null>

/** How long sessions last; from the organisation settings. */
export interface SessionPolicy {
  idleMinutes: number
  maxHours: number
  /** Members of this group are organisation admins; null: nobody is. */
  adminGroup: string | null
}

/** The session policy of the organisation settings. */
export function sessionPolicyOf(organisation: OrganisationConfig): SessionPolicy {
  return {
    idleMinutes: organisation.sessionIdleMinutes,
    maxHours: organisation.sessionMaxHours,
    adminGroup: organisation.adminGroup,
  }
}

/** Last-seen moves at most this often per session. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000

/** The expiry times of a session signed in at `now` (ms since the epoch). */
export function newSessionTimes(policy: SessionPolicy, now: number) {
  const absolute = now + policy.maxHours * 3_600_000
  return {
    createdAt: new Date(now).toISOString(),
    idleExpiresAt: new Date(Math.min(now + policy.idleMinutes * 60_000, absolute)).toISOString(),
    absoluteExpiresAt: new Date(absolute).toISOString(),
  }
}

/** A {@link ReadSession} on the store's users and sessions; `now` is for tests. */
export function createSessionReader(
  identities: IdentityRecords,
  policy: SessionPolicy,
  now: () => number = Date.now,
): ReadSession {
  return async (request) => {
    const id = readCookie(request, SESSION_COOKIE)
    if (id === null || !isSessionIdShaped(id)) return null
    const idHash = hashSessionId(id)
    const session = await identities.getSession(idHash)
    if (session === null) return null
    const time = now()
    const absolute = Date.parse(session.absoluteExpiresAt)
    if (time >= Date.parse(session.idleExpiresAt) || time >= absolute) {
      await identities.deleteSession(idHash)
      return null
    }
    let idleExpiresAt = session.idleExpiresAt
    if (time - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS) {
      idleExpiresAt = new Date(Math.min(time + policy.idleMinutes * 60_000, absolute)).toISOString()
      await identities.touchSession(idHash, new Date(time).toISOString(), idleExpiresAt)
    }
    const key = Buffer.from(idHash).toString('hex')
    return signedInUser(session.user, policy, key, idleExpiresAt, session.absoluteExpiresAt)
  }
}

function signedInUser(
  user: StoredUser,
  policy: SessionPolicy,
  key: string,
  expiresAt: string,
  endsAt: string,
): SignedInUser {
  return {
    identity: { kind: 'user', id: user.id, name: user.name },
    email: user.email,
    groups: user.groups,
    isAdmin: policy.adminGroup !== null && user.groups.includes(policy.adminGroup),
    session: { key, expiresAt, endsAt },
  }
}
