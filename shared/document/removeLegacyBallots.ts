/**
 * Removes the private scores and dot votes a map document still holds from before ballots
 * went to the server (issue 19): `score:<round>:<user>` and `vote:<vote>:<user>` in the
 * `workshop` root, which anyone with the editor link could read. The server runs it on a
 * map's stored log and on every version when it migrates the map's layout
 * (splitConfidentialState.ts, server/rooms/migrateConfidentialData.ts), so no stored row
 * or version keeps an individual ballot: in a document with `gc: true` the deleted values
 * are collected, not only marked. Idempotent: a second run finds nothing.
 */
import type * as Y from 'yjs'
import { WORKSHOP_MAP } from './mapDocumentLayout'

/** Keys ballots used to have in the `workshop` root. */
const LEGACY_BALLOT_KEY = /^(?:score|vote):/

function legacyBallotKeys(doc: Y.Doc): string[] {
  return [...doc.getMap<unknown>(WORKSHOP_MAP).keys()].filter((key) => LEGACY_BALLOT_KEY.test(key))
}

/** True when the map document holds a legacy ballot key (see the module). */
export function holdsLegacyBallots(doc: Y.Doc): boolean {
  return legacyBallotKeys(doc).length > 0
}

/** Deletes the legacy ballot keys of `doc` (as `origin`); answers how many there were. */
export function removeLegacyBallots(doc: Y.Doc, origin?: unknown): number {
  const workshop = doc.getMap<unknown>(WORKSHOP_MAP)
  const keys = legacyBallotKeys(doc)
  if (keys.length > 0) doc.transact(() => keys.forEach((key) => workshop.delete(key)), origin)
  return keys.length
}
