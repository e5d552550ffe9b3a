/**
 * Guest sessions (issue 18): someone who opened a map through a share link and typed a
 * name. The server issues the guest's id (`g_…`) and a random session token, kept only as
 * its hash (access/accessTokens.ts); the browser sends the token back on every socket and
 * request of that map, and the server knows who it is. A facilitator may rename a guest.
 * The sessions go when their map is deleted.
 */

/** A guest as stored: the map it belongs to, its id, its name and when it began. */
export interface GuestSession {
  mapId: string
  guestId: string
  name: string
  /** ISO 8601. */
  createdAt: string
}

/** A guest session to store, with the hash of its token. */
export interface NewGuestSession extends GuestSession {
  tokenHash: Uint8Array
}

/** The storage of guest sessions, on SQLite and PostgreSQL alike. */
export interface GuestSessionRecords {
  /** Stores a new guest session. */
  createGuestSession(session: NewGuestSession): Promise<void>
  /** The session of `mapId` whose token hashes to `tokenHash`; null when there is none. */
  findGuestSession(mapId: string, tokenHash: Uint8Array): Promise<GuestSession | null>
  /** The guest `guestId` of `mapId`; null when there is none. */
  getGuest(mapId: string, guestId: string): Promise<GuestSession | null>
  /** Renames the guest `guestId` of `mapId` (every session of it); false when there is none. */
  renameGuest(mapId: string, guestId: string, name: string): Promise<boolean>
}

/** A `guest_sessions` row as both stores read it. */
export interface GuestSessionRow {
  map_id: string
  guest_id: string
  name: string
  created_at: string
}

/** A stored row as the server uses it. */
export function guestSessionFromRow(row: GuestSessionRow): GuestSession {
  return { mapId: row.map_id, guestId: row.guest_id, name: row.name, createdAt: row.created_at }
}
