/** The {@link MapSettingsRecords} on SQLite: one statement per method. */
import type Database from 'better-sqlite3'
import type { GuestLinkChoice } from '../../shared/protocol/mapSettings'
import {
  IMPORTED_RESULTS_AWAITED,
  type ImportedResultsState,
  type MapSettingsRecords,
  guestLinkChoiceFromColumn,
  importedResultsStateFromColumn,
} from './MapSettingsRecords'

export class SqliteMapSettings implements MapSettingsRecords {
  constructor(private readonly db: Database.Database) {}

  async getGuestLinks(mapId: string): Promise<GuestLinkChoice | null> {
    const row = this.db.prepare('SELECT guest_links FROM maps WHERE id = ?').get(mapId) as
      { guest_links: string | null } | undefined
    return guestLinkChoiceFromColumn(row?.guest_links)
  }

  async setGuestLinks(mapId: string, choice: GuestLinkChoice | null): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE maps SET guest_links = ? WHERE id = ?')
      .run(choice, mapId)
    return result.changes > 0
  }

  async awaitImportedResults(mapId: string): Promise<void> {
    this.db
      .prepare('UPDATE maps SET imported_results = ? WHERE id = ? AND imported_results IS NULL')
      .run(IMPORTED_RESULTS_AWAITED, mapId)
  }

  async importedResultsState(mapId: string): Promise<ImportedResultsState> {
    const row = this.db.prepare('SELECT imported_results FROM maps WHERE id = ?').get(mapId) as
      { imported_results: string | null } | undefined
    return importedResultsStateFromColumn(row?.imported_results)
  }

  async takeImportedResults(mapId: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE maps SET imported_results = ? WHERE id = ? AND imported_results = ?')
      .run(at, mapId, IMPORTED_RESULTS_AWAITED)
    return result.changes > 0
  }
}
