/**
 * What one append costs our SQLite store on its own, and which part of it is bookkeeping:
 * `npx tsx bench/probes/measureSqliteAppend.ts [directory]` (default: a temporary directory
 * under .tmp; pass /dev/shm to take the fsync out). Each transaction appends one 300-byte
 * update to one of 100 maps, with the store's pragmas and schema, as `SqliteMapStore` does:
 * "full" also reads the map's last id and touches the map's `updated_at`.
 */
import Database from 'better-sqlite3'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { migrateSqlite } from '../../server/storage/sqliteMigrations'

const parent = process.argv[2] ?? path.resolve('.tmp/probes')
mkdirSync(parent, { recursive: true })
const dir = mkdtempSync(path.join(parent, 'sqlite-append-'))
const db = new Database(path.join(dir, 'probe.sqlite'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('foreign_keys = ON')
db.pragma('secure_delete = ON')
migrateSqlite(db)

const MAPS = 100
const APPENDS = 2000
const now = () => new Date().toISOString()
const insertMap = db.prepare('INSERT INTO maps VALUES (?, ?, ?, ?, ?)')
for (let i = 0; i < MAPS; i++) insertMap.run(`map-${i}`, 'probe', 'blank', now(), now())
const insertUpdate = db.prepare(
  'INSERT INTO map_updates (map_id, "update", created_at) VALUES (?, ?, ?)',
)
const lastId = db.prepare('SELECT max(id) AS id FROM map_updates WHERE map_id = ?')
const touchMap = db.prepare('UPDATE maps SET updated_at = ? WHERE id = ?')
const update = new Uint8Array(300).fill(7)

function measure(label: string, readLastId: boolean, touch: boolean): void {
  const times: number[] = []
  for (let i = 0; i < APPENDS; i++) {
    const mapId = `map-${i % MAPS}`
    const started = performance.now()
    const stamp = now()
    db.transaction(() => {
      if (readLastId) lastId.get(mapId)
      insertUpdate.run(mapId, update, stamp)
      if (touch) touchMap.run(stamp, mapId)
    })()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(3)
  console.log(`${label.padEnd(12)} p50 ${at(0.5)} ms  p90 ${at(0.9)} ms  (${APPENDS} commits)`)
}

console.log(`SQLite append probe in ${dir}`)
for (let round = 0; round < 2; round++) {
  measure('full', true, true)
  measure('insert only', false, false)
}
db.close()
rmSync(dir, { recursive: true, force: true })
