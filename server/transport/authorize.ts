import type { IncomingMessage } from 'node:http'
import type { Role } from '../../shared/protocol/roles'
import type { GuestLinkGrant } from '../access/authenticateToken'

export type { Role }

/**
 * Outcome of {@link Authorize}: a role (and, for a guest link, which one: its sockets close
 * when it expires or is revoked), or the close code (4401/4403/4404) to refuse with.
 */
export type AuthorizeResult =
  | { ok: true; role: Role; guestLink?: GuestLinkGrant }
  | { ok: false; closeCode: number; reason: string }

/**
 * Decides, after the socket is accepted and before it joins the room, whether the request
 * (its `?token=`) may open `mapId`, and with which role.
 */
export type Authorize = (request: IncomingMessage, mapId: string) => Promise<AuthorizeResult>
