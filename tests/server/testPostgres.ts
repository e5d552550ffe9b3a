/**
 * A private PostgreSQL schema per test run on the machine's server (TEST_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/test), so runs never collide. Unreachable:
 * fails under CI (`CI` set), elsewhere the caller skips with a visible notice.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'

/** Base URL of the test database server. */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A fresh schema and the URL that puts connections into it. */
export interface TestSchema {
  name: string
  /** `TEST_DATABASE_URL` with `search_path` set to the schema (for DATABASE_URL). */
  url: string
  /** Runs SQL as an administrator on the same database. */
  admin(sql: string): Promise<pg.QueryResult>
  /**
   * Ends every server connection opened through {@link TestSchema.url} (the
   * `pg_terminate_backend` of a database failure), and only those: test files running at
   * the same time keep theirs. Answers how many it ended.
   */
  terminateConnections(): Promise<number>
  /** Drops the schema with everything in it. */
  drop(): Promise<void>
}

/**
 * Creates `sc_test_<random>`; answers null (after a warning) when PostgreSQL is
 * unreachable outside CI, and throws under CI.
 */
export async function createTestSchema(): Promise<TestSchema | null> {
  const name = `sc_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 })
  // Our own connections may be cut by a test; that must not crash the run.
  admin.on('error', () => undefined)
  try {
    await admin.query(`CREATE SCHEMA ${name}`)
  } catch (error) {
    await admin.end().catch(() => undefined)
    return unreachable('PostgreSQL', TEST_DATABASE_URL, error)
  }
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('options', `-c search_path=${name}`)
  // Tags the connections, so that cutting them spares other test runs on the database.
  url.searchParams.set('application_name', name)
  return {
    name,
    url: url.toString(),
    admin: (sql) => admin.query(sql),
    async terminateConnections() {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database()
           AND pid <> pg_backend_pid() AND application_name = $1`,
        [name],
      )
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        rows.map((row) => row.pid),
      ])
      return rows.length
    },
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).catch(() => undefined)
      await admin.end()
    },
  }
}

/** Fresh schemas for the tests of one file, all dropped once the file's tests are done. */
export interface FileSchemas {
  /** A new schema; throws when PostgreSQL no longer answers. */
  fresh(): Promise<TestSchema>
}

/**
 * Probes PostgreSQL once for the calling test file and answers null when it is unreachable
 * (after the warning; under CI it throws). One probe decides for the whole file, so its
 * PostgreSQL tests are either all registered or all skipped with one notice.
 */
export async function schemasForThisFile(): Promise<FileSchemas | null> {
  const probe = await createTestSchema()
  if (probe === null) return null
  await probe.drop()
  const schemas: TestSchema[] = []
  afterAll(async () => {
    for (const schema of schemas.splice(0)) await schema.drop()
  })
  return {
    async fresh() {
      const schema = await createTestSchema()
      if (schema === null) throw new Error('PostgreSQL went away')
      schemas.push(schema)
      return schema
    },
  }
}

/** Throws under CI, else warns that the tests needing `service` are skipped; answers null. */
export function unreachable(service: string, where: string, error: unknown): null {
  const reason = error instanceof Error ? error.message : String(error)
  const message = `${service} is unreachable at ${where}: ${reason}`
  if (process.env['CI']) {
    throw new Error(`${message}. CI is set, so the ${service} tests fail instead of skipping.`)
  }
  console.warn(`\n⚠ SKIPPING ${service} tests: ${message}\n`)
  return null
}
