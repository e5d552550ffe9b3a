import type { Database } from 'better-sqlite3'

/**
 * Schema steps of the SQLite store. Append only: step n runs once, on databases whose
 * `user_version` is below n + 1; a released step is never edited, a fix is a new step.
 */
export const sqliteMigrations: readonly string[] = [
  `CREATE TABLE maps (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE map_updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     "update" BLOB NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX map_updates_by_map ON map_updates(map_id, id);`,
  // Issue 5: share tokens (hashes only; revoked ones kept to answer 403), versions, audit.
  `CREATE TABLE map_tokens (
     token_hash BLOB PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     role TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT;
   CREATE INDEX map_tokens_by_map ON map_tokens(map_id, role);
   CREATE TABLE map_versions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by_name TEXT NOT NULL,
     created_by_role TEXT,
     state BLOB NOT NULL,
     stakeholder_count INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX map_versions_by_map ON map_versions(map_id, id);
   CREATE TABLE audit_entries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     stakeholder_id TEXT NOT NULL,
     participant_name TEXT NOT NULL,
     participant_role TEXT,
     fields TEXT NOT NULL,
     first_at TEXT NOT NULL,
     last_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX audit_entries_by_stakeholder
     ON audit_entries(map_id, stakeholder_id, participant_name, last_at);`,
  // Issue 15: a map has two documents (the map and its confidential part), each with its own
  // update log; versions keep the confidential state apart; `document_layout` 1 marks maps
  // whose map document may still hold contacts (moved out when the map is next loaded).
  `ALTER TABLE map_updates ADD COLUMN doc TEXT NOT NULL DEFAULT 'map';
   DROP INDEX map_updates_by_map;
   CREATE INDEX map_updates_by_document ON map_updates(map_id, doc, id);
   ALTER TABLE map_versions ADD COLUMN confidential_state BLOB;
   ALTER TABLE maps ADD COLUMN document_layout INTEGER NOT NULL DEFAULT 1;`,
  // Issue 16: audit rows keep what changed (old and new values of scores and
  // classifications; NULL on older rows: values not recorded then), a kind (edits are
  // 'change'; e.g. an erasure report is another) and that kind's details.
  `ALTER TABLE audit_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'change';
   ALTER TABLE audit_entries ADD COLUMN changes TEXT;
   ALTER TABLE audit_entries ADD COLUMN details TEXT;
   CREATE INDEX audit_entries_by_time ON audit_entries(map_id, last_at);`,
  // Issue 18: guest links, any number per role beside the four tokens, each with an expiry
  // and revocable; the token as its SHA-256 hash only, unique so a lookup finds one row.
  `CREATE TABLE guest_links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     token_hash BLOB NOT NULL UNIQUE,
     role TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     created_by_role TEXT,
     created_by_name TEXT NOT NULL
   ) STRICT;
   CREATE INDEX guest_links_by_map ON guest_links(map_id, created_at);`,
  // Issue 18: guest sessions (a guest's server-issued id and the name they typed, found by
  // the hash of their random session token), and audit rows name the identity behind a change
  // and versions name the identity that made them (kind 'guest' or 'user' and its id; NULL on
  // older rows: only the typed name was known).
  `CREATE TABLE guest_sessions (
     token_hash BLOB PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     guest_id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX guest_sessions_by_guest ON guest_sessions(map_id, guest_id);
   ALTER TABLE audit_entries ADD COLUMN participant_kind TEXT;
   ALTER TABLE audit_entries ADD COLUMN participant_id TEXT;
   ALTER TABLE map_versions ADD COLUMN created_by_kind TEXT;
   ALTER TABLE map_versions ADD COLUMN created_by_id TEXT;`,
  // Issue 18: users as the identity provider names them (issuer + subject, our id `u_…`;
  // lower-cased name and e-mail for the members picker) and server-side sessions, kept
  // as the SHA-256 of the cookie's opaque id.
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     issuer TEXT NOT NULL,
     subject TEXT NOT NULL,
     name TEXT NOT NULL,
     email TEXT,
     group_names TEXT NOT NULL,
     name_key TEXT NOT NULL,
     email_key TEXT,
     created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     UNIQUE (issuer, subject)
   ) STRICT;
   CREATE INDEX users_by_name ON users(name_key);
   CREATE INDEX users_by_email ON users(email_key);
   CREATE TABLE user_sessions (
     id_hash BLOB PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     idle_expires_at TEXT NOT NULL,
     absolute_expires_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX user_sessions_by_user ON user_sessions(user_id);
   CREATE INDEX user_sessions_by_idle_expiry ON user_sessions(idle_expires_at);`,
  // Issue 18, the library: members of a map (a user by our id, or a group by the provider's
  // name) with a role; who created a map, when it was archived; and what the library lists
  // and searches, kept current by the room (stakeholder names one a line, their count, the
  // signed-in user who changed the map last).
  `CREATE TABLE map_members (
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     member_kind TEXT NOT NULL,
     member_id TEXT NOT NULL,
     role TEXT NOT NULL,
     added_at TEXT NOT NULL,
     PRIMARY KEY (map_id, member_kind, member_id)
   ) STRICT;
   CREATE INDEX map_members_by_member ON map_members(member_kind, member_id);
   ALTER TABLE maps ADD COLUMN created_by TEXT;
   ALTER TABLE maps ADD COLUMN archived_at TEXT;
   ALTER TABLE maps ADD COLUMN updated_by_name TEXT;
   ALTER TABLE maps ADD COLUMN stakeholder_count INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE maps ADD COLUMN stakeholder_names TEXT NOT NULL DEFAULT '';`,
  // Issue 18: a map may forbid (or allow) guest links whatever the organisation's default;
  // NULL follows the default (GUEST_LINKS_DEFAULT).
  `ALTER TABLE maps ADD COLUMN guest_links TEXT
     CHECK (guest_links IS NULL OR guest_links IN ('allowed', 'forbidden'));`,
  // Issue 18: when the library summary was last stored; NULL for maps nobody opened since
  // the library came, whose summary organisation mode computes once from the stored log.
  `ALTER TABLE maps ADD COLUMN summary_stored_at TEXT;`,
  // Issue 19: ballots of open scoring rounds and dot votes, off the shared document
  // (BallotRecords.ts); deleted at the reveal or close.
  `CREATE TABLE ballots (
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     round_id TEXT NOT NULL,
     voter_id TEXT NOT NULL,
     ballot TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (map_id, round_id, voter_id)
   ) STRICT;`,
  // Issue 19: rounds and votes revealed, closed or discarded: no ballot is taken for them
  // any more, on any node (BallotRecords.ts).
  `CREATE TABLE closed_ballot_rounds (
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     round_id TEXT NOT NULL,
     closed_at TEXT NOT NULL,
     PRIMARY KEY (map_id, round_id)
   ) STRICT;`,
  // Issue 21: confirmation links, one per request for a stakeholder's confirmation of one
  // engagement-log entry (ConfirmationLinkRecords.ts), with at most one answer (JSON).
  `CREATE TABLE confirmation_links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     stakeholder_id TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     token_hash BLOB NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     answer TEXT,
     created_by_role TEXT,
     created_by_name TEXT NOT NULL
   ) STRICT;
   CREATE INDEX confirmation_links_by_map ON confirmation_links(map_id, created_at);`,
  // Issue 21: a map created as an import of a map file awaits that file's evaluation
  // results once ('awaited'); the time it took them replaces it. NULL: not an import.
  `ALTER TABLE maps ADD COLUMN imported_results TEXT;`,
]

/** Brings the database schema up to date, each pending step in its own transaction. */
export function migrateSqlite(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > sqliteMigrations.length) {
    // A newer server wrote this file; running old code on it could corrupt it.
    throw new Error(
      `database schema version ${current} is newer than this server (${sqliteMigrations.length})`,
    )
  }
  sqliteMigrations.forEach((sql, index) => {
    const version = index + 1
    if (version <= current) return
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${version}`)
    })()
  })
}
