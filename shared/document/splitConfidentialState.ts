/**
 * The byte-level side of {@link moveConfidentialContent}: what the server stores instead
 * of a map document's update log, or of a version, that still holds confidential content
 * (contacts, confidential log entries, confidential dialogue plans), or individual ballots from before ballots went to the server (removeLegacyBallots.ts,
 * which are dropped, not moved).
 *
 * Each function decodes into throwaway documents with `gc: true`, moves the content and
 * encodes again, so the map document's new bytes no longer contain it (deleted content is
 * collected, not only marked). Both answer null when there was nothing to move, so callers
 * can leave what is stored alone and running them twice changes nothing.
 */
import * as Y from 'yjs'
import { moveConfidentialContent } from './moveConfidentialContent'
import { removeLegacyBallots } from './removeLegacyBallots'
import { stakeholdersMap } from './stakeholderDocument'

/** Moves the confidential content and drops the legacy ballots; answers whether any was there. */
function cleanMapDocument(map: Y.Doc, confidential: Y.Doc): boolean {
  const moved = moveConfidentialContent(map, confidential)
  return removeLegacyBallots(map) > 0 || moved
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}

/** A map document's log after the split: its new state and what the confidential log gains. */
export interface SplitLogs {
  /** The map document's whole state without the confidential content (one row replaces the log). */
  map: Uint8Array
  /** An update adding the moved content to the confidential document (one row appended). */
  confidentialAddition: Uint8Array
}

/** Splits the stored logs of both documents of a map; null when there is nothing to move. */
export function splitConfidentialLogs(
  mapUpdates: readonly Uint8Array[],
  confidentialUpdates: readonly Uint8Array[],
): SplitLogs | null {
  const map = docOf(mapUpdates)
  const confidential = docOf(confidentialUpdates)
  try {
    const before = Y.encodeStateVector(confidential)
    if (!cleanMapDocument(map, confidential)) return null
    return {
      map: Y.encodeStateAsUpdate(map),
      confidentialAddition: Y.encodeStateAsUpdate(confidential, before),
    }
  } finally {
    map.destroy()
    confidential.destroy()
  }
}

/** A version after the split. */
export interface SplitVersion {
  state: Uint8Array
  confidentialState: Uint8Array
  stakeholderCount: number
}

/**
 * Splits one stored version (its map state and confidential state, null for a version
 * taken before the confidential document existed); null when there is nothing to move.
 */
export function splitConfidentialVersion(
  state: Uint8Array,
  confidentialState: Uint8Array | null,
): SplitVersion | null {
  const map = docOf([state])
  const confidential = docOf(confidentialState === null ? [] : [confidentialState])
  try {
    if (!cleanMapDocument(map, confidential)) return null
    return {
      state: Y.encodeStateAsUpdate(map),
      confidentialState: Y.encodeStateAsUpdate(confidential),
      stakeholderCount: stakeholdersMap(map).size,
    }
  } finally {
    map.destroy()
    confidential.destroy()
  }
}
