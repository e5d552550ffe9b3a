/** The {@link GuestSessionRecords} on PostgreSQL: one statement per method. */
import type { PostgresConnection } from './PostgresConnection'
import {
  type GuestSession,
  type GuestSessionRecords,
  type GuestSessionRow,
  type NewGuestSession,
  guestSessionFromRow,
} from './GuestSessionRecords'

const COLUMNS = 'map_id, guest_id, name, created_at'

export class PostgresGuestSessions implements GuestSessionRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async createGuestSession(session: NewGuestSession): Promise<void> {
    await this.connection.query(
      `INSERT INTO guest_sessions (token_hash, map_id, guest_id, name, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
      [
        Buffer.from(session.tokenHash),
        session.mapId,
        session.guestId,
        session.name,
        session.createdAt,
      ],
    )
  }

  async findGuestSession(mapId: string, tokenHash: Uint8Array): Promise<GuestSession | null> {
    const { rows } = await this.connection.query<GuestSessionRow>(
      `SELECT ${COLUMNS} FROM guest_sessions WHERE token_hash = $1 AND map_id = $2`,
      [Buffer.from(tokenHash), mapId],
    )
    return rows[0] === undefined ? null : guestSessionFromRow(rows[0])
  }

  async getGuest(mapId: string, guestId: string): Promise<GuestSession | null> {
    const { rows } = await this.connection.query<GuestSessionRow>(
      `SELECT ${COLUMNS} FROM guest_sessions WHERE map_id = $1 AND guest_id = $2 LIMIT 1`,
      [mapId, guestId],
    )
    return rows[0] === undefined ? null : guestSessionFromRow(rows[0])
  }

  async renameGuest(mapId: string, guestId: string, name: string): Promise<boolean> {
    const result = await this.connection.query(
      'UPDATE guest_sessions SET name = $1 WHERE map_id = $2 AND guest_id = $3',
      [name, mapId, guestId],
    )
    return (result.rowCount ?? 0) > 0
  }
}
