import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createFixture, createMap, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())
const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

describe('operations', () => {
  it('serves Prometheus metrics', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    a.doc.getMap('meta').set('k', 'v')
    // The write is counted once it is durable, which is a moment after it is visible.
    let response: Response | undefined
    let text = ''
    await waitFor(async () => {
      response = await fetch(`${test.httpUrl}/metrics`)
      text = await response.text()
      return /^canvas_storage_write_seconds_count [1-9]/m.test(text)
    })
    expect(response?.status).toBe(200)
    expect(response?.headers.get('content-type')).toContain('text/plain')
    expect(await test.server.store.countUpdates(mapId)).toBeGreaterThan(0)
    expect(text).toContain('# TYPE canvas_connections gauge')
    expect(text).toMatch(/^canvas_connections 1$/m)
    expect(text).toMatch(/^canvas_maps_loaded 1$/m)
    expect(text).toMatch(/^canvas_messages_received_total [1-9]\d*$/m)
    expect(text).toMatch(/^canvas_bytes_received_total [1-9]\d*$/m)
    expect(text).toMatch(/^canvas_storage_write_seconds_count [1-9]\d*$/m)
    expect(text).toContain('canvas_storage_write_seconds_bucket{le="+Inf"}')
  })

  it('backs up a running server into a file that holds the map', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    a.doc.getMap('meta').set('backed', 'up')
    await waitFor(async () => (await test.server.store.countUpdates(mapId)) > 0)
    const target = path.join(await fixture.makeDataDir(), 'backup.sqlite')

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/backup.ts', target],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: test.config.dataDir },
      },
    )
    expect(stdout).toContain('backup written')
    // The server keeps working while and after the backup runs.
    a.doc.getMap('meta').set('after', 'backup')
    await waitFor(async () => (await test.server.store.countUpdates(mapId)) > 1)

    const db = new Database(target, { readonly: true })
    try {
      expect(db.prepare('SELECT id FROM maps').all()).toEqual([{ id: mapId }])
      const doc = new Y.Doc()
      const rows = db
        .prepare('SELECT "update" FROM map_updates WHERE map_id = ? ORDER BY id')
        .all(mapId) as { update: Buffer }[]
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update))
      expect(doc.getMap('meta').get('backed')).toBe('up')
    } finally {
      db.close()
    }

    await expect(
      run(process.execPath, ['--import', 'tsx', 'server/backup.ts', target], {
        cwd: root,
        env: { ...process.env, DATA_DIR: test.config.dataDir },
      }),
    ).rejects.toThrow(/exists already/)
  })
})
