/**
 * Maps stored before the confidential document existed are migrated when they are loaded:
 * the database is written as the old server wrote it (old schema, a `contacts` root and a
 * confidential entry in the map document's log and version), then the current server opens
 * it. Before any peer is sent the map document, its stored rows and its versions hold
 * neither the contact's e-mail nor the confidential phrase (read from the raw database),
 * the confidential document holds both, owners still see them, viewers never do; running it
 * again changes nothing; on PostgreSQL two nodes loading the map at once move it once.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  confidentialLogMap,
  contactsMap,
  readStakeholder,
} from '../../shared/document/stakeholderDocument'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'
import { type OldMap, oldMap, writeOldPostgres, writeOldSqlite } from './oldLayoutDatabase'
import { createTestSchema } from './testPostgres'
import type { TestSchema } from './testPostgres'
import { apiFetch, createFixture, waitFor, waitForSync } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const probe = await createTestSchema()
await probe?.drop()
const schemas: TestSchema[] = []
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop()
})

const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`
const EMAIL = `old-layout-${unique}@example.org`
const PHRASE = `told us in confidence ${unique}`
const MAP_ID = 'OldLayoutMap0001'

/** The rows of the map as the database holds them. */
interface StoredRows {
  map: Buffer[]
  confidential: Buffer[]
  versionStates: Buffer[]
  versionSecrets: (Buffer | null)[]
}

/** A database of the old layout, the environment that opens it and a raw view of it. */
interface OldDatabase {
  env: Record<string, string>
  rows(): Promise<StoredRows>
}

const holds = (bytes: Buffer | null, needle: string) => bytes?.includes(needle) === true
const holdsSecret = (bytes: Buffer | null) => holds(bytes, EMAIL) || holds(bytes, PHRASE)

async function oldSqlite(map: OldMap): Promise<OldDatabase & { dataDir: string }> {
  const dataDir = await fixture.makeDataDir()
  writeOldSqlite(dataDir, map)
  const query = <T>(sql: string): T[] => {
    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true })
    try {
      return db.prepare(sql).all(map.mapId) as T[]
    } finally {
      db.close()
    }
  }
  return {
    dataDir,
    env: { DATA_DIR: dataDir },
    async rows() {
      return storedRows(
        query('SELECT * FROM map_updates WHERE map_id = ? ORDER BY id'),
        query('SELECT * FROM map_versions WHERE map_id = ? ORDER BY id'),
      )
    },
  }
}

async function oldPostgres(map: OldMap): Promise<OldDatabase> {
  const schema = await createTestSchema()
  if (schema === null) throw new Error('PostgreSQL went away')
  schemas.push(schema)
  await writeOldPostgres(schema.url, map)
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: schema.url })
    await client.connect()
    try {
      return (await client.query<T>(sql, [map.mapId])).rows
    } finally {
      await client.end()
    }
  }
  return {
    env: { DATABASE_URL: schema.url },
    async rows() {
      return storedRows(
        await query('SELECT * FROM map_updates WHERE map_id = $1 ORDER BY id'),
        await query('SELECT * FROM map_versions WHERE map_id = $1 ORDER BY id'),
      )
    },
  }
}

function storedRows(
  updates: { doc?: string; update: Buffer }[],
  versions: { state: Buffer; confidential_state?: Buffer | null }[],
): StoredRows {
  return {
    map: updates.filter((row) => (row.doc ?? 'map') === 'map').map((row) => row.update),
    confidential: updates.filter((row) => row.doc === 'confidential').map((row) => row.update),
    versionStates: versions.map((row) => row.state),
    versionSecrets: versions.map((row) => row.confidential_state ?? null),
  }
}

/** Frames a viewer's published client receives, recorded from the first byte. */
function recordingWebSocket(frames: Buffer[]): typeof globalThis.WebSocket {
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      this.on('message', (data: ArrayBuffer) => frames.push(Buffer.from(data)))
    }
  }
  return Recording as unknown as typeof globalThis.WebSocket
}

async function serverOn(database: OldDatabase, map: OldMap): Promise<TestServer> {
  const test = await fixture.startServer(database.env)
  test.tokens.set(map.mapId, map.tokens)
  return test
}

/** What the migrated map must look like to a viewer and to an owner, and in the database. */
async function expectMigrated(test: TestServer, database: OldDatabase): Promise<void> {
  const frames: Buffer[] = []
  const viewer = fixture.connectClient(test, MAP_ID, undefined, {
    role: 'viewer',
    WebSocketPolyfill: recordingWebSocket(frames),
  })
  await waitForSync(viewer)
  expect(readStakeholder(viewer.doc, 'union')?.ok).toBe(true)
  expect(frames.length).toBeGreaterThan(0)
  expect(frames.some(holdsSecret)).toBe(false)
  expect(viewer.doc.getMap('contacts').size).toBe(0)

  const owner = fixture.connectClient(test, MAP_ID, undefined, {
    role: 'owner',
    document: 'confidential',
  })
  await waitForSync(owner)
  expect(contactsMap(owner.doc).get('union')?.get('c-1')?.email).toBe(EMAIL)
  expect(confidentialLogMap(owner.doc).get('union')?.get('log-secret')?.inputReceived).toBe(PHRASE)

  const rows = await database.rows()
  expect(rows.map.length).toBeGreaterThan(0)
  expect(rows.map.some(holdsSecret)).toBe(false)
  expect(rows.versionStates.some(holdsSecret)).toBe(false)
  expect(rows.confidential.some((row) => holds(row, EMAIL))).toBe(true)
  expect(rows.versionSecrets.every((row) => holds(row, EMAIL) && holds(row, PHRASE))).toBe(true)
  const listed = await apiFetch(test, MAP_ID, 'viewer', `/api/maps/${MAP_ID}/versions`)
  for (const version of (await listed.json()) as { id: number }[]) {
    const opened = await apiFetch(
      test,
      MAP_ID,
      'viewer',
      `/api/maps/${MAP_ID}/versions/${version.id}`,
    )
    expect(holdsSecret(Buffer.from(await opened.arrayBuffer()))).toBe(false)
  }
  fixture.disconnectClient(viewer)
  fixture.disconnectClient(owner)
  await waitFor(() => test.server.rooms.size === 0, 5000, 'rooms not unloaded')
}

/** Every occurrence of `needle` in the files of `dir`. */
async function occurrencesInFiles(dir: string, needle: string): Promise<number> {
  let count = 0
  for (const file of await fs.readdir(dir)) {
    const bytes = await fs.readFile(path.join(dir, file)).catch(() => Buffer.alloc(0))
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count++
  }
  return count
}

function occurrencesInRows(rows: StoredRows, needle: string): number {
  const all = [...rows.map, ...rows.confidential, ...rows.versionStates, ...rows.versionSecrets]
  let count = 0
  for (const bytes of all) {
    if (bytes === null) continue
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count++
  }
  return count
}

describe('maps stored before the confidential document', () => {
  it('SQLite: are split on load, and the old bytes leave the file', async () => {
    const map = oldMap(MAP_ID, EMAIL, PHRASE)
    const database = await oldSqlite(map)
    const before = await database.rows()
    expect(before.map.some(holdsSecret)).toBe(true)
    expect(before.versionStates.some(holdsSecret)).toBe(true)

    const test = await serverOn(database, map)
    await expectMigrated(test, database)
    const after = await database.rows()
    // No stale copy anywhere in the files (free pages, WAL): only the live confidential rows.
    expect(await occurrencesInFiles(database.dataDir, EMAIL)).toBe(occurrencesInRows(after, EMAIL))

    // Again, after a restart: nothing moves, nothing is rewritten.
    await fixture.stopServer(test)
    const again = await serverOn(database, map)
    await expectMigrated(again, database)
    expect(await database.rows()).toEqual(after)
  })

  it.skipIf(probe === null)(
    'PostgreSQL: are split once when two nodes load them at once',
    async () => {
      const map = oldMap(MAP_ID, EMAIL, PHRASE)
      const database = await oldPostgres(map)
      expect((await database.rows()).map.some(holdsSecret)).toBe(true)
      const nodes = await Promise.all([serverOn(database, map), serverOn(database, map)])
      // Both load the map at the same moment: one moves the content, the other finds it moved.
      const owners = nodes.map((node) =>
        fixture.connectClient(node, MAP_ID, undefined, { role: 'owner' }),
      )
      await Promise.all(owners.map((owner) => waitForSync(owner)))
      for (const owner of owners) fixture.disconnectClient(owner)
      const rows = await database.rows()
      expect(rows.confidential).toHaveLength(1)
      expect(rows.map).toHaveLength(1)
      for (const node of nodes) await expectMigrated(node, database)
      const after = await database.rows()
      await fixture.stopServer(nodes[0]!)
      const again = await serverOn(database, map)
      await expectMigrated(again, database)
      expect(await database.rows()).toEqual(after)
    },
  )
})

describe('a map document that holds contacts again', () => {
  it('is migrated anew on load (content a client of an earlier version wrote since)', async () => {
    const map = oldMap(MAP_ID, EMAIL, PHRASE)
    const database = await oldSqlite(map)
    const test = await serverOn(database, map)
    await expectMigrated(test, database)
    // An old server (or a store written behind the server's back) adds a contact again.
    const doc = new Y.Doc()
    for (const update of (await database.rows()).map) Y.applyUpdate(doc, new Uint8Array(update))
    const before = Y.encodeStateVector(doc)
    const again = 'again-' + EMAIL
    doc.getMap('contacts').set('union', new Y.Map([['c-2', { id: 'c-2', email: again }]]))
    await test.server.store.appendUpdates(MAP_ID, [Y.encodeStateAsUpdate(doc, before)])
    const viewer = fixture.connectClient(test, MAP_ID, undefined, { role: 'viewer' })
    await waitForSync(viewer)
    expect(Buffer.from(Y.encodeStateAsUpdate(viewer.doc)).includes(again)).toBe(false)
    const rows = await database.rows()
    expect(rows.map.some((row) => holds(row, again))).toBe(false)
    expect(rows.confidential.some((row) => holds(row, again))).toBe(true)
  })
})
