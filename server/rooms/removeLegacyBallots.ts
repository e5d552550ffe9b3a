/**
 * Removes the private scores and dot votes a map document still holds from before ballots
 * went to the server (issue 19): `score:<round>:<user>` and `vote:<vote>:<user>` in the
 * `workshop` root, which anyone with the editor link could read. LoadedRooms runs it on a
 * map document it loads, before any peer joins; the deletion is written to the log like
 * any server change. Idempotent, and safe on several nodes (a second run finds nothing).
 * Versions taken before keep what they held.
 */
import type * as Y from 'yjs'
import { WORKSHOP_MAP } from '../../shared/document/mapDocumentLayout'

/** Keys ballots used to have in the `workshop` root. */
const LEGACY_BALLOT_KEY = /^(?:score|vote):/

/** Deletes the legacy ballot keys of `doc` (as `origin`); answers how many there were. */
export function removeLegacyBallots(doc: Y.Doc, origin: unknown): number {
  const workshop = doc.getMap<unknown>(WORKSHOP_MAP)
  const keys = [...workshop.keys()].filter((key) => LEGACY_BALLOT_KEY.test(key))
  if (keys.length > 0) doc.transact(() => keys.forEach((key) => workshop.delete(key)), origin)
  return keys.length
}
