/**
 * {@link MapStore} on one SQLite file (better-sqlite3): opens the database and composes its
 * {@link SqliteUpdateLog} and {@link SqliteMapRecords}; the layout migration, which spans
 * both, runs here in one transaction. Calls are synchronous underneath and wrapped in
 * promises; `synchronous = FULL` makes every committed transaction durable before the
 * promise resolves, which the rooms rely on before broadcasting.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import { ComposedMapStore } from './ComposedMapStore'
import { SqliteGuestSessions } from './SqliteGuestSessions'
import type { LayoutMigration, LayoutMigrationResult } from './MapStore'
import { SqliteIdentityRecords } from './SqliteIdentityRecords'
import { SqliteLibraryRecords } from './SqliteLibraryRecords'
import { SqliteMapSettings } from './SqliteMapSettings'
import { SqliteBallotRecords } from './SqliteBallotRecords'
import { SqliteConfirmationLinkRecords } from './SqliteConfirmationLinkRecords'
import { SqliteGuestLinkRecords } from './SqliteGuestLinkRecords'
import { SqliteMapRecords } from './SqliteMapRecords'
import { SqliteUpdateLog } from './SqliteUpdateLog'
import { needsLayoutMigration } from './mapStoreRows'
import { migrateSqlite } from './sqliteMigrations'

/** File name of the database inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = 'stakeholder-canvas.sqlite'

export class SqliteMapStore extends ComposedMapStore {
  private readonly db: Database.Database
  protected readonly log: SqliteUpdateLog
  protected readonly records: SqliteMapRecords
  readonly identities: SqliteIdentityRecords
  readonly library: SqliteLibraryRecords
  readonly mapSettings: SqliteMapSettings
  readonly ballots: SqliteBallotRecords
  readonly confirmationLinks: SqliteConfirmationLinkRecords
  protected readonly guestLinks: SqliteGuestLinkRecords
  protected readonly guests: SqliteGuestSessions

  /** Opens (and creates or migrates) `<dataDir>/stakeholder-canvas.sqlite`. */
  constructor(dataDir: string) {
    super()
    fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, SQLITE_FILE_NAME))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('busy_timeout = 5000')
    // Deleted rows are overwritten with zeros: erased personal data must not linger in pages.
    this.db.pragma('secure_delete = ON')
    migrateSqlite(this.db)
    this.log = new SqliteUpdateLog(this.db)
    this.records = new SqliteMapRecords(this.db)
    this.identities = new SqliteIdentityRecords(this.db)
    this.library = new SqliteLibraryRecords(this.db)
    this.mapSettings = new SqliteMapSettings(this.db)
    this.ballots = new SqliteBallotRecords(this.db)
    this.confirmationLinks = new SqliteConfirmationLinkRecords(this.db)
    this.guestLinks = new SqliteGuestLinkRecords(this.db)
    this.guests = new SqliteGuestSessions(this.db)
  }

  async migrateLayout(mapId: string, migration: LayoutMigration): Promise<LayoutMigrationResult> {
    const unchanged = { logsChanged: false, versionsRewritten: 0 }
    if (!needsLayoutMigration(this.records.documentLayout(mapId), migration.force)) {
      return unchanged
    }
    const now = new Date().toISOString()
    // One synchronous transaction: no append of any map can come between its steps.
    return this.db.transaction(() => {
      const logOf = (document: MapDocumentName) =>
        this.log.logInTransaction(mapId, document).updates
      const logs = migration.logs(logOf('map'), logOf('confidential'))
      if (logs !== null) this.log.replaceMapLogInTransaction(mapId, logs, now)
      const versionsRewritten = this.records.rewriteVersionsInTransaction(mapId, migration.version)
      this.records.markLayoutCurrentInTransaction(mapId)
      return { logsChanged: logs !== null, versionsRewritten }
    })()
  }

  async purgeFreedSpace(): Promise<void> {
    // Move everything into the main file, rebuild it without free pages, then empty the WAL
    // that VACUUM itself wrote to.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.exec('VACUUM')
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
