/**
 * Runs one storage contract (describeBallotRecords.ts, describeGuestLinkRecords.ts, ...) on
 * every engine a map store has: SQLite in a fresh directory per test, and PostgreSQL in a
 * fresh schema per test when it answers (testPostgres.ts: skipped with a notice elsewhere,
 * failing under CI). A contract test file is then one call.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PostgresMapStore } from '../../../server/storage/PostgresMapStore'
import { SqliteMapStore } from '../../../server/storage/SqliteMapStore'
import { schemasForThisFile } from '../testPostgres'
import type { StoreHarness } from './describeMapStore'

/** A contract's registration: its tests for the engine `name`, on the stores `open` makes. */
export type StoreContract = (name: string, open: () => Promise<StoreHarness>) => void

/** Registers `contract` on SQLite (directories named `dirPrefix`…) and on PostgreSQL. */
export async function describeOnEveryEngine(
  contract: StoreContract,
  dirPrefix: string,
): Promise<void> {
  contract('SQLite', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), dirPrefix))
    return {
      store: new SqliteMapStore(dir),
      reopen: async () => new SqliteMapStore(dir),
      cleanup: () => fs.rm(dir, { recursive: true, force: true }),
    }
  })

  const schemas = await schemasForThisFile()
  if (schemas === null) return
  contract('PostgreSQL', async () => {
    const schema = await schemas.fresh()
    const open = () => new PostgresMapStore({ connectionString: schema.url, poolSize: 4 })
    return { store: open(), reopen: async () => open(), cleanup: async () => {} }
  })
}
