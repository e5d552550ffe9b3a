import path from 'node:path'
import Database from 'better-sqlite3'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LoadedRooms } from '../../server/rooms/LoadedRooms'
import { SQLITE_FILE_NAME, SqliteMapStore } from '../../server/storage/SqliteMapStore'
import type { RoomPeer } from '../../server/rooms/RoomPeer'
import { readMessage, writeMessage } from '../../server/transport/wireFormat'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createFixture, createMap, fakePeer, waitFor, waitForSync, withAppend } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** Rebuilds the map's document from a fresh read of the SQLite file, bypassing the server. */
function readDocFromDisk(dataDir: string, mapId: string): Y.Doc {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true })
  try {
    const rows = db
      .prepare('SELECT "update" FROM map_updates WHERE map_id = ? ORDER BY id')
      .all(mapId) as { update: Buffer }[]
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update))
    return doc
  } finally {
    db.close()
  }
}

async function rowCount(test: TestServer, mapId: string): Promise<number> {
  return test.server.store.countUpdates(mapId)
}

describe('rooms', () => {
  it('stores every update before another client receives it', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])

    const seenOnDisk: boolean[] = []
    b.doc.getMap('meta').observe((event) => {
      for (const key of event.keysChanged) {
        seenOnDisk.push(readDocFromDisk(test.config.dataDir, mapId).getMap('meta').has(key))
      }
    })
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('meta').set(`k${i}`, i)
      if (i % 3 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await waitFor(() => b.doc.getMap('meta').size === 20)
    expect(seenOnDisk).toHaveLength(20)
    expect(seenOnDisk.every(Boolean)).toBe(true)
  })

  it('writes the updates of one event-loop turn in one transaction', async () => {
    const dataDir = await fixture.makeDataDir()
    const sqlite = new SqliteMapStore(dataDir)
    const batchSizes: number[] = []
    const counting = withAppend(sqlite, (mapId, updates) => {
      batchSizes.push(updates.length)
      return sqlite.appendUpdates(mapId, updates)
    })
    const test = await fixture.startServer({ DATA_DIR: dataDir }, { store: counting })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    batchSizes.length = 0
    // Ten transactions, ten frames: they reach the server together and share one commit.
    for (let i = 0; i < 10; i++) a.doc.getMap('meta').set(`k${i}`, i)
    await waitFor(() => readDocFromDisk(dataDir, mapId).getMap('meta').size === 10)
    expect(batchSizes.reduce((sum, size) => sum + size, 0)).toBe(10)
    expect(batchSizes.length).toBeLessThan(10)
  })

  it("sends each writer of a shared commit the other writers' edits, and a reader all of them", async () => {
    const dataDir = await fixture.makeDataDir()
    const sqlite = new SqliteMapStore(dataDir)
    const batchSizes: number[] = []
    const counting = withAppend(sqlite, (mapId, updates) => {
      batchSizes.push(updates.length)
      return sqlite.appendUpdates(mapId, updates)
    })
    const test = await fixture.startServer({ DATA_DIR: dataDir }, { store: counting })
    const mapId = await createMap(test)
    const writers = [0, 1, 2].map(() => fixture.connectClient(test, mapId))
    const reader = fixture.connectClient(test, mapId)
    await Promise.all([...writers, reader].map((client) => waitForSync(client)))
    batchSizes.length = 0
    // Sent in one go, the three writers' edits reach the server together and share commits.
    for (let i = 0; i < 5; i++) {
      writers.forEach((writer, w) => writer.doc.getMap('meta').set(`w${w}-${i}`, i))
    }
    for (const client of [...writers, reader]) {
      await waitFor(() => client.doc.getMap('meta').size === 15)
    }
    expect(Math.max(...batchSizes)).toBeGreaterThan(1)
    const expected = reader.doc.getMap('meta').toJSON()
    for (const writer of writers) expect(writer.doc.getMap('meta').toJSON()).toEqual(expected)
  })

  it('hands the updates several maps receive in one turn to the store together', async () => {
    const sqlite = new SqliteMapStore(await fixture.makeDataDir())
    const events: string[] = []
    const store = withAppend(sqlite, async (mapId, updates) => {
      events.push(`append ${mapId}`)
      const written = await sqlite.appendUpdates(mapId, updates)
      events.push(`stored ${mapId}`)
      return written
    })
    const rooms = new LoadedRooms({
      store,
      logger: pino({ level: 'silent' }),
      limits: { compactAfterUpdates: 500, compactAfterBytes: 1 << 20 },
    })
    const joined = []
    for (const id of ['map-one', 'map-two', 'map-three']) {
      await sqlite.createMap({ id, title: id, template: 'blank' })
      const result = await rooms.join(id, fakePeer(id))
      if (!result.ok) throw new Error('join failed')
      joined.push(result.room)
    }
    // One turn, three maps: every append must reach the store before the first commit.
    for (const room of joined) room.doc.getMap('meta').set('k', room.mapId)
    await waitFor(() => events.length === 6)
    expect(events.slice(0, 3).every((event) => event.startsWith('append'))).toBe(true)
    for (const room of joined) {
      const stored = await sqlite.loadUpdates(room.mapId)
      const doc = new Y.Doc()
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      expect(doc.getMap('meta').get('k')).toBe(room.mapId)
    }
    await rooms.close()
    await sqlite.close()
  })

  it("stores and relays a peer's edits, never content the same update deletes again", async () => {
    const sqlite = new SqliteMapStore(await fixture.makeDataDir())
    const rooms = new LoadedRooms({
      store: sqlite,
      logger: pino({ level: 'silent' }),
      limits: { compactAfterUpdates: 500, compactAfterBytes: 1 << 20 },
    })
    await sqlite.createMap({ id: 'map-one', title: 'One', template: 'blank' })
    const relayed: Uint8Array[] = []
    const writer = fakePeer('writer')
    const reader: RoomPeer = { ...fakePeer('reader'), sendUpdate: (update) => relayed.push(update) }
    const joined = await rooms.join('map-one', writer)
    await rooms.join('map-one', reader)
    if (!joined.ok) throw new Error('not joined')
    // A client that keeps deleted content (gc off) sends it along with the deletion.
    const client = new Y.Doc({ gc: false })
    const sent: Uint8Array[] = []
    client.on('update', (update: Uint8Array) => sent.push(update))
    client.getMap('meta').set('title', 'Dam')
    client.transact(() => {
      client.getMap('meta').set('note', 'secret-draft')
      client.getMap('meta').set('note', 'final')
    })
    expect(Buffer.from(sent[1]!).includes('secret-draft')).toBe(true)
    for (const update of sent) {
      const read = readMessage(writeMessage({ type: 'update', update }), {
        maxUpdateStructs: 2000,
        maxAwarenessBytes: 1024,
      })
      if (!read.ok || read.message.type !== 'update') throw new Error('not read')
      expect(joined.room.applyUpdate(writer, read.message)).toEqual({ ok: true })
    }
    // Both edits may share one commit, and reach the reader as one merged update.
    await waitFor(() => {
      const doc = new Y.Doc()
      for (const update of relayed) Y.applyUpdate(doc, update)
      return doc.getMap('meta').get('note') === 'final'
    })
    const stored = await sqlite.loadUpdates('map-one')
    for (const doc of [stored.updates, relayed].map((updates) => {
      const doc = new Y.Doc()
      for (const update of updates) Y.applyUpdate(doc, update)
      return doc
    })) {
      expect(doc.getMap('meta').toJSON()).toEqual({ title: 'Dam', note: 'final' })
    }
    // The deleted draft is in neither what was stored nor what the other peer received.
    for (const update of [...stored.updates, ...relayed]) {
      expect(Buffer.from(update).includes('secret-draft')).toBe(false)
    }
    await rooms.close()
    await sqlite.close()
  })

  it('unloads a room after its last client leaves and reloads it correctly', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    expect(test.server.rooms.size).toBe(1)
    a.doc.getMap('meta').set('t', 'hello')
    fixture.disconnectClient(a)
    await waitFor(() => test.server.rooms.size === 0)

    const b = fixture.connectClient(test, mapId)
    await waitForSync(b)
    expect(b.doc.getMap('meta').get('t')).toBe('hello')
    expect(test.server.rooms.size).toBe(1)
  })

  it('serves a client that connects while the room is unloading', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    for (let round = 0; round < 5; round++) {
      const a = fixture.connectClient(test, mapId)
      await waitForSync(a)
      a.doc.getMap('meta').set(`round${round}`, round)
      fixture.disconnectClient(a)
    }
    const last = fixture.connectClient(test, mapId)
    await waitForSync(last)
    await waitFor(() => last.doc.getMap('meta').size === 5)
    expect([...last.doc.getMap('meta').values()].sort()).toEqual([0, 1, 2, 3, 4])
  })

  it('makes a join during an unload wait for it and load a fresh room', async () => {
    const store = new SqliteMapStore(await fixture.makeDataDir())
    const rooms = new LoadedRooms({
      store,
      logger: pino({ level: 'silent' }),
      limits: { compactAfterUpdates: 500, compactAfterBytes: 1 << 20 },
    })
    await store.createMap({ id: 'map-under-test', title: 't', template: 'blank' })
    const one = fakePeer('one')
    const first = await rooms.join('map-under-test', one)
    if (!first.ok) throw new Error('join failed')
    first.room.doc.getMap('meta').set('k', 'v')
    // The last peer leaves: the unload starts, and the next join arrives before it ends.
    first.room.removePeer(one)
    expect(first.room.closing).toBe(true)

    const second = await rooms.join('map-under-test', fakePeer('two'))
    if (!second.ok) throw new Error('join failed')
    expect(second.room).not.toBe(first.room)
    expect(second.room.doc.getMap('meta').get('k')).toBe('v')
    expect(rooms.size).toBe(1)
    await rooms.close()
    await store.close()
  })

  it('compacts the update log without changing the document', async () => {
    const test = await fixture.startServer({ COMPACT_AFTER_UPDATES: '5' })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    for (let i = 0; i < 40; i++) {
      a.doc.getMap('meta').set(`k${i}`, i)
      // One write per edit, so the log grows row by row.
      await waitFor(async () =>
        readDocFromDisk(test.config.dataDir, mapId).getMap('meta').has(`k${i}`),
      )
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    const expected = JSON.stringify(a.doc.getMap('meta').toJSON())
    await waitFor(
      async () =>
        JSON.stringify(readDocFromDisk(test.config.dataDir, mapId).getMap('meta').toJSON()) ===
        expected,
    )
    expect(await rowCount(test, mapId)).toBeLessThanOrEqual(6)

    fixture.disconnectClient(a)
    await waitFor(() => test.server.rooms.size === 0)
    expect(await rowCount(test, mapId)).toBeLessThanOrEqual(6)
    expect(
      JSON.stringify(readDocFromDisk(test.config.dataDir, mapId).getMap('meta').toJSON()),
    ).toBe(expected)
    const b = fixture.connectClient(test, mapId)
    await waitForSync(b)
    expect(JSON.stringify(b.doc.getMap('meta').toJSON())).toBe(expected)
  })

  it('compacts by bytes as well', async () => {
    const test = await fixture.startServer({ COMPACT_AFTER_BYTES: '300' })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    for (let i = 0; i < 10; i++) {
      a.doc.getMap('meta').set(`k${i}`, 'x'.repeat(100))
      await waitFor(async () => readDocFromDisk(test.config.dataDir, mapId).getMap('meta').size > i)
    }
    expect(await rowCount(test, mapId)).toBeLessThan(5)
    expect(readDocFromDisk(test.config.dataDir, mapId).getMap('meta').size).toBe(10)
  })

  it('does not broadcast a failed write, closes its sender and keeps the room', async () => {
    const dataDir = await fixture.makeDataDir()
    const sqlite = new SqliteMapStore(dataDir)
    let failNext = false
    const flaky = withAppend(sqlite, async (mapId, updates) => {
      if (failNext) {
        failNext = false
        throw new Error('disk full')
      }
      return sqlite.appendUpdates(mapId, updates)
    })
    const test = await fixture.startServer({ DATA_DIR: dataDir }, { store: flaky })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])
    const closes: number[] = []
    a.on('connection-close', (event) => closes.push(event?.code ?? -1))

    failNext = true
    a.doc.getMap('meta').set('k', 'v')
    await waitFor(() => closes.includes(CloseCode.internalError))
    expect(b.doc.getMap('meta').has('k')).toBe(false)
    // The retry (or a's reconnect) stores the update; only then does b receive it.
    await waitFor(() => b.doc.getMap('meta').get('k') === 'v')
    expect(readDocFromDisk(dataDir, mapId).getMap('meta').get('k')).toBe('v')
    await waitForSync(a)
    expect(test.server.rooms.size).toBe(1)
  })
})
