/**
 * Stand-in for branch i18-signin's readSession.ts until it is merged: the signed-in user of
 * a request's `sc_session` cookie (the store keeps the SHA-256 of the opaque id), or null
 * for no, a forged, an unknown or an expired cookie. Same shapes as readSession.ts, so the
 * library code switches by changing one import; this file is then deleted.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Identity } from '../../shared/protocol/identity'
import type { IdentityRecords } from '../storage/IdentityRecords'

/** The signed-in person behind a request (as readSession.ts's). */
export interface SignedInUser {
  identity: Identity
  email: string | null
  groups: string[]
  /** Member of `ORG_ADMIN_GROUP`. */
  isAdmin: boolean
  session: { key: string; expiresAt: string }
}

/** Answers the signed-in user of a request, or null. */
export type ReadSession = (request: IncomingMessage) => Promise<SignedInUser | null>

const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** A {@link ReadSession} on the store's sessions; admins are members of `adminGroup`. */
export function createSessionFromRequest(
  identities: IdentityRecords,
  adminGroup: string | null,
): ReadSession {
  return async (request) => {
    const id = /(?:^|;\s*)sc_session=([^;]*)/.exec(request.headers.cookie ?? '')?.[1]?.trim()
    if (id === undefined || !SESSION_ID_PATTERN.test(id)) return null
    const idHash = createHash('sha256').update(id).digest()
    const session = await identities.getSession(idHash)
    if (session === null) return null
    const now = Date.now()
    if (now >= Date.parse(session.idleExpiresAt) || now >= Date.parse(session.absoluteExpiresAt)) {
      return null
    }
    const { user } = session
    return {
      identity: { kind: 'user', id: user.id, name: user.name },
      email: user.email,
      groups: user.groups,
      isAdmin: adminGroup !== null && user.groups.includes(adminGroup),
      session: { key: Buffer.from(idHash).toString('hex'), expiresAt: session.idleExpiresAt },
    }
  }
}
