import { afterAll, describe, expect, it } from 'vitest'
import { PostgresMapStore } from '../../../server/storage/PostgresMapStore'
import { postgresMigrations } from '../../../server/storage/postgresMigrations'
import { createTestSchema } from '../testPostgres'
import type { TestSchema } from '../testPostgres'
import { describeMapStore } from './describeMapStore'

// One probe decides for the whole file: fail under CI, skip with a notice elsewhere.
const probe = await createTestSchema()
await probe?.drop()

const schemas: TestSchema[] = []
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop()
})

async function freshSchema(): Promise<TestSchema> {
  const schema = await createTestSchema()
  if (schema === null) throw new Error('PostgreSQL went away')
  schemas.push(schema)
  return schema
}

const open = (schema: TestSchema) =>
  new PostgresMapStore({ connectionString: schema.url, poolSize: 4 })

describe.skipIf(probe === null)('PostgreSQL', () => {
  describeMapStore('PostgreSQL', async () => {
    const schema = await freshSchema()
    return { store: open(schema), reopen: async () => open(schema), cleanup: async () => {} }
  })

  it('migrates once when several nodes start together', async () => {
    const schema = await freshSchema()
    const stores = Array.from({ length: 3 }, () => open(schema))
    const maps = await Promise.all(stores.map((store) => store.getMap('x')))
    expect(maps).toEqual([null, null, null])
    const versions = await schema.admin(`SELECT version FROM ${schema.name}.schema_version`)
    expect(versions.rows).toEqual([{ version: postgresMigrations.length }])
    await Promise.all(stores.map((store) => store.close()))
  })

  it('recovers when the server ends every connection', async () => {
    const schema = await freshSchema()
    const store = open(schema)
    await store.createMap({ id: 'm', title: 't', template: 'blank' })
    await Promise.all([store.getMap('m'), store.getMap('m'), store.getMap('m')])
    expect(await schema.terminateConnections()).toBeGreaterThan(0)
    // A call may still meet a dying connection (it rejects, the caller retries); soon the
    // pool has fresh ones and nothing is lost.
    let map = null
    for (let attempt = 0; attempt < 20 && map === null; attempt++) {
      map = await store.getMap('m').catch(() => null)
      if (map === null) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(map?.id).toBe('m')
    await store.close()
  })
})
