/**
 * The server's say on who an awareness state belongs to (issue 18). Before a peer's state
 * is applied and relayed, its `user` field gets the peer's server-known identity: `id` and
 * `userId` (the field the client's participants list reads) become the identity's id and
 * `kind` says guest or user. With a session behind the peer the name is the session's too,
 * and so are the name and user id of the tldraw presence record (`presence.userName`,
 * `presence.userId`), which label cursors. A socket with a link token only keeps the name
 * and the `userId` its own state gives, as before (it keys its hands and votes by it), unless
 * that `userId` is a server-issued id: no one may pass for a guest or user they are not.
 * Whatever else the state holds is left as it came.
 */
import type { ConnectionIdentity } from '../transport/authorize'
import type { AwarenessEntry } from '../transport/wireFormat'

/** Awareness field of the participant info (client/sync/PresenceBinding.ts). */
const USER_FIELD = 'user'
/** Awareness field of the tldraw presence record. */
const PRESENCE_FIELD = 'presence'
/** Ids the server issues (guests `g_…`, users `u_…`), also in tldraw's `user:` form. */
export const SERVER_ISSUED = /^(?:user:)?[gu]_/

/** `entry` with its state's `user` (and presence record) set from `who`. */
export function stampAwarenessUser(entry: AwarenessEntry, who: ConnectionIdentity): AwarenessEntry {
  const { state } = entry
  if (!isPlainObject(state)) return entry
  const { identity, fromSession } = who
  const given = isPlainObject(state[USER_FIELD]) ? state[USER_FIELD] : {}
  const claimed = given['userId']
  const keepsClaim = !fromSession && typeof claimed === 'string' && !SERVER_ISSUED.test(claimed)
  const user: Record<string, unknown> = {
    ...given,
    id: identity.id,
    userId: keepsClaim ? claimed : identity.id,
    kind: identity.kind,
  }
  if (fromSession) user['name'] = identity.name
  const stamped: Record<string, unknown> = { ...state, [USER_FIELD]: user }
  const presence = state[PRESENCE_FIELD]
  if (fromSession && isPlainObject(presence)) {
    stamped[PRESENCE_FIELD] = {
      ...presence,
      userId: `user:${identity.id}`,
      userName: identity.name,
    }
  }
  return { ...entry, state: stamped, json: JSON.stringify(stamped) }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
