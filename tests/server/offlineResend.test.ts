/**
 * Issue 15: the per-update limit must not cost anyone their offline work. An editor's
 * browser loses its connection, imports 300 stakeholders while offline and reconnects: its
 * answer to the server's sync step 1 holds every offline struct at once, far over
 * MAX_UPDATE_STRUCTS. Through sendUpdatesInParts (what MapConnection installs on every
 * provider) it goes out in parts and arrives in full; without it the server closes the
 * socket with 4413 and the work never arrives. Likewise one transaction over the limit.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { sendUpdatesInParts } from '../../client/sync/sendUpdatesInParts'
import {
  patchStakeholder,
  putEntry,
  stakeholdersMap,
} from '../../shared/document/stakeholderDocument'
import { createImpact } from '../../shared/stakeholder/createStakeholder'
import { applyImport } from '../../shared/exchange/applyImport'
import { guessColumnMapping } from '../../shared/exchange/guessColumnMapping'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { planImport } from '../../shared/exchange/planImport'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { measureUpdate } from '../../server/transport/measureUpdate'
import { createFixture, createMap, waitFor, waitForSync, type TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const LIMIT = 2_000

function importOffline(doc: Y.Doc, count: number, prefix: string): void {
  const header = 'Naam;Land;Macht;Legitimiteit;Urgentie;Belangen'
  const rows = Array.from({ length: count }, (_, i) => `${prefix} ${i};Ghana;3;4;2;Prijzen ${i}`)
  const parsed = parseCsv([header, ...rows].join('\n'))
  if (!parsed.ok) throw new Error('CSV did not parse')
  let next = 0
  const plan = planImport(parsed.rows, guessColumnMapping((parsed.rows[0] ?? []).map(String)), {
    idFactory: () => `${prefix}-${next++}`,
    now: '2026-12-02T10:00:00.000Z',
  })
  expect(applyImport(doc, plan, 'import')).toEqual({ ok: true, written: count })
}

async function editorThatGoesOffline(test: TestServer, mapId: string, inParts: boolean) {
  const editor = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
  if (inParts) sendUpdatesInParts(editor)
  await waitForSync(editor)
  // Closes by the server (going offline is a close without an event).
  const closes: number[] = []
  editor.on('connection-close', (event) => event !== null && closes.push(event.code))
  editor.disconnect()
  return { editor, closes }
}

function offlineResendSize(editor: WebsocketProvider, reader: WebsocketProvider): number {
  const resend = Y.encodeStateAsUpdate(editor.doc, Y.encodeStateVector(reader.doc))
  return measureUpdate(resend, Number.MAX_SAFE_INTEGER).structs
}

describe('offline work over the per-update limit', () => {
  it("reaches the server in parts when the editor's browser reconnects", async () => {
    const test = await fixture.startServer({ MAX_UPDATE_STRUCTS: String(LIMIT) })
    const mapId = await createMap(test)
    const reader = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(reader)
    const { editor, closes } = await editorThatGoesOffline(test, mapId, true)

    importOffline(editor.doc, 300, 'Offline')
    expect(offlineResendSize(editor, reader)).toBeGreaterThan(3 * LIMIT)
    editor.connect()
    await waitForSync(editor, 10_000)
    await waitFor(() => stakeholdersMap(reader.doc).size === 300, 20_000, 'offline work lost')
    expect(closes).toEqual([])
    expect(editor.wsconnected).toBe(true)
  })

  it('is refused whole (4413) by the server without the parts, so the test above can fail', async () => {
    const test = await fixture.startServer({ MAX_UPDATE_STRUCTS: String(LIMIT) })
    const mapId = await createMap(test)
    const reader = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(reader)
    const { editor, closes } = await editorThatGoesOffline(test, mapId, false)

    importOffline(editor.doc, 300, 'Offline')
    editor.connect()
    await waitFor(() => closes.includes(CloseCode.tooLarge), 10_000, 'no 4413')
    editor.disconnect()
    expect(stakeholdersMap(reader.doc).size).toBe(0)
  })

  it('sends one live transaction over the limit in parts, while connected', async () => {
    const test = await fixture.startServer({ MAX_UPDATE_STRUCTS: String(LIMIT) })
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    sendUpdatesInParts(editor)
    const reader = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(editor)
    await waitForSync(reader)
    const closes: number[] = []
    editor.on('connection-close', (event) => closes.push(event?.code ?? -1))
    const sizes: number[] = []
    editor.doc.on('update', (update: Uint8Array) => sizes.push(measureUpdate(update, 1e9).structs))

    // One transaction, as a paste or an undo of a large delete would be.
    editor.doc.transact(() => importOffline(editor.doc, 150, 'Pasted'))
    expect(Math.max(...sizes)).toBeGreaterThan(LIMIT)
    await waitFor(() => stakeholdersMap(reader.doc).size === 150, 20_000, 'paste lost')
    expect(closes).toEqual([])
  })

  it("opens a long-lived map whose delete set alone is over the limit (every reload's resend)", async () => {
    const test = await fixture.startServer({ MAX_UPDATE_STRUCTS: String(LIMIT) })
    const mapId = await createMap(test)
    const doc = new Y.Doc()
    const editor = fixture.connectClient(test, mapId, doc, { role: 'editor' })
    sendUpdatesInParts(editor)
    await waitForSync(editor)
    importOffline(doc, 300, 'Supplier')
    // A day of edits: each round renames every stakeholder and records an impact, so each
    // replaced name lies between impacts that stay and its deletion is a range of its own.
    for (let round = 0; round < 8; round++) {
      for (const id of [...stakeholdersMap(doc).keys()]) {
        expect(patchStakeholder(doc, id, { name: `${id} r${round}` }).ok).toBe(true)
        expect(putEntry(doc, id, 'impacts', createImpact(`${id}-impact-${round}`)).ok).toBe(true)
      }
    }
    const ranges = [...Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).ds.clients.values()].reduce(
      (sum, items) => sum + items.length,
      0,
    )
    expect(ranges).toBeGreaterThan(LIMIT)
    editor.disconnect()
    await waitFor(() => !editor.wsconnected)

    // The same browser comes back (a reload: its copy holds the whole history).
    const closes: number[] = []
    editor.on('connection-close', (event) => event !== null && closes.push(event.code))
    editor.connect()
    await waitForSync(editor, 10_000)
    const reader = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(reader, 10_000)
    patchStakeholder(doc, 'Supplier-0', { name: 'After the reload' })
    await waitFor(
      () => stakeholdersMap(reader.doc).get('Supplier-0')?.get('name') === 'After the reload',
      10_000,
      'edit after the reload lost',
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(closes).toEqual([])
  })
})
