import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SQLITE_FILE_NAME, SqliteMapStore } from '../../../server/storage/SqliteMapStore'
import { sqliteMigrations } from '../../../server/storage/sqliteMigrations'
import { describeMapStore } from './describeMapStore'

describeMapStore('SQLite', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-store-'))
  return {
    store: new SqliteMapStore(dir),
    reopen: async () => new SqliteMapStore(dir),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  }
})

describe('SQLite audit rows from before values were kept', () => {
  it('lists them as "values not recorded then" (null) and starts new rows beside them', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-old-audit-'))
    try {
      // A database as the server of issue 15 left it: three schema steps, one audit row.
      const db = new Database(path.join(dir, SQLITE_FILE_NAME))
      for (const step of sqliteMigrations.slice(0, 3)) db.exec(step)
      db.pragma('user_version = 3')
      const at = new Date().toISOString()
      db.prepare(
        `INSERT INTO maps (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      ).run('old', 'Old map', 'blank', at, at)
      db.prepare(
        `INSERT INTO audit_entries (map_id, stakeholder_id, participant_name, participant_role,
           fields, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run('old', 's1', 'Ann', 'editor', '["legitimacy","updatedAt"]', at, at)
      db.close()

      const store = new SqliteMapStore(dir)
      const ann = { name: 'Ann', role: 'editor' as const }
      const changes = [{ field: 'power', kind: 'value' as const, from: 1, to: 2 }]
      await store.recordAudit(
        [{ mapId: 'old', stakeholderId: 's1', participant: ann, fields: ['power'], changes, at }],
        5 * 60_000,
      )
      const rows = await store.listAudit('old')
      expect(rows.map((row) => [row.fields, row.changes])).toEqual([
        [['power'], changes],
        [['legitimacy', 'updatedAt'], null],
      ])
      expect(rows[1]?.kind).toBe('change')
      await store.close()
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})
