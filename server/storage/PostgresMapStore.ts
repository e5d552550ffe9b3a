/**
 * {@link MapStore} on PostgreSQL, for several server nodes sharing one database: composes
 * a {@link PostgresUpdateLog} and {@link PostgresMapRecords} on one shared pool
 * ({@link PostgresConnection}); the layout migration, which spans both, runs here in one
 * transaction that holds the map row's lock (the lock appends take).
 */
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import { ComposedMapStore } from './ComposedMapStore'
import { PostgresGuestSessions } from './PostgresGuestSessions'
import type { LayoutMigration, LayoutMigrationResult } from './MapStore'
import { PostgresConnection, type PostgresMapStoreOptions } from './PostgresConnection'
import { PostgresIdentityRecords } from './PostgresIdentityRecords'
import { PostgresLibraryRecords } from './PostgresLibraryRecords'
import { PostgresMapSettings } from './PostgresMapSettings'
import { PostgresBallotRecords } from './PostgresBallotRecords'
import { PostgresConfirmationLinkRecords } from './PostgresConfirmationLinkRecords'
import { PostgresGuestLinkRecords } from './PostgresGuestLinkRecords'
import { PostgresMapRecords } from './PostgresMapRecords'
import { PostgresUpdateLog } from './PostgresUpdateLog'
import { needsLayoutMigration } from './mapStoreRows'

export type { PostgresMapStoreOptions }

export class PostgresMapStore extends ComposedMapStore {
  private readonly connection: PostgresConnection
  protected readonly log: PostgresUpdateLog
  protected readonly records: PostgresMapRecords
  readonly identities: PostgresIdentityRecords
  readonly library: PostgresLibraryRecords
  readonly mapSettings: PostgresMapSettings
  readonly ballots: PostgresBallotRecords
  readonly confirmationLinks: PostgresConfirmationLinkRecords
  protected readonly guestLinks: PostgresGuestLinkRecords
  protected readonly guests: PostgresGuestSessions

  constructor(options: PostgresMapStoreOptions) {
    super()
    this.connection = new PostgresConnection(options)
    this.log = new PostgresUpdateLog(this.connection)
    this.records = new PostgresMapRecords(this.connection)
    this.identities = new PostgresIdentityRecords(this.connection)
    this.library = new PostgresLibraryRecords(this.connection)
    this.mapSettings = new PostgresMapSettings(this.connection)
    this.ballots = new PostgresBallotRecords(this.connection)
    this.confirmationLinks = new PostgresConfirmationLinkRecords(this.connection)
    this.guestLinks = new PostgresGuestLinkRecords(this.connection)
    this.guests = new PostgresGuestSessions(this.connection)
  }

  async migrateLayout(mapId: string, migration: LayoutMigration): Promise<LayoutMigrationResult> {
    const unchanged = { logsChanged: false, versionsRewritten: 0 }
    // The usual case, a map already current, costs one read and no lock.
    if (!needsLayoutMigration(await this.records.documentLayout(mapId), migration.force)) {
      return unchanged
    }
    return this.connection.transaction(async (client) => {
      // The lock appends take: every other node's writes to this map wait for the split, and
      // a node that migrates at the same time finds it done.
      const layout = await this.records.documentLayout(mapId, client)
      if (!needsLayoutMigration(layout, migration.force)) return unchanged
      const logOf = async (document: MapDocumentName) =>
        (await this.log.logIn(client, mapId, document)).updates
      const logs = migration.logs(await logOf('map'), await logOf('confidential'))
      const now = new Date().toISOString()
      if (logs !== null) await this.log.replaceMapLogIn(client, mapId, logs, now)
      const versionsRewritten = await this.records.rewriteVersionsIn(
        client,
        mapId,
        migration.version,
      )
      await this.records.markLayoutCurrentIn(client, mapId, logs !== null ? now : null)
      return { logsChanged: logs !== null, versionsRewritten }
    })
  }

  async purgeFreedSpace(): Promise<void> {
    // Plain VACUUM: the old tuples' space is freed for reuse without locking out the other
    // nodes (VACUUM FULL would stop every write while it rewrites the tables). Old tuples can
    // stay in unreused page space, WAL segments and backups for a while (docs/sync.md).
    await this.connection.query('VACUUM map_updates, map_versions')
  }

  async close(): Promise<void> {
    await this.connection.close()
  }
}
