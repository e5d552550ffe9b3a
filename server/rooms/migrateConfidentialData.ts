/**
 * Moves contacts and confidential log entries that a map stored before the confidential
 * document existed still keeps in its map document (log and versions), and dialogue plans
 * marked confidential from before such plans lived there (layout 4), into the
 * confidential document, and drops individual scores and votes from before ballots went to
 * the server (issue 19, removeLegacyBallots.ts), before any peer is sent either document.
 *
 * Flow: LoadedRooms calls this before it loads a room of a map. A map stored in the
 * current layout costs one read. Otherwise {@link MapStore.migrateLayout} runs the split
 * (shared/document/splitConfidentialState.ts) in one transaction under the map's lock: the
 * map document's log becomes one row without the content, the confidential log gains one
 * row with it, every version is split the same way. Then the freed space is purged (as for
 * an erasure) so the old bytes leave the database file. `force` runs it again on a map
 * already current, when its loaded map document was found holding such content anyway
 * (written since by a client of an earlier version). Idempotent, and safe on several nodes:
 * whoever runs second finds nothing to move.
 */
import {
  splitConfidentialLogs,
  splitConfidentialVersion,
} from '../../shared/document/splitConfidentialState'
import type { LayoutMigrationResult, MapStore } from '../storage/MapStore'

/** Migrates `mapId` if needed (see the module comment); answers what changed. */
export async function migrateConfidentialData(
  store: MapStore,
  mapId: string,
  force: boolean,
): Promise<LayoutMigrationResult> {
  const result = await store.migrateLayout(mapId, {
    force,
    logs: splitConfidentialLogs,
    version: splitConfidentialVersion,
  })
  if (result.logsChanged || result.versionsRewritten > 0) await store.purgeFreedSpace()
  return result
}
