/**
 * Databases as a server from before the confidential document wrote them, for the
 * migration tests: the schema of that time (the migration steps it had), a map whose update
 * log and version hold a `contacts` root and an engagement entry marked confidential in
 * `stakeholders` (the old write path), and its share tokens.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import * as Y from 'yjs'
import type { MapTokens } from '../../shared/protocol/accessApi'
import { ROLES } from '../../shared/protocol/roles'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import type { EngagementEntry } from '../../shared/stakeholder/Stakeholder'
import { createAccessToken, hashAccessToken } from '../../server/access/accessTokens'
import { postgresMigrations } from '../../server/storage/postgresMigrations'
import { sqliteMigrations } from '../../server/storage/sqliteMigrations'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'

/** The schema steps the server had before issue 15. */
const OLD_SQLITE_STEPS = 2
const OLD_POSTGRES_STEPS = 1

/** What the old server stored for one map. */
export interface OldMap {
  mapId: string
  tokens: MapTokens
  /** The update log, oldest first. */
  updates: Uint8Array[]
  /** One automatic version: the whole state. */
  version: Uint8Array
}

/**
 * A map written the old way: a stakeholder with a contact (`email`) in the `contacts` root,
 * edited once (so the log has two rows), and a confidential log entry (`phrase`).
 */
export function oldMap(mapId: string, email: string, phrase: string): OldMap {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const {
    contacts: _none,
    engagement,
    ...record
  } = createStakeholder(
    { id: 'union', name: 'Farmers union', power: 4 },
    { now: '2025-06-01T10:00:00.000Z' },
  )
  const entry: EngagementEntry = {
    id: 'log-secret',
    date: '2025-05-30',
    step: 'identify-assess',
    method: 'Meeting',
    informationShared: '',
    inputReceived: phrase,
    howInputWasUsed: '',
    followUp: '',
    barriers: '',
    barrierMeasures: '',
    confidentiality: 'confidential',
  }
  const contact = {
    id: 'c-1',
    name: 'Kofi Boateng',
    role: 'Chair',
    organisation: 'Union',
    email,
    phone: '',
    notes: '',
  }
  doc.transact(() => {
    const fields = new Y.Map<unknown>()
    doc.getMap('stakeholders').set('union', fields)
    for (const [key, value] of Object.entries(record)) fields.set(key, value)
    fields.set('engagementStatus', engagement.status)
    fields.set('engagementLevel', engagement.intendedLevel)
    fields.set('impacts', new Y.Map())
    fields.set('engagementLog', new Y.Map([['log-secret', entry]]))
    doc.getMap('contacts').set('union', new Y.Map([['c-1', contact]]))
  })
  doc.transact(() => {
    const contacts = doc.getMap<Y.Map<unknown>>('contacts').get('union')!
    contacts.set('c-1', { ...contact, notes: `Wrote from ${email}` })
  })
  const tokens = Object.fromEntries(ROLES.map((role) => [role, createAccessToken()])) as MapTokens
  return { mapId, tokens, updates, version: Y.encodeStateAsUpdate(doc) }
}

const NOW = '2025-06-01T10:00:00.000Z'

/** Writes `map` into a SQLite database of the old schema in `dataDir`. */
export function writeOldSqlite(dataDir: string, map: OldMap): void {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME))
  try {
    db.pragma('journal_mode = WAL')
    for (const step of sqliteMigrations.slice(0, OLD_SQLITE_STEPS)) db.exec(step)
    db.pragma(`user_version = ${OLD_SQLITE_STEPS}`)
    db.prepare(
      `INSERT INTO maps (id, title, template, created_at, updated_at) VALUES (?, 'Old map', 'blank', ?, ?)`,
    ).run(map.mapId, NOW, NOW)
    for (const role of ROLES) {
      db.prepare(
        'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES (?, ?, ?, ?)',
      ).run(hashAccessToken(map.tokens[role]), map.mapId, role, NOW)
    }
    for (const update of map.updates) {
      db.prepare('INSERT INTO map_updates (map_id, "update", created_at) VALUES (?, ?, ?)').run(
        map.mapId,
        update,
        NOW,
      )
    }
    db.prepare(
      `INSERT INTO map_versions (map_id, name, kind, created_at, created_by_name,
         created_by_role, state, stakeholder_count) VALUES (?, 'Automatic', 'auto', ?, 'Server', NULL, ?, 1)`,
    ).run(map.mapId, NOW, map.version)
  } finally {
    db.close()
  }
}

/** Writes `map` into the PostgreSQL schema that `url` points to, in the old schema. */
export async function writeOldPostgres(url: string, map: OldMap): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const step of postgresMigrations.slice(0, OLD_POSTGRES_STEPS)) await client.query(step)
    await client.query('CREATE TABLE schema_version (version INTEGER NOT NULL)')
    await client.query('INSERT INTO schema_version VALUES ($1)', [OLD_POSTGRES_STEPS])
    await client.query(
      `INSERT INTO maps (id, title, template, created_at, updated_at) VALUES ($1, 'Old map', 'blank', $2, $2)`,
      [map.mapId, NOW],
    )
    for (const role of ROLES) {
      await client.query(
        'INSERT INTO map_tokens (token_hash, map_id, role, created_at) VALUES ($1, $2, $3, $4)',
        [Buffer.from(hashAccessToken(map.tokens[role])), map.mapId, role, NOW],
      )
    }
    for (const update of map.updates) {
      await client.query(
        'INSERT INTO map_updates (map_id, "update", created_at) VALUES ($1, $2, $3)',
        [map.mapId, Buffer.from(update), NOW],
      )
    }
    await client.query(
      `INSERT INTO map_versions (map_id, name, kind, created_at, created_by_name,
         created_by_role, state, stakeholder_count)
         VALUES ($1, 'Automatic', 'auto', $2, 'Server', NULL, $3, 1)`,
      [map.mapId, NOW, Buffer.from(map.version)],
    )
  } finally {
    await client.end()
  }
}
