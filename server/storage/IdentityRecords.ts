/**
 * The records of who signs in (issue 18): users as the organisation's identity provider
 * names them, and their server-side sessions. A user is keyed by the provider's `issuer` and
 * `subject` (unique together) and gets an id of ours (`u_…`) that the rest of the server uses.
 * A session is stored only as the SHA-256 hash of its opaque id (the cookie's value), so a
 * copy of the database cannot be replayed as a cookie. The store keeps the times it is given;
 * the rules (idle and absolute expiry, how often last-seen moves) live in server/access/.
 */

/** What a sign-in tells about a person, from the validated ID token and userinfo. */
export interface UserClaims {
  issuer: string
  subject: string
  /** Display name; never empty (the caller falls back to the e-mail or the subject). */
  name: string
  email: string | null
  /** Group names or ids from `OIDC_GROUPS_CLAIM`; empty when not configured or not sent. */
  groups: readonly string[]
}

/** A user as stored. */
export interface StoredUser {
  /** Ours: `u_` and random characters; stable for as long as the provider's subject is. */
  id: string
  issuer: string
  subject: string
  name: string
  email: string | null
  groups: string[]
  /** ISO 8601 time of the first sign-in. */
  createdAt: string
  /** ISO 8601 time of the last sign-in or session touch. */
  lastSeenAt: string
}

/** What {@link IdentityRecords.createSession} stores. */
export interface NewSession {
  /** SHA-256 of the opaque session id; the id itself is never stored. */
  idHash: Uint8Array
  userId: string
  /** ISO 8601 times: now, and when the session ends unused and at the latest. */
  createdAt: string
  idleExpiresAt: string
  absoluteExpiresAt: string
}

/** A stored session with its user, as {@link IdentityRecords.getSession} answers it. */
export interface StoredSession {
  userId: string
  createdAt: string
  lastSeenAt: string
  idleExpiresAt: string
  absoluteExpiresAt: string
  user: StoredUser
}

/** A session that is still on, as {@link IdentityRecords.liveSessions} answers it. */
export interface LiveSession {
  idHash: Uint8Array
  lastSeenAt: string
  absoluteExpiresAt: string
}

/** Most users {@link IdentityRecords.findUsers} answers when no limit is given. */
export const DEFAULT_USER_SEARCH_LIMIT = 20

/** Users and sessions of one database (SQLite or PostgreSQL). */
export interface IdentityRecords {
  /**
   * Stores the person behind a sign-in: a new user the first time this issuer and subject
   * sign in, else the same user with name, e-mail and groups as the provider says now.
   */
  upsertUser(claims: UserClaims): Promise<StoredUser>
  /** The user with this id of ours, or null. */
  getUser(id: string): Promise<StoredUser | null>
  /**
   * Users whose name (or a word of it) or e-mail starts with `prefix`, case-insensitive,
   * ordered by name; for picking members. An empty prefix finds nobody.
   */
  findUsers(prefix: string, limit?: number): Promise<StoredUser[]>
  /** Stores a new session; rejects when the user does not exist. */
  createSession(session: NewSession): Promise<void>
  /** The session with this id hash and its user, or null; expired ones are answered too. */
  getSession(idHash: Uint8Array): Promise<StoredSession | null>
  /**
   * Of these sessions, the ones that exist and have passed neither expiry at `now`: one
   * query for all the sessions of a node's open sockets (their periodic re-check).
   */
  liveSessions(idHashes: readonly Uint8Array[], now: string): Promise<LiveSession[]>
  /** Marks the session (and its user) seen at `lastSeenAt`, with a new idle expiry. */
  touchSession(idHash: Uint8Array, lastSeenAt: string, idleExpiresAt: string): Promise<void>
  /** Ends one session (sign out); no error when it is already gone. */
  deleteSession(idHash: Uint8Array): Promise<void>
  /** Ends every session of the user (sign out everywhere); answers how many there were. */
  deleteUserSessions(userId: string): Promise<number>
  /** Removes sessions past either expiry at `now`; answers how many. */
  deleteExpiredSessions(now: string): Promise<number>
}
