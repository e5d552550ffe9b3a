/**
 * The {@link IdentityRecords} on PostgreSQL, so every node of a cluster sees the same users
 * and sessions: one statement or one transaction per method; rows are mapped as in SQLite
 * (identityRows.ts).
 */
import {
  DEFAULT_USER_SEARCH_LIMIT,
  type IdentityRecords,
  type LiveSession,
  type NewSession,
  type StoredSession,
  type StoredUser,
  type UserClaims,
} from './IdentityRecords'
import type { PostgresConnection } from './PostgresConnection'
import {
  SESSION_COLUMNS,
  type SessionRow,
  type UserRow,
  sessionFromRow,
  userFromRow,
  userSearchPatterns,
  userUpsertValues,
} from './identityRows'

export class PostgresIdentityRecords implements IdentityRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async upsertUser(claims: UserClaims): Promise<StoredUser> {
    const { rows } = await this.connection.query<UserRow>(
      `INSERT INTO users (id, issuer, subject, name, email, group_names, name_key, email_key,
           created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name,
           email = excluded.email, group_names = excluded.group_names,
           name_key = excluded.name_key, email_key = excluded.email_key,
           last_seen_at = excluded.last_seen_at
         RETURNING *`,
      userUpsertValues(claims, new Date().toISOString()),
    )
    return userFromRow(rows[0] as UserRow)
  }

  async getUser(id: string): Promise<StoredUser | null> {
    const { rows } = await this.connection.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])
    return rows[0] === undefined ? null : userFromRow(rows[0])
  }

  async findUsers(prefix: string, limit = DEFAULT_USER_SEARCH_LIMIT): Promise<StoredUser[]> {
    if (prefix.trim() === '') return []
    // COLLATE "C": plain code-point order and LIKE on the lower-cased keys, as in SQLite.
    const { rows } = await this.connection.query<UserRow>(
      `SELECT * FROM users
        WHERE name_key LIKE $1 ESCAPE '\\' OR name_key LIKE $2 ESCAPE '\\'
           OR email_key LIKE $3 ESCAPE '\\'
        ORDER BY name_key COLLATE "C", id LIMIT $4`,
      [...userSearchPatterns(prefix), limit],
    )
    return rows.map(userFromRow)
  }

  async createSession(session: NewSession): Promise<void> {
    await this.connection.query(
      `INSERT INTO user_sessions (id_hash, user_id, created_at, last_seen_at, idle_expires_at,
           absolute_expires_at) VALUES ($1, $2, $3, $3, $4, $5)`,
      [
        Buffer.from(session.idHash),
        session.userId,
        session.createdAt,
        session.idleExpiresAt,
        session.absoluteExpiresAt,
      ],
    )
  }

  async getSession(idHash: Uint8Array): Promise<StoredSession | null> {
    const { rows } = await this.connection.query<SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = $1`,
      [Buffer.from(idHash)],
    )
    return rows[0] === undefined ? null : sessionFromRow(rows[0])
  }

  async liveSessions(idHashes: readonly Uint8Array[], now: string): Promise<LiveSession[]> {
    if (idHashes.length === 0) return []
    const { rows } = await this.connection.query<LiveSessionRow>(
      `SELECT id_hash, last_seen_at, absolute_expires_at FROM user_sessions
        WHERE id_hash = ANY($1) AND idle_expires_at > $2 AND absolute_expires_at > $2`,
      [idHashes.map((hash) => Buffer.from(hash)), now],
    )
    return rows.map((row) => ({
      idHash: new Uint8Array(row.id_hash),
      lastSeenAt: row.last_seen_at,
      absoluteExpiresAt: row.absolute_expires_at,
    }))
  }

  async touchSession(idHash: Uint8Array, lastSeenAt: string, idleExpiresAt: string) {
    // One statement for both rows: the session's idle expiry and its user's last-seen.
    await this.connection.query(
      `WITH touched AS (
         UPDATE user_sessions SET last_seen_at = $1, idle_expires_at = $2 WHERE id_hash = $3
         RETURNING user_id)
       UPDATE users SET last_seen_at = $1 WHERE id IN (SELECT user_id FROM touched)`,
      [lastSeenAt, idleExpiresAt, Buffer.from(idHash)],
    )
  }

  async deleteSession(idHash: Uint8Array): Promise<void> {
    await this.connection.query('DELETE FROM user_sessions WHERE id_hash = $1', [
      Buffer.from(idHash),
    ])
  }

  async deleteUserSessions(userId: string): Promise<number> {
    const result = await this.connection.query('DELETE FROM user_sessions WHERE user_id = $1', [
      userId,
    ])
    return result.rowCount ?? 0
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.connection.query(
      'DELETE FROM user_sessions WHERE idle_expires_at <= $1 OR absolute_expires_at <= $1',
      [now],
    )
    return result.rowCount ?? 0
  }
}

interface LiveSessionRow {
  id_hash: Buffer
  last_seen_at: string
  absolute_expires_at: string
}
