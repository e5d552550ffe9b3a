/** The {@link MapSettingsRecords} on PostgreSQL: one statement per method. */
import type { GuestLinkChoice } from '../../shared/protocol/mapSettings'
import { type MapSettingsRecords, guestLinkChoiceFromColumn } from './MapSettingsRecords'
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
}
