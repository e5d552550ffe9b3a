/**
 * Clears what this browser's local copy of a map (IndexedDB) kept from versions before the
 * confidential document existed: a `contacts` root and engagement-log entries marked
 * confidential inside the map document; and dialogue plans marked confidential, from
 * versions before such plans moved to the confidential document.
 *
 * Flow, once per map and browser, before the map's sockets connect: wait for the local
 * copies to load, move that content into the confidential document (for a role that has
 * one: it may hold edits never synced, which are kept) or just delete it (any other role),
 * then rewrite the map document's copy from its current state (y-indexeddb's `storeState`
 * with `forceStore`), which removes the older rows that held it. A marker in localStorage
 * says the copy is done, so later visits connect at once.
 */
import type * as Y from 'yjs'
import { type IndexeddbPersistence, storeState } from 'y-indexeddb'
import { moveConfidentialContent } from '../../shared/document/moveConfidentialContent'

/**
 * The marker's name says which split the copy went through: a new one (here: confidential
 * plans) has every browser clear its copies once more. Older markers are left alone.
 */
const MARKER_PREFIX = 'stakeholder-canvas:confidential-split:plans:'

/** How long to wait for IndexedDB before connecting anyway (a browser without storage). */
const LOAD_TIMEOUT_MS = 3000

/** Origin of the migration's transactions. */
const MIGRATION_ORIGIN = { kind: 'local-copy-migration' }

/** False when this browser's copy of the map may still be in the layout of before. */
export function localCopyIsCurrent(mapId: string): boolean {
  try {
    return localStorage.getItem(MARKER_PREFIX + mapId) !== null
  } catch {
    return false
  }
}

function markCurrent(mapId: string): void {
  try {
    localStorage.setItem(MARKER_PREFIX + mapId, '1')
  } catch {
    // Without storage the check simply runs again next time.
  }
}

function loaded(persistence: IndexeddbPersistence): Promise<unknown> {
  return Promise.race([
    persistence.whenSynced,
    new Promise((resolve) => setTimeout(resolve, LOAD_TIMEOUT_MS)),
  ])
}

/** Migrates the local copies (see the module comment); never rejects. */
export async function migrateLocalCopy(
  mapId: string,
  map: IndexeddbPersistence,
  confidential: { doc: Y.Doc; local: IndexeddbPersistence } | null,
): Promise<void> {
  try {
    await Promise.all([loaded(map), confidential && loaded(confidential.local)])
    if (!map.synced) return
    const secret = confidential?.doc ?? null
    if (moveConfidentialContent(map.doc, secret, MIGRATION_ORIGIN)) await storeState(map, true)
    markCurrent(mapId)
  } catch (error) {
    console.warn('could not clear the local copy of confidential data', error)
  }
}
