/**
 * Maps nobody opened since the library came (issue 18) are counted and found by their
 * stakeholders' names, on SQLite and PostgreSQL: a database as a server from before wrote
 * it (oldLayoutDatabase.ts: a map with the stakeholder "Farmers union") is opened in
 * organisation mode, and the library lists the map with 1 stakeholder and finds it by that
 * name, without anyone opening the map. A summary a room stored is never overwritten by one
 * computed from the log.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { LibraryResponse } from '../../../shared/protocol/libraryApi'
import { oldMap, writeOldPostgres, writeOldSqlite } from '../oldLayoutDatabase'
import { createTestSchema, type TestSchema } from '../testPostgres'
import { createFixture, type TestServer } from '../testServer'
import { ORGANISATION_ENV, signInDirectly } from './signedInUsers'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const probe = await createTestSchema()
await probe?.drop()
const schemas: TestSchema[] = []
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop()
})

const MAP_ID = 'OldLibraryMap001'

/** The settings that open a database of the old layout holding `map`, per engine. */
const OLD_DATABASES = [
  {
    name: 'SQLite',
    async env(): Promise<Record<string, string>> {
      const dataDir = await fixture.makeDataDir()
      writeOldSqlite(dataDir, oldMap(MAP_ID, 'old@example.org', 'a phrase'))
      return { DATA_DIR: dataDir }
    },
  },
  ...(probe === null
    ? []
    : [
        {
          name: 'PostgreSQL',
          async env(): Promise<Record<string, string>> {
            const schema = await createTestSchema()
            if (schema === null) throw new Error('PostgreSQL went away')
            schemas.push(schema)
            await writeOldPostgres(schema.url, oldMap(MAP_ID, 'old@example.org', 'a phrase'))
            return { DATABASE_URL: schema.url }
          },
        },
      ]),
]

/** The library as an organisation admin (who sees every map, also those without members). */
async function libraryOf(test: TestServer, cookie: string, q = ''): Promise<LibraryResponse> {
  const response = await fetch(`${test.httpUrl}/api/library?q=${encodeURIComponent(q)}`, {
    headers: { cookie },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as LibraryResponse
}

describe.each(OLD_DATABASES)('library counts of old maps on $name', (database) => {
  it('counts and finds a map nobody opened since the library came', async () => {
    const test = await fixture.startServer({ ...(await database.env()), ...ORGANISATION_ENV })
    const admin = await signInDirectly(test.server.store, 'root', 'Ada Admin', ['canvas-admins'])
    expect((await libraryOf(test, admin.cookie)).maps).toMatchObject([
      { id: MAP_ID, title: 'Old map', stakeholderCount: 1 },
    ])
    expect((await libraryOf(test, admin.cookie, 'farmers')).maps.map((m) => m.id)).toEqual([MAP_ID])
    // No room was loaded for it.
    expect(test.server.rooms.mapIds()).toEqual([])
    // Once summarised it is not listed as unsummarised again.
    expect(await test.server.store.library.listUnsummarisedMaps(10)).toEqual([])
  })

  it('never overwrites a summary a room stored with one computed from the log', async () => {
    const test = await fixture.startServer({ ...(await database.env()), ...ORGANISATION_ENV })
    const { library } = test.server.store
    const names = ['Farmers union', 'Water board']
    await library.recordSummary(MAP_ID, { stakeholderNames: names, updatedBy: 'Ann Smit' })
    expect(await library.recordMissingSummary(MAP_ID, ['Farmers union'])).toBe(false)
    const admin = await signInDirectly(test.server.store, 'root', 'Ada Admin', ['canvas-admins'])
    expect((await libraryOf(test, admin.cookie)).maps).toMatchObject([
      { id: MAP_ID, stakeholderCount: 2, updatedBy: 'Ann Smit' },
    ])
  })
})
