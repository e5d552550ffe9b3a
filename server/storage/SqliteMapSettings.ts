/** The {@link MapSettingsRecords} on SQLite: one statement per method. */
import type Database from 'better-sqlite3'
import type { GuestLinkChoice } from '../../shared/protocol/mapSettings'
import { type MapSettingsRecords, guestLinkChoiceFromColumn } from './MapSettingsRecords'

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
}
