/**
 * Raised hands are each keyed by the participant they belong to (shared/workshop: a hand's
 * `userId`). Before an update is applied, every hand it adds must be keyed by the sender's
 * own identity (issue 18), so no one raises a hand under another's id. (Votes and scores
 * are no longer in the document: they go to the server as ballots, issue 19, and
 * documentShape.ts refuses any key in the `workshop` root.) A socket with a guest session
 * may use only its own id; a socket with a link token only (scripts, older clients, which
 * key by an id of their own) may use any key but a server-issued id (`g_…`, `u_…`) other than its own. Taking entries away (a
 * facilitator lowering a hand) is not adding one, and is not checked here.
 */
import * as Y from 'yjs'
import { HANDS_ARRAY } from '../../shared/document/mapDocumentLayout'
import type { ConnectionIdentity } from '../transport/authorize'
import type { ItemCheck } from './checkUpdateShape'
import { SERVER_ISSUED } from './stampAwarenessUser'

/** The check for `who`'s updates; null when the sender has no identity (the server's own). */
export function checkContributionOwner(who: ConnectionIdentity | undefined): ItemCheck | null {
  if (who === undefined) return null
  const own = who.identity.id
  const refuses = (owner: unknown): boolean => {
    if (typeof owner !== 'string') return who.fromSession
    if (owner === own) return false
    return who.fromSession || SERVER_ISSUED.test(owner)
  }
  return (location, item) => {
    if (item.content instanceof Y.ContentDeleted) return null
    if (location.path.length > 0) return null
    if (location.root === HANDS_ARRAY && item.content instanceof Y.ContentAny) {
      for (const entry of item.content.arr) {
        const owner =
          typeof entry === 'object' && entry !== null
            ? (entry as { userId?: unknown }).userId
            : null
        if (refuses(owner)) return 'a raised hand under another participant'
      }
    }
    return null
  }
}
