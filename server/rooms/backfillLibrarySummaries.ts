/**
 * Summarises, once, the maps nobody opened since the library came (issue 18): their
 * stakeholder names and count were never stored, so the library listed 0 stakeholders and
 * search by stakeholder name missed them. Each map's stored update log is read into a
 * scratch document (no room is loaded, no peer sees it) and its names stored only if no
 * summary has been stored since: a room that opened the map meanwhile wrote a newer one
 * from its live document. Runs in batches at the start of organisation mode, on every node
 * of a cluster (a second node finds nothing left, or stores the same values). A map that
 * cannot be read is logged and skipped, so one bad log never stops the others; it is left
 * unsummarised, to be tried again at the next start or summarised when someone opens it.
 */
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { MapStore } from '../storage/MapStore'
import { stakeholderNamesOf } from './stakeholderNamesOf'

/** Maps read per query; the log of each is read whole, one map at a time. */
const BATCH = 100

/**
 * Summarises every map without a summary; answers how many it stored. `stopped` is asked
 * between maps: a server shutting down stops there, before its store closes.
 */
export async function backfillLibrarySummaries(
  store: MapStore,
  logger: Logger,
  stopped: () => boolean = () => false,
): Promise<number> {
  let stored = 0
  // Maps that could not be read: still unsummarised, so listed again, and skipped.
  const unreadable = new Set<string>()
  for (;;) {
    const batch = (await store.library.listUnsummarisedMaps(BATCH + unreadable.size)).filter(
      (mapId) => !unreadable.has(mapId),
    )
    if (batch.length === 0) break
    for (const mapId of batch) {
      if (stopped()) return stored
      try {
        const doc = new Y.Doc()
        const { updates } = await store.loadUpdates(mapId)
        // One transaction: no observer runs per update (there is none anyway).
        Y.transact(doc, () => {
          for (const update of updates) Y.applyUpdate(doc, update)
        })
        const names = stakeholderNamesOf(doc)
        doc.destroy()
        // False: a room or another node stored one meanwhile (or the map is gone).
        if (await store.library.recordMissingSummary(mapId, names)) stored++
      } catch (error) {
        unreadable.add(mapId)
        logger.warn({ err: error, mapId }, 'could not summarise a map for the library')
      }
    }
  }
  if (stored > 0) logger.info({ maps: stored }, 'library summaries computed from stored maps')
  return stored
}
