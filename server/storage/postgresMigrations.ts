import type { PoolClient } from 'pg'

/**
 * Schema steps of the PostgreSQL store, the same tables as {@link sqliteMigrations}. Append
 * only: step n runs once, on databases whose `schema_version` is below n + 1; a released step
 * is never edited, a fix is a new step. Times are ISO 8601 text, as in SQLite, so both
 * stores compare and return them identically.
 */
export const postgresMigrations: readonly string[] = [
  `CREATE TABLE maps (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE map_updates (
     id BIGSERIAL PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     "update" BYTEA NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX map_updates_by_map ON map_updates(map_id, id);
   CREATE TABLE map_tokens (
     token_hash BYTEA PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     role TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX map_tokens_by_map ON map_tokens(map_id, role);
   CREATE TABLE map_versions (
     id BIGSERIAL PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by_name TEXT NOT NULL,
     created_by_role TEXT,
     state BYTEA NOT NULL,
     stakeholder_count INTEGER NOT NULL
   );
   CREATE INDEX map_versions_by_map ON map_versions(map_id, id);
   CREATE TABLE audit_entries (
     id BIGSERIAL PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     stakeholder_id TEXT NOT NULL,
     participant_name TEXT NOT NULL,
     participant_role TEXT,
     fields TEXT NOT NULL,
     first_at TEXT NOT NULL,
     last_at TEXT NOT NULL
   );
   CREATE INDEX audit_entries_by_stakeholder
     ON audit_entries(map_id, stakeholder_id, participant_name, last_at);`,
  // Issue 15, as sqliteMigrations step 3: per-document update logs, the confidential state
  // of versions apart, and the layout a map is stored in.
  `ALTER TABLE map_updates ADD COLUMN doc TEXT NOT NULL DEFAULT 'map';
   DROP INDEX map_updates_by_map;
   CREATE INDEX map_updates_by_document ON map_updates(map_id, doc, id);
   ALTER TABLE map_versions ADD COLUMN confidential_state BYTEA;
   ALTER TABLE maps ADD COLUMN document_layout INTEGER NOT NULL DEFAULT 1;`,
  // Issue 16, as sqliteMigrations step 4: what changed, the row's kind and its details.
  `ALTER TABLE audit_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'change';
   ALTER TABLE audit_entries ADD COLUMN changes TEXT;
   ALTER TABLE audit_entries ADD COLUMN details TEXT;
   CREATE INDEX audit_entries_by_time ON audit_entries(map_id, last_at);`,
  // Issue 18, as sqliteMigrations step 5: guest links with expiry and revocation.
  `CREATE TABLE guest_links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     token_hash BYTEA NOT NULL UNIQUE,
     role TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     created_by_role TEXT,
     created_by_name TEXT NOT NULL
   );
   CREATE INDEX guest_links_by_map ON guest_links(map_id, created_at);`,
  // Issue 18: guest sessions (a guest's server-issued id and the name they typed, found by
  // the hash of their random session token), and audit rows name the identity behind a change
  // and versions name the identity that made them (kind 'guest' or 'user' and its id; NULL on
  // older rows: only the typed name was known).
  `CREATE TABLE guest_sessions (
     token_hash BYTEA PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     guest_id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX guest_sessions_by_guest ON guest_sessions(map_id, guest_id);
   ALTER TABLE audit_entries ADD COLUMN participant_kind TEXT;
   ALTER TABLE audit_entries ADD COLUMN participant_id TEXT;
   ALTER TABLE map_versions ADD COLUMN created_by_kind TEXT;
   ALTER TABLE map_versions ADD COLUMN created_by_id TEXT;`,
  // Issue 18, as sqliteMigrations' step for it: users and server-side sessions.
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
   );
   CREATE INDEX users_by_name ON users(name_key);
   CREATE INDEX users_by_email ON users(email_key);
   CREATE TABLE user_sessions (
     id_hash BYTEA PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     idle_expires_at TEXT NOT NULL,
     absolute_expires_at TEXT NOT NULL
   );
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
   );
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
     updated_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (map_id, round_id, voter_id)
   );`,
  // Issue 19: rounds and votes revealed, closed or discarded: no ballot is taken for them
  // any more, on any node (BallotRecords.ts).
  `CREATE TABLE closed_ballot_rounds (
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     round_id TEXT NOT NULL,
     closed_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (map_id, round_id)
   );`,
  // Issue 21: confirmation links, one per request for a stakeholder's confirmation of one
  // engagement-log entry (ConfirmationLinkRecords.ts), with at most one answer (JSON).
  `CREATE TABLE confirmation_links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
     stakeholder_id TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     token_hash BYTEA NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     answer TEXT,
     created_by_role TEXT,
     created_by_name TEXT NOT NULL
   );
   CREATE INDEX confirmation_links_by_map ON confirmation_links(map_id, created_at);`,
  // Issue 21: a map created as an import of a map file awaits that file's evaluation
  // results once ('awaited'); the time it took them replaces it. NULL: not an import.
  `ALTER TABLE maps ADD COLUMN imported_results TEXT;`,
]

/** Key of the advisory lock that keeps nodes starting together from migrating twice. */
const MIGRATION_LOCK_KEY = 7_302_815_114

/**
 * Brings the schema (in the connection's `search_path`) up to date, each pending step in
 * its own transaction under an advisory lock, so several nodes may start at once.
 */
export async function migratePostgres(client: PoolClient): Promise<void> {
  for (;;) {
    await client.query('BEGIN')
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version')
      const current = rows[0]?.version ?? 0
      if (current > postgresMigrations.length) {
        // A newer server wrote this schema; running old code on it could corrupt it.
        throw new Error(
          `database schema version ${current} is newer than this server (${postgresMigrations.length})`,
        )
      }
      const step = postgresMigrations[current]
      if (step === undefined) {
        await client.query('COMMIT')
        return
      }
      await client.query(step)
      if (rows.length === 0) await client.query('INSERT INTO schema_version VALUES (1)')
      else await client.query('UPDATE schema_version SET version = $1', [current + 1])
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    }
  }
}
