import type { IncomingMessage } from 'node:http'
import type { Identity } from '../../shared/protocol/identity'
import type { Role } from '../../shared/protocol/roles'
import type { GuestLinkGrant } from '../access/authenticateToken'

export type { Role }

/**
 * The signed-in user behind a socket (organisation mode): which sockets to close when
 * their membership or session ends (see SyncTransport.closeSocketsOf).
 */
export interface SocketUser {
  userId: string
  name: string
  groups: readonly string[]
  /** Member of `ORG_ADMIN_GROUP`: owner on every map. */
  isAdmin: boolean
  /** Hex of the session id's hash. */
  sessionKey: string
  /** ISO 8601: the session's absolute expiry; the socket closes then (4401). */
  sessionEndsAt: string
}

/**
 * Who a socket is, as the server knows it (issue 18). `fromSession`: a signed-in user's or a
 * guest's session vouches for id and name. Otherwise the socket came with a link token only
 * (scripts, older clients): its guest id is made for this one connection and its name is the
 * one its awareness gives, as before.
 */
export interface ConnectionIdentity {
  identity: Identity
  fromSession: boolean
}

/**
 * Outcome of {@link Authorize}: a role and an identity (for a guest link, which one: its
 * sockets close when it expires or is revoked; for a signed-in member, who: their sockets
 * close when the membership or session ends), or the close code (4401/4403/4404) to refuse with.
 */
export type AuthorizeResult =
  | ({ ok: true; role: Role; guestLink?: GuestLinkGrant; user?: SocketUser } & ConnectionIdentity)
  | { ok: false; closeCode: number; reason: string }

/**
 * Decides, after the socket is accepted and before it joins the room, whether the request
 * (its `?token=`) may open `mapId`, with which role and as whom (its `?guest=`).
 */
export type Authorize = (request: IncomingMessage, mapId: string) => Promise<AuthorizeResult>
