/**
 * An observer's notes are that person's contribution (shared/workshop/observerNotes.ts):
 * each is keyed `<round>/<observer>/<field>` in the `observerNotes` root, and before an
 * update is applied, every note it writes, overwrites or deletes must be the sender's own —
 * the sender's server-known identity (a guest or signed-in session; a link token alone is
 * no identity) is the key's observer, and the round, as the document holds it before the
 * update, names them as its observer (rolePlayRounds.ts). Owners and facilitators may
 * change any note (to correct one, or clear a sheet); so may the server itself.
 *
 * A write arrives as a new Item under the key ({@link checkObserverNoteItem}); a deletion
 * only in the update's delete set, so {@link checkObserverNoteDeletions} looks at which of
 * the root's current notes the update takes away.
 */
import type * as Y from 'yjs'
import { FACILITATION_MAP, OBSERVER_NOTES_MAP } from '../../shared/document/mapDocumentLayout'
import { canFacilitate, type Role } from '../../shared/protocol/roles'
import { parseObserverNoteKey } from '../../shared/workshop/observerNotes'
import { isObserverOf, readRolePlayRounds } from '../../shared/workshop/rolePlayRounds'
import type { ConnectionIdentity } from '../transport/authorize'
import type { DecodedUpdate } from './DecodedUpdate'
import type { ItemCheck } from './checkUpdateShape'

/** The reason an update changing someone else's observer notes is refused with. */
export const NOT_THE_OBSERVER_REASON =
  'only the round’s observer and facilitators may change its observer notes'

/** True when `who` may not change the note under `key` of `doc`. */
function refusesNote(doc: Y.Doc, who: ConnectionIdentity, key: string): boolean {
  const note = parseObserverNoteKey(key)
  if (note === null || !who.fromSession || note.observerId !== who.identity.id) return true
  const rounds = readRolePlayRounds(doc.getMap<unknown>(FACILITATION_MAP).get('rolePlayRounds'))
  return !isObserverOf(rounds, note.roundId, who.identity.id)
}

/**
 * The check of new Items in `observerNotes` for `who` with `role`; null when every change
 * is allowed (the server's own, an owner's or a facilitator's).
 */
export function checkObserverNoteItem(
  doc: Y.Doc,
  role: Role,
  who: ConnectionIdentity | undefined,
): ItemCheck | null {
  if (who === undefined || canFacilitate(role)) return null
  return (location) => {
    if (location.root !== OBSERVER_NOTES_MAP || location.path.length > 0) return null
    if (location.key === null || refusesNote(doc, who, location.key)) return NOT_THE_OBSERVER_REASON
    return null
  }
}

/** Whether `decoded` deletes a note of `doc` that `who` may not change: the reason, or null. */
export function checkObserverNoteDeletions(
  doc: Y.Doc,
  role: Role,
  who: ConnectionIdentity | undefined,
  decoded: DecodedUpdate,
): string | null {
  if (who === undefined || canFacilitate(role) || !doc.share.has(OBSERVER_NOTES_MAP)) return null
  const ranges = (
    decoded.ds as unknown as { clients: Map<number, { clock: number; len: number }[]> }
  ).clients
  if (ranges.size === 0) return null
  // Not Y.isDeleted: a hostile delete set need not be sorted.
  const deletes = ({ client, clock }: Y.ID): boolean =>
    ranges.get(client)?.some((range) => range.clock <= clock && clock < range.clock + range.len) ??
    false
  for (const [key, item] of doc.getMap<unknown>(OBSERVER_NOTES_MAP)._map) {
    if (!item.deleted && deletes(item.id) && refusesNote(doc, who, key)) {
      return NOT_THE_OBSERVER_REASON
    }
  }
  return null
}
