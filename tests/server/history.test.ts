import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  contactsMap,
  patchStakeholder,
  readStakeholders,
  writeStakeholder,
} from '../../shared/document/stakeholderDocument'
import type { StakeholderDiff } from '../../shared/document/diffStakeholders'
import type { AuditEntry, VersionSummary } from '../../shared/protocol/accessApi'
import { readVersionName } from '../../shared/protocol/versionNames'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import type { Contact } from '../../shared/stakeholder/Stakeholder'
import { apiFetch, createFixture, createMap, waitFor, waitForSync } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const now = '2025-05-12T09:00:00.000Z'

function addStakeholder(doc: Y.Doc, id: string, name: string, power: number) {
  const result = writeStakeholder(doc, createStakeholder({ id, name, power }, { now }))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
}

async function versions(test: TestServer, mapId: string): Promise<VersionSummary[]> {
  const response = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/versions`)
  expect(response.status).toBe(200)
  return (await response.json()) as VersionSummary[]
}

function postVersion(test: TestServer, mapId: string, name: string, role = 'facilitator') {
  return apiFetch(test, mapId, role as 'facilitator', `/api/maps/${mapId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, by: 'Trainer Tess' }),
  })
}

describe('versions', () => {
  it('takes an automatic snapshot when the last client leaves', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    addStakeholder(a.doc, 'ngo', 'Fair Cocoa NGO', 2)
    await waitFor(async () => (await test.server.store.countUpdates(mapId)) > 0)
    fixture.disconnectClient(a)
    await waitFor(() => test.server.rooms.size === 0)
    const list = await versions(test, mapId)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      kind: 'auto',
      // A code, so each reader sees it in their own language.
      name: 'last-participant-left',
      stakeholderCount: 1,
      createdBy: { name: 'Server', role: null },
    })

    // Unchanged since: no second snapshot.
    const b = fixture.connectClient(test, mapId)
    await waitForSync(b)
    fixture.disconnectClient(b)
    await waitFor(() => test.server.rooms.size === 0)
    expect(await versions(test, mapId)).toHaveLength(1)
  })

  it('takes automatic snapshots every SNAPSHOT_INTERVAL_MS while a map changes', async () => {
    const test = await fixture.startServer({ SNAPSHOT_INTERVAL_MS: '30' })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    await waitForSync(a)
    addStakeholder(a.doc, 'ngo', 'Fair Cocoa NGO', 2)
    await waitFor(async () => (await versions(test, mapId)).length === 1)
    addStakeholder(a.doc, 'union', 'Farmers union', 4)
    await waitFor(async () => (await versions(test, mapId)).length === 2)
    expect((await versions(test, mapId))[0]).toMatchObject({
      name: 'interval',
      stakeholderCount: 2,
    })
  })

  it('names, lists, opens, diffs and restores versions', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])
    addStakeholder(a.doc, 'ngo', 'Fair Cocoa NGO', 2)
    addStakeholder(a.doc, 'union', 'Farmers union', 4)
    await waitFor(() => b.doc.getMap('stakeholders').size === 2)

    expect((await postVersion(test, mapId, 'x', 'editor')).status).toBe(403)
    expect((await postVersion(test, mapId, '   ')).status).toBe(400)
    const created = await postVersion(test, mapId, 'After the workshop of 12 May')
    expect(created.status).toBe(201)
    const named = (await created.json()) as VersionSummary
    expect(named).toMatchObject({
      name: 'After the workshop of 12 May',
      kind: 'named',
      createdBy: { name: 'Trainer Tess', role: 'facilitator' },
      stakeholderCount: 2,
    })
    expect(named.byteSize).toBeGreaterThan(0)

    // Open it read-only, as the client does.
    const opened = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/versions/${named.id}`)
    expect(opened.headers.get('content-type')).toBe('application/octet-stream')
    const old = new Y.Doc()
    Y.applyUpdate(old, new Uint8Array(await opened.arrayBuffer()))
    expect(readStakeholders(old).stakeholders.map((s) => s.id)).toEqual(['ngo', 'union'])
    const byQuery = await fetch(
      `${test.httpUrl}/api/maps/${mapId}/versions/${named.id}?token=${test.tokens.get(mapId)?.viewer}`,
    )
    expect(byQuery.status).toBe(200)

    // Change the map: a score, a removal and an addition.
    patchStakeholder(a.doc, 'ngo', { power: 5 }, { now })
    a.doc.transact(() => a.doc.getMap('stakeholders').delete('union'))
    addStakeholder(a.doc, 'buyer', 'Buyer', 1)
    await waitFor(() => b.doc.getMap('stakeholders').has('buyer'))
    await waitFor(() => !b.doc.getMap('stakeholders').has('union'))

    const diffResponse = await apiFetch(
      test,
      mapId,
      'viewer',
      `/api/maps/${mapId}/versions/${named.id}/diff/current`,
    )
    const diff = (await diffResponse.json()) as StakeholderDiff
    expect(diff.added.map((s) => s.id)).toEqual(['buyer'])
    expect(diff.removed.map((s) => s.id)).toEqual(['union'])
    expect(diff.changed).toEqual([
      { id: 'ngo', name: 'Fair Cocoa NGO', changes: [{ field: 'power', before: 2, after: 5 }] },
    ])

    const restoreUrl = `/api/maps/${mapId}/versions/${named.id}/restore`
    expect((await apiFetch(test, mapId, 'editor', restoreUrl, { method: 'POST' })).status).toBe(403)
    const restored = await apiFetch(test, mapId, 'owner', restoreUrl, { method: 'POST' })
    expect(restored.status).toBe(200)
    // A new change, received by connected clients like any other.
    await waitFor(() => b.doc.getMap('stakeholders').has('union'))
    expect(readStakeholders(b.doc).stakeholders.map((s) => [s.id, s.power])).toEqual([
      ['ngo', 2],
      ['union', 4],
    ])
    expect(readStakeholders(a.doc).stakeholders.map((s) => s.id)).toEqual(['ngo', 'union'])

    // History kept: the state before the restore is a version of its own.
    const list = await versions(test, mapId)
    const before = list.find((v) => v.name === `before-restore:${named.id}`)
    expect(before).toMatchObject({ kind: 'auto', stakeholderCount: 2 })
    expect(readVersionName(before!)).toEqual({
      kind: 'auto',
      reason: 'before-restore',
      restored: { id: named.id },
    })
    const undo = await apiFetch(
      test,
      mapId,
      'viewer',
      `/api/maps/${mapId}/versions/${before?.id}/diff/current`,
    )
    const undoDiff = (await undo.json()) as StakeholderDiff
    expect(undoDiff.added.map((s) => s.id)).toEqual(['union'])
    expect(undoDiff.removed.map((s) => s.id)).toEqual(['buyer'])

    // And a late joiner (from storage) sees the restored state.
    fixture.disconnectClient(a)
    fixture.disconnectClient(b)
    await waitFor(() => test.server.rooms.size === 0)
    const c = fixture.connectClient(test, mapId)
    await waitForSync(c)
    expect(readStakeholders(c.doc).stakeholders.map((s) => s.id)).toEqual(['ngo', 'union'])
  })

  it('answers 404 for unknown versions', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    for (const suffix of ['/versions/999', '/versions/abc', '/versions/1/diff/current']) {
      const response = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}${suffix}`)
      expect(response.status).toBe(404)
    }
  })
})

describe('audit', () => {
  it('records who changed which fields of a stakeholder, coalesced per participant', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const ada = fixture.connectClient(test, mapId)
    const bob = fixture.connectClient(test, mapId, undefined, { role: 'facilitator' })
    await Promise.all([waitForSync(ada), waitForSync(bob)])
    ada.awareness.setLocalStateField('user', { name: 'Ada' })
    addStakeholder(ada.doc, 'ngo', 'Fair Cocoa NGO', 2)
    patchStakeholder(ada.doc, 'ngo', { power: 3 }, { now })
    patchStakeholder(ada.doc, 'ngo', { urgency: 4 }, { now })
    await waitFor(() => bob.doc.getMap('stakeholders').has('ngo'))
    await waitFor(() => readStakeholders(bob.doc).stakeholders[0]?.urgency === 4)
    patchStakeholder(bob.doc, 'ngo', { legitimacy: 5 }, { now })
    await waitFor(() => readStakeholders(ada.doc).stakeholders[0]?.legitimacy === 5)

    const audit = async (role: 'owner' | 'editor' | 'viewer') =>
      apiFetch(test, mapId, role, `/api/maps/${mapId}/audit?stakeholder=ngo`)
    expect((await audit('viewer')).status).toBe(403)
    expect((await audit('editor')).status).toBe(403)
    await waitFor(async () => ((await (await audit('owner')).json()) as unknown[]).length === 2)
    const rows = (await (await audit('owner')).json()) as AuditEntry[]
    const byName = Object.fromEntries(rows.map((row) => [row.participant.name, row]))
    expect(byName['Ada']?.participant.role).toBe('editor')
    expect(byName['Ada']?.fields).toEqual(expect.arrayContaining(['record', 'power', 'urgency']))
    expect(byName['Anonymous']?.participant.role).toBe('facilitator')
    expect(byName['Anonymous']?.fields).toEqual(['legitimacy', 'updatedAt'])
    expect(rows.every((row) => row.stakeholderId === 'ngo')).toBe(true)
  })
})

describe('erasure', () => {
  it('removes a contact from the live map and from every stored byte of history', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    const secretA = fixture.connectClient(test, mapId, undefined, {
      role: 'owner',
      document: 'confidential',
    })
    const b = fixture.connectClient(test, mapId, undefined, {
      role: 'facilitator',
      document: 'confidential',
    })
    await Promise.all([waitForSync(a), waitForSync(secretA), waitForSync(b)])
    const email = `erase-me-${Date.now()}@example.org`
    const contact: Contact = {
      id: 'c1',
      name: 'Jan Jansen',
      role: 'spokesperson',
      organisation: 'Farmers union',
      email,
      phone: '',
      notes: 'met at the workshop',
    }
    const record = createStakeholder(
      { id: 'union', name: 'Farmers union', contacts: [contact] },
      { now },
    )
    expect(writeStakeholder(a.doc, record, null, secretA.doc).ok).toBe(true)
    // Edit the contact once more, so an overwritten copy exists in the history too.
    const edited = { ...record, contacts: [{ ...contact, notes: `${email} again` }] }
    expect(writeStakeholder(a.doc, edited, null, secretA.doc).ok).toBe(true)
    await waitFor(() => contactsMap(b.doc).get('union')?.get('c1')?.notes === `${email} again`)
    expect((await postVersion(test, mapId, 'Workshop')).status).toBe(201)
    expect((await postVersion(test, mapId, 'Second')).status).toBe(201)

    const needle = Buffer.from(email)
    const filesHolding = async () => {
      const holding: string[] = []
      for (const file of await fs.readdir(test.config.dataDir)) {
        const full = path.join(test.config.dataDir, file)
        if ((await fs.stat(full)).isFile() && (await fs.readFile(full)).includes(needle)) {
          holding.push(file)
        }
      }
      return holding
    }
    // The test means something only if the address was on disk before.
    expect(await filesHolding()).not.toEqual([])

    const eraseUrl = `/api/maps/${mapId}/stakeholders/union/contacts/c1/erase`
    for (const role of ['viewer', 'editor', 'facilitator'] as const) {
      expect((await apiFetch(test, mapId, role, eraseUrl, { method: 'POST' })).status).toBe(403)
    }
    const erased = await apiFetch(test, mapId, 'owner', eraseUrl, { method: 'POST' })
    expect(erased.status).toBe(200)
    expect(await erased.json()).toEqual({ erasedFromCurrent: true, versionsRewritten: 2 })
    await waitFor(() => contactsMap(b.doc).get('union')?.has('c1') === false)

    const files = await fs.readdir(test.config.dataDir)
    expect(files.some((file) => file.endsWith('.sqlite'))).toBe(true)
    expect(await filesHolding()).toEqual([])
    // The stakeholder itself and the versions are still there.
    expect(a.doc.getMap('stakeholders').has('union')).toBe(true)
    expect(await versions(test, mapId)).toHaveLength(2)
    // Only the confidential document's log was rewritten, into one row.
    expect(await test.server.store.countUpdates(mapId, 'confidential')).toBe(1)
  })
})
