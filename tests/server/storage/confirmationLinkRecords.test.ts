import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { PostgresMapStore } from '../../../server/storage/PostgresMapStore'
import { SqliteMapStore } from '../../../server/storage/SqliteMapStore'
import { createTestSchema, type TestSchema } from '../testPostgres'
import { describeConfirmationLinkRecords } from './describeConfirmationLinkRecords'

describeConfirmationLinkRecords('SQLite', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-confirmations-'))
  return {
    store: new SqliteMapStore(dir),
    reopen: async () => new SqliteMapStore(dir),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  }
})

// One probe decides for the whole file: fail under CI, skip with a notice elsewhere.
const probe = await createTestSchema()
await probe?.drop()
const schemas: TestSchema[] = []
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop()
})

if (probe !== null) {
  describeConfirmationLinkRecords('PostgreSQL', async () => {
    const schema = await createTestSchema()
    if (schema === null) throw new Error('PostgreSQL went away')
    schemas.push(schema)
    const open = () => new PostgresMapStore({ connectionString: schema.url, poolSize: 4 })
    return { store: open(), reopen: async () => open(), cleanup: async () => {} }
  })
}
