/**
 * The {@link IdentityRecords} on SQLite: users and sessions, one statement or one
 * synchronous transaction per method; rows are mapped as in PostgreSQL (identityRows.ts).
 */
import type Database from 'better-sqlite3'
import {
  DEFAULT_USER_SEARCH_LIMIT,
  type IdentityRecords,
  type LiveSession,
  type NewSession,
  type StoredSession,
  type StoredUser,
  type UserClaims,
} from './IdentityRecords'
import {
  SESSION_COLUMNS,
  type SessionRow,
  type UserRow,
  sessionFromRow,
  userFromRow,
  userSearchPatterns,
  userUpsertValues,
} from './identityRows'

export class SqliteIdentityRecords implements IdentityRecords {
  constructor(private readonly db: Database.Database) {}

  async upsertUser(claims: UserClaims): Promise<StoredUser> {
    const now = new Date().toISOString()
    const row = this.db
      .prepare(
        `INSERT INTO users (id, issuer, subject, name, email, group_names, name_key, email_key,
             created_at, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (issuer, subject) DO UPDATE SET name = excluded.name,
             email = excluded.email, group_names = excluded.group_names,
             name_key = excluded.name_key, email_key = excluded.email_key,
             last_seen_at = excluded.last_seen_at
           RETURNING *`,
      )
      .get(...userUpsertValues(claims, now), now) as UserRow
    return userFromRow(row)
  }

  async getUser(id: string): Promise<StoredUser | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row === undefined ? null : userFromRow(row)
  }

  async findUsers(prefix: string, limit = DEFAULT_USER_SEARCH_LIMIT): Promise<StoredUser[]> {
    if (prefix.trim() === '') return []
    const rows = this.db
      .prepare(
        `SELECT * FROM users
          WHERE name_key LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\'
             OR email_key LIKE ? ESCAPE '\\'
          ORDER BY name_key, id LIMIT ?`,
      )
      .all(...userSearchPatterns(prefix), limit) as UserRow[]
    return rows.map(userFromRow)
  }

  async createSession(session: NewSession): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO user_sessions (id_hash, user_id, created_at, last_seen_at, idle_expires_at,
             absolute_expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.idHash,
        session.userId,
        session.createdAt,
        session.createdAt,
        session.idleExpiresAt,
        session.absoluteExpiresAt,
      )
  }

  async getSession(idHash: Uint8Array): Promise<StoredSession | null> {
    const row = this.db
      .prepare(
        `SELECT ${SESSION_COLUMNS} FROM user_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id_hash = ?`,
      )
      .get(idHash) as SessionRow | undefined
    return row === undefined ? null : sessionFromRow(row)
  }

  async liveSessions(idHashes: readonly Uint8Array[], now: string): Promise<LiveSession[]> {
    if (idHashes.length === 0) return []
    const rows = this.db
      .prepare(
        `SELECT id_hash, last_seen_at, absolute_expires_at FROM user_sessions
          WHERE id_hash IN (${idHashes.map(() => '?').join(', ')})
            AND idle_expires_at > ? AND absolute_expires_at > ?`,
      )
      .all(...idHashes, now, now) as LiveSessionRow[]
    return rows.map((row) => ({
      idHash: new Uint8Array(row.id_hash),
      lastSeenAt: row.last_seen_at,
      absoluteExpiresAt: row.absolute_expires_at,
    }))
  }

  async touchSession(idHash: Uint8Array, lastSeenAt: string, idleExpiresAt: string) {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE user_sessions SET last_seen_at = ?, idle_expires_at = ? WHERE id_hash = ?')
        .run(lastSeenAt, idleExpiresAt, idHash)
      this.db
        .prepare(
          `UPDATE users SET last_seen_at = ?
            WHERE id = (SELECT user_id FROM user_sessions WHERE id_hash = ?)`,
        )
        .run(lastSeenAt, idHash)
    })()
  }

  async deleteSession(idHash: Uint8Array): Promise<void> {
    this.db.prepare('DELETE FROM user_sessions WHERE id_hash = ?').run(idHash)
  }

  async deleteUserSessions(userId: string): Promise<number> {
    return this.db.prepare('DELETE FROM user_sessions WHERE user_id = ?').run(userId).changes
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return this.db
      .prepare('DELETE FROM user_sessions WHERE idle_expires_at <= ? OR absolute_expires_at <= ?')
      .run(now, now).changes
  }
}

interface LiveSessionRow {
  id_hash: Buffer
  last_seen_at: string
  absolute_expires_at: string
}
