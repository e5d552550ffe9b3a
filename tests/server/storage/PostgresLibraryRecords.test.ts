import { afterAll, describe } from 'vitest'
import { PostgresMapStore } from '../../../server/storage/PostgresMapStore'
import { createTestSchema, type TestSchema } from '../testPostgres'
import { describeLibraryRecords } from './describeLibraryRecords'

// One probe decides for the whole file: fail under CI, skip with a notice elsewhere.
const probe = await createTestSchema()
await probe?.drop()

const schemas: TestSchema[] = []
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop()
})

const open = (schema: TestSchema) =>
  new PostgresMapStore({ connectionString: schema.url, poolSize: 4 })

describe.skipIf(probe === null)('PostgreSQL', () => {
  describeLibraryRecords('PostgreSQL', async () => {
    const schema = await createTestSchema()
    if (schema === null) throw new Error('PostgreSQL went away')
    schemas.push(schema)
    return { store: open(schema), reopen: async () => open(schema), cleanup: async () => {} }
  })
})
