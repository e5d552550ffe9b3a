/**
 * The storage contract: one suite that every {@link MapStore} implementation must pass,
 * called from one test file per implementation (SQLite, PostgreSQL).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  splitConfidentialLogs,
  splitConfidentialVersion,
} from '../../../shared/document/splitConfidentialState'
import type { LayoutMigration, MapStore } from '../../../server/storage/MapStore'

/** Opens a store on empty storage; `reopen` opens another on the same storage. */
export interface StoreHarness {
  store: MapStore
  reopen(): Promise<MapStore>
  /** Removes the storage; called after every test. */
  cleanup(): Promise<void>
}

const hash = (byte: number): Uint8Array => new Uint8Array(32).fill(byte)

/** An update that sets `key` to `value` in the `stakeholders` map, from a fresh client. */
function updateSetting(key: string, value: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('stakeholders').set(key, value)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** An update that puts a contact into the `contacts` root, as the old layout did. */
function updateWithContact(email: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('contacts').set('union', new Y.Map([['c1', { id: 'c1', email }]]))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The migration the server runs (see server/rooms/migrateConfidentialData.ts). */
const SPLIT: Omit<LayoutMigration, 'force'> = {
  logs: splitConfidentialLogs,
  version: splitConfidentialVersion,
}

const holds = (updates: readonly Uint8Array[], needle: string) =>
  Buffer.concat(updates).includes(needle)

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

/** Registers the contract tests for the store that `open` creates. */
export function describeMapStore(name: string, open: () => Promise<StoreHarness>): void {
  describe(`MapStore contract: ${name}`, () => {
    let harness: StoreHarness
    let store: MapStore
    const extraStores: MapStore[] = []

    beforeEach(async () => {
      harness = await open()
      store = harness.store
    })

    afterEach(async () => {
      for (const extra of extraStores.splice(0)) await extra.close()
      await store.close()
      await harness.cleanup()
    })

    /** A map with an editor token hash of its own (hashes are unique across maps). */
    const newMap = (id = 'map-1') =>
      store.createMap(
        { id, title: `Map ${id}`, template: 'blank' },
        { editor: hash(id === 'map-1' ? 1 : 100 + id.length) },
      )

    it('creates, reads and touches maps; a taken id is refused', async () => {
      const created = await newMap()
      expect(created).toMatchObject({ id: 'map-1', title: 'Map map-1', template: 'blank' })
      expect(await store.getMap('map-1')).toEqual(created)
      expect(await store.getMap('nope')).toBeNull()
      await new Promise((resolve) => setTimeout(resolve, 5))
      await store.touchMap('map-1')
      const touched = await store.getMap('map-1')
      expect((touched?.updatedAt ?? '') > created.updatedAt).toBe(true)
      expect(touched?.createdAt).toBe(created.createdAt)
      await expect(newMap()).rejects.toThrow()
    })

    it('stores token hashes, finds their map and replaces one atomically', async () => {
      await store.createMap(
        { id: 'map-1', title: 't', template: 'ser-phase-1' },
        { owner: hash(1), editor: hash(2) },
      )
      expect(await store.findTokenMap(hash(2))).toBe('map-1')
      expect(await store.findTokenMap(hash(9))).toBeNull()
      await store.replaceToken('map-1', 'editor', hash(3))
      const tokens = await store.listTokens('map-1')
      const summary = tokens
        .map((token) => `${token.role}:${token.hash[0]}:${token.revoked}`)
        .sort()
      expect(summary).toEqual(['editor:2:true', 'editor:3:false', 'owner:1:false'])
      expect(tokens[0]?.hash).toBeInstanceOf(Uint8Array)
      expect(await store.findTokenMap(hash(2))).toBe('map-1')
    })

    it('appends updates in order and reports the rows before and after', async () => {
      await newMap()
      const first = await store.appendUpdates('map-1', [updateSetting('a', '1')])
      expect(first.previousId).toBe(0)
      expect(first.lastId).toBeGreaterThan(0)
      const second = await store.appendUpdates('map-1', [
        updateSetting('b', '2'),
        updateSetting('c', '3'),
      ])
      expect(second.previousId).toBe(first.lastId)
      expect(second.lastId).toBeGreaterThan(first.lastId)
      const all = await store.loadUpdates('map-1')
      expect(all.updates).toHaveLength(3)
      expect(all.lastId).toBe(second.lastId)
      expect(all.bytes).toBe(all.updates.reduce((sum, update) => sum + update.byteLength, 0))
      expect(docOf(all.updates).getMap('stakeholders').toJSON()).toEqual({
        a: '1',
        b: '2',
        c: '3',
      })
      const since = await store.loadUpdatesSince('map-1', first.lastId)
      expect(since.updates).toHaveLength(2)
      expect(since.lastId).toBe(second.lastId)
      const none = await store.loadUpdatesSince('map-1', second.lastId)
      expect(none).toEqual({ updates: [], lastId: second.lastId, bytes: 0 })
      expect(await store.countUpdates('map-1')).toBe(3)
      expect(await store.loadUpdates('other')).toEqual({ updates: [], lastId: 0, bytes: 0 })
    })

    it('chains concurrent appends of one map: each starts where another ended', async () => {
      await newMap()
      await newMap('map-2')
      const appends = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          store.appendUpdates(index % 3 === 0 ? 'map-2' : 'map-1', [
            updateSetting(`k${index}`, String(index)),
          ]),
        ),
      )
      const chain = appends.filter((_, index) => index % 3 !== 0)
      const previous = chain.map((append) => append.previousId).sort((a, b) => a - b)
      const last = chain.map((append) => append.lastId).sort((a, b) => a - b)
      // Batches of one map form one chain 0 → … → newest, in whatever order they committed.
      expect(previous).toEqual([0, ...last.slice(0, -1)])
    })

    it('keeps a log per document, each a chain of its own', async () => {
      await newMap()
      const map = await store.appendUpdates('map-1', [updateSetting('a', '1')])
      const secret = await store.appendUpdates('map-1', [updateSetting('s', '1')], 'confidential')
      expect(secret.previousId).toBe(0)
      const next = await store.appendUpdates('map-1', [updateSetting('b', '2')], 'map')
      expect(next.previousId).toBe(map.lastId)
      const again = await store.appendUpdates('map-1', [updateSetting('t', '2')], 'confidential')
      expect(again.previousId).toBe(secret.lastId)
      const stakeholdersOf = (updates: readonly Uint8Array[]) =>
        docOf(updates).getMap('stakeholders').toJSON()
      expect(stakeholdersOf((await store.loadUpdates('map-1')).updates)).toEqual({ a: '1', b: '2' })
      const confidential = await store.loadUpdates('map-1', 'confidential')
      expect(stakeholdersOf(confidential.updates)).toEqual({ s: '1', t: '2' })
      expect(confidential.lastId).toBe(again.lastId)
      const since = await store.loadUpdatesSince('map-1', secret.lastId, 'confidential')
      expect(stakeholdersOf(since.updates)).toEqual({ t: '2' })
      expect(await store.countUpdates('map-1', 'confidential')).toBe(2)
      // Compacting one document leaves the other's rows alone.
      const merged = Y.mergeUpdates(confidential.updates)
      await store.compact('map-1', merged, confidential.lastId, 'confidential')
      expect(await store.countUpdates('map-1', 'confidential')).toBe(1)
      expect(await store.countUpdates('map-1')).toBe(2)
      await store.compact('map-1', Y.mergeUpdates([]), next.lastId, 'confidential')
      expect(await store.countUpdates('map-1', 'confidential')).toBe(1)
    })

    it('compacts a prefix into one row and keeps rows appended after it', async () => {
      await newMap()
      await store.appendUpdates('map-1', [updateSetting('a', '1'), updateSetting('b', '2')])
      const { lastId } = await store.loadUpdates('map-1')
      const later = await store.appendUpdates('map-1', [updateSetting('c', '3')])
      const merged = Y.mergeUpdates((await store.loadUpdates('map-1')).updates.slice(0, 2))
      await store.compact('map-1', merged, lastId)
      expect(await store.countUpdates('map-1')).toBe(2)
      const after = await store.loadUpdates('map-1')
      expect(after.lastId).toBe(later.lastId)
      expect(docOf(after.updates).getMap('stakeholders').toJSON()).toEqual({
        a: '1',
        b: '2',
        c: '3',
      })
      // The merged row keeps the id of the newest row it replaced: readers past it skip it.
      expect((await store.loadUpdatesSince('map-1', lastId)).updates).toHaveLength(1)
      // A second, older compaction finds nothing to replace and changes nothing.
      await store.compact('map-1', updateSetting('stale', 'x'), lastId - 1)
      expect(docOf((await store.loadUpdates('map-1')).updates).getMap('stakeholders').size).toBe(3)
      const next = await store.appendUpdates('map-1', [updateSetting('d', '4')])
      expect(next.previousId).toBe(later.lastId)
    })

    it('keeps versions and rewrites them', async () => {
      await newMap()
      const state = updateSetting('secret', 'mail@example.org')
      const first = await store.addVersion({
        mapId: 'map-1',
        name: 'Before',
        kind: 'named',
        createdBy: { name: 'Ann', role: 'facilitator' },
        state,
        confidentialState: null,
        stakeholderCount: 1,
      })
      const second = await store.addVersion({
        mapId: 'map-1',
        name: 'Automatic',
        kind: 'auto',
        createdBy: { name: 'Server', role: null },
        state: updateSetting('x', 'y'),
        confidentialState: null,
        stakeholderCount: 1,
      })
      expect(first).toMatchObject({ name: 'Before', kind: 'named', byteSize: state.byteLength })
      expect((await store.listVersions('map-1')).map((version) => version.id)).toEqual([
        second.id,
        first.id,
      ])
      expect(await store.listVersions('map-1')).toContainEqual(first)
      const got = await store.getVersion('map-1', first.id)
      expect(got?.summary).toEqual(first)
      expect(Buffer.from(got?.state ?? []).equals(Buffer.from(state))).toBe(true)
      expect(await store.getVersion('other', first.id)).toBeNull()
      const rewritten = await store.rewriteVersions('map-1', (old) =>
        Buffer.from(old).equals(Buffer.from(state))
          ? { state: updateSetting('gone', '-'), stakeholderCount: 0 }
          : null,
      )
      expect(rewritten).toBe(1)
      const after = await store.getVersion('map-1', first.id)
      expect(after?.summary.stakeholderCount).toBe(0)
      expect(
        docOf([after?.state ?? new Uint8Array()])
          .getMap('stakeholders')
          .toJSON(),
      ).toEqual({
        gone: '-',
      })
    })

    it("keeps a version's confidential state apart and rewrites it", async () => {
      await newMap()
      const secret = updateWithContact('apart@example.org')
      // One update object: a new Y.Doc has a random client id, whose encoding varies in length.
      const state = updateSetting('a', '1')
      const version = await store.addVersion({
        mapId: 'map-1',
        name: 'Both',
        kind: 'named',
        createdBy: { name: 'Ann', role: 'owner' },
        state,
        confidentialState: secret,
        stakeholderCount: 1,
      })
      // The summary, which every role gets, counts the map document only.
      expect(version.byteSize).toBe(state.byteLength)
      const got = await store.getVersion('map-1', version.id)
      expect(Buffer.from(got?.confidentialState ?? []).equals(Buffer.from(secret))).toBe(true)
      expect(holds([got?.state ?? new Uint8Array()], 'apart@example.org')).toBe(false)
      const seen: (Uint8Array | null)[] = []
      // Leaving out the confidential state keeps it.
      await store.rewriteVersions('map-1', (state, confidentialState) => {
        seen.push(confidentialState)
        return { state, stakeholderCount: 2 }
      })
      expect(seen).toHaveLength(1)
      const kept = await store.getVersion('map-1', version.id)
      expect(kept?.summary.stakeholderCount).toBe(2)
      expect(holds([kept?.confidentialState ?? new Uint8Array()], 'apart@example.org')).toBe(true)
      await store.rewriteVersions('map-1', (state) => ({
        state,
        stakeholderCount: 2,
        confidentialState: updateWithContact('replaced@example.org'),
      }))
      const replaced = (await store.getVersion('map-1', version.id))?.confidentialState
      expect(holds([replaced ?? new Uint8Array()], 'apart@example.org')).toBe(false)
      expect(holds([replaced ?? new Uint8Array()], 'replaced@example.org')).toBe(true)
    })

    it('migrates a map document holding contacts: once, in one go, on several callers', async () => {
      await newMap()
      const email = 'migrate-me@example.org'
      const before = await store.appendUpdates('map-1', [
        updateSetting('a', '1'),
        updateWithContact(email),
      ])
      await store.appendUpdates('map-1', [updateSetting('kept', 'x')], 'confidential')
      const version = await store.addVersion({
        mapId: 'map-1',
        name: 'Old',
        kind: 'auto',
        createdBy: { name: 'Server', role: null },
        state: Y.mergeUpdates((await store.loadUpdates('map-1')).updates),
        confidentialState: null,
        stakeholderCount: 1,
      })
      // A map created by this version is current: nothing runs without `force`.
      let called = false
      const untouched = await store.migrateLayout('map-1', {
        force: false,
        logs: () => {
          called = true
          return null
        },
        version: () => null,
      })
      expect(untouched).toEqual({ logsChanged: false, versionsRewritten: 0 })
      expect(called).toBe(false)

      const results = await Promise.all([
        store.migrateLayout('map-1', { ...SPLIT, force: true }),
        store.migrateLayout('map-1', { ...SPLIT, force: true }),
      ])
      expect(results.filter((result) => result.logsChanged)).toHaveLength(1)
      expect(results.map((result) => result.versionsRewritten).sort()).toEqual([0, 1])
      const map = await store.loadUpdates('map-1')
      expect(map.updates).toHaveLength(1)
      expect(holds(map.updates, email)).toBe(false)
      // The new row's id is above every earlier one: a node that had read up to there reads it.
      expect(map.lastId).toBeGreaterThan(before.lastId)
      expect(docOf(map.updates).getMap('stakeholders').toJSON()).toEqual({ a: '1' })
      const confidential = await store.loadUpdates('map-1', 'confidential')
      expect(confidential.updates).toHaveLength(2)
      const secretDoc = docOf(confidential.updates)
      expect(secretDoc.getMap('stakeholders').toJSON()).toEqual({ kept: 'x' })
      expect(JSON.stringify(secretDoc.getMap('contacts').toJSON())).toContain(email)
      const stored = await store.getVersion('map-1', version.id)
      expect(holds([stored?.state ?? new Uint8Array()], email)).toBe(false)
      expect(holds([stored?.confidentialState ?? new Uint8Array()], email)).toBe(true)
      // Appends go on from the new rows.
      const after = await store.appendUpdates('map-1', [updateSetting('b', '2')])
      expect(after.previousId).toBe(map.lastId)
    })

    it('merges audit rows within the window and lists them newest first', async () => {
      await newMap()
      const ann = { name: 'Ann', role: 'editor' as const }
      const base = Date.parse('2026-01-01T10:00:00.000Z')
      const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString()
      const windowMs = 5 * 60_000
      await store.recordAudit(
        [{ mapId: 'map-1', stakeholderId: 's1', participant: ann, fields: ['name'], at: at(0) }],
        windowMs,
      )
      await store.recordAudit(
        [
          { mapId: 'map-1', stakeholderId: 's1', participant: ann, fields: ['power'], at: at(2) },
          {
            mapId: 'map-1',
            stakeholderId: 's2',
            participant: { name: 'Server', role: null },
            fields: ['record'],
            at: at(3),
          },
        ],
        windowMs,
      )
      await store.recordAudit(
        [{ mapId: 'map-1', stakeholderId: 's1', participant: ann, fields: ['name'], at: at(20) }],
        windowMs,
      )
      const all = await store.listAudit('map-1')
      expect(all.map((row) => [row.stakeholderId, row.fields, row.firstAt, row.lastAt])).toEqual([
        ['s1', ['name'], at(20), at(20)],
        ['s2', ['record'], at(3), at(3)],
        ['s1', ['name', 'power'], at(0), at(2)],
      ])
      expect(all[1]?.participant).toEqual({ name: 'Server', role: null })
      expect(await store.listAudit('map-1', { stakeholderId: 's2' })).toHaveLength(1)
    })

    it('keeps the first old and the latest new value of a field within the window', async () => {
      await newMap()
      const ann = { name: 'Ann', role: 'editor' as const }
      const base = Date.parse('2026-01-01T10:00:00.000Z')
      const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString()
      const change = (minutes: number, from: number, to: number) => ({
        mapId: 'map-1',
        stakeholderId: 's1',
        participant: ann,
        fields: ['legitimacy'],
        changes: [{ field: 'legitimacy', kind: 'value' as const, from, to }],
        at: at(minutes),
      })
      await store.recordAudit([change(0, 2, 3)], 5 * 60_000)
      await store.recordAudit([change(1, 3, 5)], 5 * 60_000)
      await store.recordAudit(
        [
          {
            mapId: 'map-1',
            stakeholderId: 's1',
            participant: ann,
            fields: ['notes'],
            changes: [{ field: 'notes', kind: 'text' }],
            at: at(2),
          },
        ],
        5 * 60_000,
      )
      await store.recordAudit(
        [{ ...change(30, 5, 4), participant: { name: 'Bo', role: 'owner' } }],
        5 * 60_000,
      )
      const [bo, first] = await store.listAudit('map-1')
      expect(first?.kind).toBe('change')
      expect(first?.changes).toEqual([
        { field: 'legitimacy', kind: 'value', from: 2, to: 5 },
        { field: 'notes', kind: 'text' },
      ])
      expect(bo?.participant).toEqual({ name: 'Bo', role: 'owner' })
      // Filters: person, stakeholder, and a time range (from inclusive, to exclusive).
      expect(await store.listAudit('map-1', { person: 'Ann' })).toHaveLength(1)
      expect(await store.listAudit('map-1', { person: 'Nobody' })).toHaveLength(0)
      expect(await store.listAudit('map-1', { stakeholderId: 's9' })).toHaveLength(0)
      expect(await store.listAudit('map-1', { from: at(10) })).toEqual([bo])
      expect(await store.listAudit('map-1', { to: at(10) })).toEqual([first])
      expect(await store.listAudit('map-1', { from: at(1), to: at(31) })).toHaveLength(2)
    })

    it('appends entries of another kind as they are, never merged into edits', async () => {
      await newMap()
      const owner = { name: 'Olga', role: 'owner' as const }
      const at = '2026-01-01T10:00:00.000Z'
      await store.recordAudit(
        [{ mapId: 'map-1', stakeholderId: 's1', participant: owner, fields: ['power'], at }],
        5 * 60_000,
      )
      await store.appendAudit({
        mapId: 'map-1',
        stakeholderId: 's1',
        participant: owner,
        kind: 'erasure',
        details: { contacts: 1, versionsRewritten: 3 },
        at: '2026-01-01T10:01:00.000Z',
      })
      await store.recordAudit(
        [
          {
            mapId: 'map-1',
            stakeholderId: 's1',
            participant: owner,
            fields: ['urgency'],
            at: '2026-01-01T10:02:00.000Z',
          },
        ],
        5 * 60_000,
      )
      const rows = await store.listAudit('map-1')
      expect(rows.map((row) => [row.kind, row.fields])).toEqual([
        ['change', ['power', 'urgency']],
        ['erasure', []],
      ])
      expect(rows[1]?.details).toEqual({ contacts: 1, versionsRewritten: 3 })
    })

    it('deletes a map with everything that belongs to it', async () => {
      await newMap()
      await newMap('map-2')
      await store.appendUpdates('map-1', [updateSetting('a', '1')])
      await store.appendUpdates('map-2', [updateSetting('b', '2')])
      await store.appendUpdates('map-1', [updateWithContact('gone@example.org')], 'confidential')
      await store.addVersion({
        mapId: 'map-1',
        name: 'v',
        kind: 'auto',
        createdBy: { name: 'Server', role: null },
        state: updateSetting('a', '1'),
        confidentialState: updateWithContact('gone@example.org'),
        stakeholderCount: 1,
      })
      await store.deleteMap('map-1')
      expect(await store.getMap('map-1')).toBeNull()
      expect(await store.countUpdates('map-1')).toBe(0)
      expect(await store.countUpdates('map-1', 'confidential')).toBe(0)
      expect(await store.listVersions('map-1')).toEqual([])
      expect(await store.listTokens('map-1')).toEqual([])
      expect(await store.countUpdates('map-2')).toBe(1)
    })

    it('erases: after the rewrite and purge no row holds the old value', async () => {
      await newMap()
      await store.appendUpdates('map-1', [updateSetting('contact', 'erase-me@example.org')])
      const doc = docOf((await store.loadUpdates('map-1')).updates)
      doc.getMap('stakeholders').delete('contact')
      const { lastId } = await store.loadUpdates('map-1')
      await store.compact('map-1', Y.encodeStateAsUpdate(doc), lastId)
      await store.purgeFreedSpace()
      const rows = (await store.loadUpdates('map-1')).updates
      expect(rows).toHaveLength(1)
      expect(Buffer.concat(rows).includes('erase-me@example.org')).toBe(false)
    })

    it('keeps everything across a reopen', async () => {
      await newMap()
      await store.appendUpdates('map-1', [updateSetting('a', '1')])
      await store.close()
      store = await harness.reopen()
      expect((await store.getMap('map-1'))?.title).toBe('Map map-1')
      expect(
        docOf((await store.loadUpdates('map-1')).updates)
          .getMap('stakeholders')
          .toJSON(),
      ).toEqual({ a: '1' })
      extraStores.push(await harness.reopen())
      expect(await extraStores[0]?.findTokenMap(hash(1))).toBe('map-1')
    })
  })
}
