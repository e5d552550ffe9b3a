/** The {@link MapSettingsRecords} on PostgreSQL: one statement per method. */
import type { GuestLinkChoice } from '../../shared/protocol/mapSettings'
import {
  IMPORTED_RESULTS_AWAITED,
  type ImportedResultsState,
  type MapSettingsRecords,
  guestLinkChoiceFromColumn,
  importedResultsStateFromColumn,
} from './MapSettingsRecords'
import type { PostgresConnection } from './PostgresConnection'

export class PostgresMapSettings implements MapSettingsRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async getGuestLinks(mapId: string): Promise<GuestLinkChoice | null> {
    const { rows } = await this.connection.query<{ guest_links: string | null }>(
      'SELECT guest_links FROM maps WHERE id = $1',
      [mapId],
    )
    return guestLinkChoiceFromColumn(rows[0]?.guest_links)
  }

  async setGuestLinks(mapId: string, choice: GuestLinkChoice | null): Promise<boolean> {
    const result = await this.connection.query('UPDATE maps SET guest_links = $1 WHERE id = $2', [
      choice,
      mapId,
    ])
    return (result.rowCount ?? 0) > 0
  }

  async awaitImportedResults(mapId: string): Promise<void> {
    await this.connection.query(
      'UPDATE maps SET imported_results = $1 WHERE id = $2 AND imported_results IS NULL',
      [IMPORTED_RESULTS_AWAITED, mapId],
    )
  }

  async importedResultsState(mapId: string): Promise<ImportedResultsState> {
    const { rows } = await this.connection.query<{ imported_results: string | null }>(
      'SELECT imported_results FROM maps WHERE id = $1',
      [mapId],
    )
    return importedResultsStateFromColumn(rows[0]?.imported_results)
  }

  async takeImportedResults(mapId: string, at: string): Promise<boolean> {
    const result = await this.connection.query(
      'UPDATE maps SET imported_results = $1 WHERE id = $2 AND imported_results = $3',
      [at, mapId, IMPORTED_RESULTS_AWAITED],
    )
    return (result.rowCount ?? 0) > 0
  }
}
