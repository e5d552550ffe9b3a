/**
 * `npm run backup -- <target-file>`: copies the database in `DATA_DIR` to `target-file`
 * with SQLite's online backup, which is consistent even while the server is writing.
 * Restore: stop the server, copy the file over `DATA_DIR/stakeholder-canvas.sqlite`,
 * delete the `-wal` and `-shm` files beside it, start the server (see docs/sync.md).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ConfigError, loadConfig } from './config'
import { SQLITE_FILE_NAME } from './storage/SqliteMapStore'

async function backup(): Promise<void> {
  const target = process.argv[2]
  if (target === undefined || target.startsWith('-')) {
    console.error('Usage: npm run backup -- <target-file>')
    process.exit(2)
  }
  let dataDir: string
  try {
    const config = loadConfig(process.env)
    if (config.databaseUrl !== null) {
      console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump (docs/scale-out.md)')
      process.exit(2)
    }
    dataDir = config.dataDir
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`Invalid configuration: ${error.message}`)
    process.exit(1)
  }
  const source = path.join(dataDir, SQLITE_FILE_NAME)
  if (!fs.existsSync(source)) {
    console.error(`No database at ${source} (is DATA_DIR right?)`)
    process.exit(1)
  }
  const resolved = path.resolve(target)
  if (fs.existsSync(resolved)) {
    console.error(`${resolved} exists already; choose a new file name`)
    process.exit(1)
  }
  const db = new Database(source, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    const started = Date.now()
    const { totalPages } = await db.backup(resolved)
    console.log(
      JSON.stringify({
        msg: 'backup written',
        target: resolved,
        pages: totalPages,
        ms: Date.now() - started,
      }),
    )
  } finally {
    db.close()
  }
}

await backup()
