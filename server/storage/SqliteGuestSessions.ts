/** The {@link GuestSessionRecords} on SQLite: one statement per method. */
import type Database from 'better-sqlite3'
import {
  type GuestSession,
  type GuestSessionRecords,
  type GuestSessionRow,
  type NewGuestSession,
  guestSessionFromRow,
} from './GuestSessionRecords'

const COLUMNS = 'map_id, guest_id, name, created_at'

export class SqliteGuestSessions implements GuestSessionRecords {
  constructor(private readonly db: Database.Database) {}

  async createGuestSession(session: NewGuestSession): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO guest_sessions (token_hash, map_id, guest_id, name, created_at)
           VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        Buffer.from(session.tokenHash),
        session.mapId,
        session.guestId,
        session.name,
        session.createdAt,
      )
  }

  async findGuestSession(mapId: string, tokenHash: Uint8Array): Promise<GuestSession | null> {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM guest_sessions WHERE token_hash = ? AND map_id = ?`)
      .get(Buffer.from(tokenHash), mapId) as GuestSessionRow | undefined
    return row === undefined ? null : guestSessionFromRow(row)
  }

  async getGuest(mapId: string, guestId: string): Promise<GuestSession | null> {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM guest_sessions WHERE map_id = ? AND guest_id = ? LIMIT 1`)
      .get(mapId, guestId) as GuestSessionRow | undefined
    return row === undefined ? null : guestSessionFromRow(row)
  }

  async renameGuest(mapId: string, guestId: string, name: string): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE guest_sessions SET name = ? WHERE map_id = ? AND guest_id = ?')
      .run(name, mapId, guestId)
    return result.changes > 0
  }
}
