/**
 * The engine-free part of {@link IdentityRecords}: user ids, the rows both engines store and
 * read, and the search pattern of {@link IdentityRecords.findUsers}.
 */
import { randomBytes } from 'node:crypto'
import type { StoredSession, StoredUser, UserClaims } from './IdentityRecords'

/** A new user id: `u_` and 22 URL-safe characters (128 random bits). */
export function newUserId(): string {
  return `u_${randomBytes(16).toString('base64url')}`
}

/** A `users` row as both engines read it. */
export interface UserRow {
  id: string
  issuer: string
  subject: string
  name: string
  email: string | null
  group_names: string
  created_at: string
  last_seen_at: string
}

/** A `user_sessions` row joined with its user's row (`s_` prefixes the session's columns). */
export interface SessionRow extends UserRow {
  s_user_id: string
  s_created_at: string
  s_last_seen_at: string
  s_idle_expires_at: string
  s_absolute_expires_at: string
}

/** The columns of a user row written by an upsert, in the engines' parameter order. */
export function userUpsertValues(claims: UserClaims, now: string): unknown[] {
  return [
    newUserId(),
    claims.issuer,
    claims.subject,
    claims.name,
    claims.email,
    JSON.stringify([...claims.groups]),
    searchKey(claims.name),
    claims.email === null ? null : searchKey(claims.email),
    now,
  ]
}

/** Lower case for searching, done here so that SQLite and PostgreSQL agree beyond ASCII. */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase('und')
}

/**
 * LIKE patterns for a search prefix (`\` escapes): the start of the name, the start of a
 * later word of the name, the start of the e-mail.
 */
export function userSearchPatterns(prefix: string): [string, string, string] {
  const escaped = searchKey(prefix.trim()).replace(/[\\%_]/g, (char) => `\\${char}`)
  return [`${escaped}%`, `% ${escaped}%`, `${escaped}%`]
}

export function userFromRow(row: UserRow): StoredUser {
  const groups: unknown = JSON.parse(row.group_names)
  return {
    id: row.id,
    issuer: row.issuer,
    subject: row.subject,
    name: row.name,
    email: row.email,
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  }
}

export function sessionFromRow(row: SessionRow): StoredSession {
  return {
    userId: row.s_user_id,
    createdAt: row.s_created_at,
    lastSeenAt: row.s_last_seen_at,
    idleExpiresAt: row.s_idle_expires_at,
    absoluteExpiresAt: row.s_absolute_expires_at,
    user: userFromRow(row),
  }
}

/** The SELECT list of a session joined with its user (`u` users, `s` user_sessions). */
export const SESSION_COLUMNS =
  'u.*, s.user_id AS s_user_id, s.created_at AS s_created_at, ' +
  's.last_seen_at AS s_last_seen_at, s.idle_expires_at AS s_idle_expires_at, ' +
  's.absolute_expires_at AS s_absolute_expires_at'
