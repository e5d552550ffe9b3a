/**
 * The storage engines a server test runs on: SQLite always, PostgreSQL when the machine's
 * server answers (a fresh schema per server, dropped after the file). One probe decides
 * for the whole file: under CI an unreachable PostgreSQL fails (testPostgres.ts), elsewhere
 * it is skipped with a notice. Use with `describe.each(await storageBackends())`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { schemasForThisFile } from './testPostgres'

/** One engine: its name and the server settings that select it. */
export interface StorageBackend {
  name: string
  env(): Promise<Record<string, string>>
}

/** SQLite, and PostgreSQL when it answers; call once at the top of a test file. */
export async function storageBackends(): Promise<StorageBackend[]> {
  const sqlite: StorageBackend = { name: 'SQLite', env: async () => ({}) }
  const schemas = await schemasForThisFile()
  if (schemas === null) return [sqlite]
  const postgres: StorageBackend = {
    name: 'PostgreSQL',
    env: async () => ({ DATABASE_URL: (await schemas.fresh()).url }),
  }
  return [sqlite, postgres]
}

/**
 * Whether anything the server stored holds `needle`: every file of its data directory
 * (SQLite, its WAL) read as bytes, or every row of every table of its PostgreSQL schema
 * read as text (byte columns as hex, so an update's bytes are searched too).
 */
export async function storageContains(
  config: { dataDir: string; databaseUrl: string | null },
  needle: string,
): Promise<boolean> {
  if (config.databaseUrl === null) {
    for (const entry of await fs.readdir(config.dataDir, { recursive: true })) {
      const file = path.join(config.dataDir, entry)
      if (!(await fs.stat(file)).isFile()) continue
      if ((await fs.readFile(file)).includes(needle)) return true
    }
    return false
  }
  const client = new pg.Client({ connectionString: config.databaseUrl })
  await client.connect()
  try {
    const hex = Buffer.from(needle).toString('hex')
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    )
    for (const { name } of tables.rows) {
      const found = await client.query(
        `SELECT 1 FROM "${name}" AS t WHERE t::text LIKE $1 OR t::text LIKE $2 LIMIT 1`,
        [`%${needle}%`, `%${hex}%`],
      )
      if (found.rowCount !== 0) return true
    }
    return false
  } finally {
    await client.end()
  }
}
