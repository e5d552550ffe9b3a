/**
 * Raised hands are each keyed by the participant they belong to (shared/workshop: a hand's
 * `userId`). Before an update is applied, every hand it adds must be keyed by the sender's
 * own identity (issue 18), so no one raises a hand under another's id. (Votes and scores
 * are no longer in the document: they go to the server as ballots, issue 19, and
 * documentShape.ts refuses any key in the `workshop` root.) A socket with a guest session
 * may use only its own id; a socket with a link token only (scripts, older clients, which
 * key by an id of their own) may use any key but a server-issued id (`g_…`, `u_…`) other
 * than its own. Taking a raised hand away is checked by {@link checkHandDeletions} (issue
 * 19): only its owner, an owner or a facilitator may lower it (an entry of the array cannot
 * be changed in place, so changing one is deleting it too).
 */
import * as Y from 'yjs'
import { HANDS_ARRAY } from '../../shared/document/mapDocumentLayout'
import { canFacilitate, type Role } from '../../shared/protocol/roles'
import type { ConnectionIdentity } from '../transport/authorize'
import type { DecodedUpdate } from './DecodedUpdate'
import type { ItemCheck } from './checkUpdateShape'
import { SERVER_ISSUED } from './stampAwarenessUser'

/** The reason an update lowering someone else's hand is refused with. */
export const LOWERS_ANOTHERS_HAND_REASON =
  'only facilitators may lower another participant’s raised hand'

/** True when an entry owned by `owner` is not `who`'s to write or take away. */
function refusesOwner(who: ConnectionIdentity, owner: unknown): boolean {
  if (typeof owner !== 'string') return who.fromSession
  if (owner === who.identity.id) return false
  return who.fromSession || SERVER_ISSUED.test(owner)
}

/** The check for `who`'s updates; null when the sender has no identity (the server's own). */
export function checkContributionOwner(who: ConnectionIdentity | undefined): ItemCheck | null {
  if (who === undefined) return null
  const refuses = (owner: unknown): boolean => refusesOwner(who, owner)
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

/**
 * Whether `decoded` deletes a raised hand in `doc` that is not the sender's: the reason to
 * refuse it, or null. Owners and facilitators lower anyone's hand; so does the server.
 */
export function checkHandDeletions(
  doc: Y.Doc,
  role: Role,
  who: ConnectionIdentity | undefined,
  decoded: DecodedUpdate,
): string | null {
  if (who === undefined || canFacilitate(role) || !doc.share.has(HANDS_ARRAY)) return null
  const ranges = (
    decoded.ds as unknown as { clients: Map<number, { clock: number; len: number }[]> }
  ).clients
  if (ranges.size === 0) return null
  // Not Y.isDeleted: a hostile delete set need not be sorted.
  const deletes = (client: number, clock: number): boolean =>
    ranges.get(client)?.some((range) => range.clock <= clock && clock < range.clock + range.len) ??
    false
  for (let item = doc.getArray<unknown>(HANDS_ARRAY)._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue
    const { client, clock } = item.id
    const entries = item.content.arr
    for (let index = 0; index < entries.length; index++) {
      if (!deletes(client, clock + index)) continue
      const entry: unknown = entries[index]
      const owner =
        typeof entry === 'object' && entry !== null ? (entry as { userId?: unknown }).userId : null
      if (refusesOwner(who, owner)) return LOWERS_ANOTHERS_HAND_REASON
    }
  }
  return null
}
