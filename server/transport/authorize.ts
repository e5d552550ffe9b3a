import type { IncomingMessage } from 'node:http'

/** What a connection may do in a room. Viewers receive changes but cannot make any. */
export type Role = 'editor' | 'viewer'

/** Outcome of {@link Authorize}: a role, or the close code (4401/4403/4429…) to refuse with. */
export type AuthorizeResult =
  { ok: true; role: Role } | { ok: false; closeCode: number; reason: string }

/**
 * Decides, after the socket is accepted and before it joins the room, whether the request
 * (its token, address…) may open `mapId`. The place for issue 5's tokens and limits.
 */
export type Authorize = (request: IncomingMessage, mapId: string) => Promise<AuthorizeResult>

/** The current policy: anyone who knows a map's id may edit it. */
export const allowEveryoneAsEditor: Authorize = async () => ({ ok: true, role: 'editor' })
