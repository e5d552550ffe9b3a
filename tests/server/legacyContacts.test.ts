/**
 * The map document's legacy `contacts` root: the server refuses updates that add live
 * content to it, and accepts deletions there and content that arrives already deleted, so
 * that a browser's copy from an earlier version heals. Unit tests of the check, then the
 * published client against a real server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addsLiveContentUnder } from '../../server/rooms/addsLiveContentUnder'
import { CONTACTS_MAP } from '../../shared/document/mapDocumentLayout'
import { readStakeholder, writeStakeholder } from '../../shared/document/stakeholderDocument'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const EMAIL = 'legacy-root@example.org'
const contact = { id: 'c-1', name: 'Kofi', email: EMAIL }

/** What a client sends when it changes `doc` with `change`: the update of that transaction. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  change()
  return Y.encodeStateAsUpdate(doc, before)
}

function serverDocWith(content: Y.Doc): Y.Doc {
  const server = new Y.Doc({ gc: true })
  Y.applyUpdate(server, Y.encodeStateAsUpdate(content))
  return server
}

describe('addsLiveContentUnder', () => {
  it('finds new values and nested values under the root, whatever the parent chain', () => {
    const client = new Y.Doc()
    const server = serverDocWith(client)
    const direct = updateOf(client, () => client.getMap(CONTACTS_MAP).set('sh-1', contact))
    expect(addsLiveContentUnder(server, direct, CONTACTS_MAP)).toBe(true)
    Y.applyUpdate(server, direct)
    // A value set beside an existing one: its parent is only implied by its origin.
    const beside = updateOf(client, () => client.getMap(CONTACTS_MAP).set('sh-1', { ...contact }))
    expect(addsLiveContentUnder(server, beside, CONTACTS_MAP)).toBe(true)
    const nested = updateOf(client, () =>
      client.getMap(CONTACTS_MAP).set('sh-2', new Y.Map([['c-2', contact]])),
    )
    expect(addsLiveContentUnder(server, nested, CONTACTS_MAP)).toBe(true)
    const elsewhere = updateOf(client, () => client.getMap('stakeholders').set('x', { a: 1 }))
    expect(addsLiveContentUnder(server, elsewhere, CONTACTS_MAP)).toBe(false)
  })

  it('lets deletions through, and content that arrives already deleted', () => {
    const client = new Y.Doc()
    client.getMap(CONTACTS_MAP).set('sh-1', new Y.Map([['c-1', contact]]))
    const server = serverDocWith(client)
    const deletion = updateOf(client, () => client.getMap(CONTACTS_MAP).delete('sh-1'))
    expect(addsLiveContentUnder(server, deletion, CONTACTS_MAP)).toBe(false)

    // An offline copy that added and then deleted a contact the server never had: with gc
    // its state holds the item as deleted content...
    const collected = new Y.Doc({ gc: true })
    collected.getMap(CONTACTS_MAP).set('sh-9', contact)
    collected.getMap(CONTACTS_MAP).delete('sh-9')
    const empty = new Y.Doc({ gc: true })
    expect(addsLiveContentUnder(empty, Y.encodeStateAsUpdate(collected), CONTACTS_MAP)).toBe(false)
    // ...and without gc the content comes along, but deleted by the same update.
    const kept = new Y.Doc({ gc: false })
    kept.getMap(CONTACTS_MAP).set('sh-9', contact)
    kept.getMap(CONTACTS_MAP).delete('sh-9')
    const keptUpdate = Y.encodeStateAsUpdate(kept)
    expect(Buffer.from(keptUpdate).includes(EMAIL)).toBe(true)
    expect(addsLiveContentUnder(empty, keptUpdate, CONTACTS_MAP)).toBe(false)
    // Applied to a collecting document, nothing of it is left to store or send on.
    const stored: Uint8Array[] = []
    empty.on('update', (update: Uint8Array) => stored.push(update))
    Y.applyUpdate(empty, keptUpdate)
    expect(Buffer.concat(stored).includes(EMAIL)).toBe(false)
  })
})

describe('the legacy contacts root on a real server', () => {
  it('refuses an editor\u2019s update that adds a contact there (1008); a viewer never sees it', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(editor), waitForSync(viewer)])
    const closed = nextClose(editor)
    editor.doc.getMap(CONTACTS_MAP).set('sh-1', contact)
    expect(await closed).toBe(CloseCode.policyViolation)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(viewer.doc.getMap(CONTACTS_MAP).size).toBe(0)
    expect(await test.server.store.countUpdates(mapId)).toBe(0)
  })

  it('accepts an old copy that deleted its contacts, with its other edits', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    // A browser's copy from before: a contact in the map document, never synced, and a
    // stakeholder; the new client deleted the contact (moving it out) before connecting.
    const copy = new Y.Doc({ gc: false })
    copy.getMap(CONTACTS_MAP).set('union', new Y.Map([['c-1', contact]]))
    const record = createStakeholder(
      { id: 'union', name: 'Farmers union' },
      { now: '2026-01-01T00:00:00.000Z' },
    )
    expect(writeStakeholder(copy, record).ok).toBe(true)
    copy.getMap(CONTACTS_MAP).delete('union')
    const editor = fixture.connectClient(test, mapId, copy)
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    let refused = false
    editor.on('connection-close', () => (refused = true))
    await waitFor(() => readStakeholder(viewer.doc, 'union')?.ok === true)
    expect(refused).toBe(false)
    const stored = await test.server.store.loadUpdates(mapId)
    expect(Buffer.concat(stored.updates).includes(EMAIL)).toBe(false)
    expect(Buffer.from(Y.encodeStateAsUpdate(viewer.doc)).includes(EMAIL)).toBe(false)
  })
})
