/**
 * Hostile-client tests of confidential dialogue plans: a plan marked `confidential` lives in
 * the confidential document, so its title, safety notes and invited stakeholders reach only
 * owners and facilitators. With the published y-websocket client against a real server
 * (SQLite, and PostgreSQL when it answers): what viewers' and editors' clients receive is
 * recorded and searched, and so is every file they may download; a plan marked confidential
 * in the map document is refused with 1008 from any role; an old map document holding one is
 * moved when the server loads it, before any viewer is sent a byte of it.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  DIALOGUE_PLAN_LAYOUT,
  readDialoguePlans,
  writeDialoguePlan,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import { createDialoguePlan } from '../../shared/dialogue/createDialogueRecords'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import { parseXlsx } from '../../shared/exchange/parseXlsx'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { MessageType } from '../../shared/protocol/messageTypes'
import type { Role } from '../../shared/protocol/roles'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'
import { recordingWebSocket } from './replicaChecks'
import { storageBackends } from './storageBackends'
import {
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  syncPath,
  waitFor,
  waitForSync,
} from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const BACKENDS = await storageBackends()

const NOW = '2026-05-12T10:00:00.000Z'
const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`
const TITLE = `Talk with the pickers who reported abuse ${unique}`
const SAFETY = `Meet away from the plantation, names never written down ${unique}`
const WITNESS = `sh-witness-${unique}`
const NOT_ALLOWED: Role[] = ['viewer', 'editor']

/** What gives a confidential plan away: its title, its safety notes, whom it invites. */
function holdsSecret(bytes: Uint8Array | string): boolean {
  const buffer = Buffer.from(bytes)
  return [TITLE, SAFETY, WITNESS].some((needle) => buffer.includes(needle))
}

function secretPlan(overrides: Partial<DialoguePlan> = {}): DialoguePlan {
  return createDialoguePlan(
    {
      id: 'plan-secret',
      title: TITLE,
      status: 'planned',
      invited: [{ stakeholderId: WITNESS, representedBy: null }],
      safety: SAFETY,
      confidentiality: 'confidential',
      ...overrides,
    },
    { now: NOW },
  )
}

function publicPlan(): DialoguePlan {
  return createDialoguePlan(
    { id: 'plan-open', title: 'Open meeting with the cooperative', confidentiality: 'internal' },
    { now: NOW },
  )
}

/** The state a raw socket of `role` is sent when it asks for everything. */
async function fullStateOf(test: TestServer, mapId: string, role: Role) {
  const raw = await fixture.openRawSocket(test, syncPath(test, mapId, role))
  const frames: Buffer[] = []
  raw.socket.on('message', (data: Buffer) => frames.push(data))
  const step1 = encoding.createEncoder()
  encoding.writeVarUint(step1, MessageType.sync)
  syncProtocol.writeSyncStep1(step1, new Y.Doc())
  raw.socket.send(encoding.toUint8Array(step1))
  await waitFor(() => frames.some((frame) => frame[0] === MessageType.sync && frame[1] === 1))
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(new Uint8Array(frame))
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue
    if (decoding.readVarUint(decoder) === 0) continue
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  raw.socket.close()
  return { frames, doc }
}

/** The map document as the server stored it. */
async function storedDoc(test: TestServer, mapId: string, document: 'map' | 'confidential') {
  const doc = new Y.Doc()
  for (const update of (await test.server.store.loadUpdates(mapId, document)).updates) {
    Y.applyUpdate(doc, update)
  }
  return doc
}

async function body(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer())
}

interface Scene {
  test: TestServer
  mapId: string
  owner: WebsocketProvider
  ownerSecret: WebsocketProvider
  facilitatorSecret: WebsocketProvider
  /** The Yjs payloads every viewer's and editor's client was sent, by role. */
  received: Record<string, Uint8Array[]>
  watchers: Record<string, WebsocketProvider>
}

/**
 * Viewers and editors are connected (recording) while an owner writes an internal plan and
 * a confidential one, edits the confidential one and names a version.
 */
async function sceneOn(env: Record<string, string>): Promise<Scene> {
  const test = await fixture.startServer(env)
  const mapId = await createMap(test, 'Cocoa chain')
  const received: Record<string, Uint8Array[]> = {}
  const watchers: Record<string, WebsocketProvider> = {}
  for (const role of NOT_ALLOWED) {
    received[role] = []
    const polyfill = recordingWebSocket(received[role]) as unknown as typeof globalThis.WebSocket
    watchers[role] = fixture.connectClient(test, mapId, undefined, {
      role,
      WebSocketPolyfill: polyfill,
    })
  }
  const owner = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
  const ownerSecret = fixture.connectClient(test, mapId, undefined, {
    role: 'owner',
    document: 'confidential',
  })
  const facilitatorSecret = fixture.connectClient(test, mapId, undefined, {
    role: 'facilitator',
    document: 'confidential',
  })
  const all = [owner, ownerSecret, facilitatorSecret, ...Object.values(watchers)]
  await Promise.all(all.map((provider) => waitForSync(provider)))

  const confidential = ownerSecret.doc
  expect(writeDialoguePlan(owner.doc, publicPlan(), { confidential }).ok).toBe(true)
  expect(writeDialoguePlan(owner.doc, secretPlan(), { confidential }).ok).toBe(true)
  // The allowed roles do get it: the test can tell.
  await waitFor(
    () => readDialoguePlans(new Y.Doc(), facilitatorSecret.doc).records[0]?.title === TITLE,
  )
  for (const role of NOT_ALLOWED) {
    await waitFor(() => watchers[role]!.doc.getMap('dialoguePlans').has('plan-open'))
  }
  const named = await apiFetch(test, mapId, 'facilitator', `/api/maps/${mapId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'With the confidential plan', by: 'Trainer' }),
  })
  expect(named.status).toBe(201)
  // Edited afterwards: the safety notes grow, someone else is invited.
  const edited = secretPlan({
    safety: `${SAFETY}; interpreter from outside the region`,
    invited: [
      { stakeholderId: WITNESS, representedBy: null },
      { stakeholderId: `${WITNESS}-2`, representedBy: WITNESS },
    ],
  })
  expect(writeDialoguePlan(owner.doc, edited, { confidential }).ok).toBe(true)
  await waitFor(
    () => readDialoguePlans(new Y.Doc(), facilitatorSecret.doc).records[0]?.invited.length === 2,
  )
  return { test, mapId, owner, ownerSecret, facilitatorSecret, received, watchers }
}

describe.each(BACKENDS)('confidential dialogue plans on $name', ({ env }) => {
  it('reach no byte a viewer or an editor receives, nor any file they may download', async () => {
    const scene = await sceneOn(await env())
    const { test, mapId, received, watchers } = scene
    for (const role of NOT_ALLOWED) {
      // What their clients were sent (their sync, the internal plan), and what they hold.
      expect(received[role]!.length, role).toBeGreaterThanOrEqual(2)
      expect(received[role]!.some(holdsSecret), role).toBe(false)
      const doc = watchers[role]!.doc
      expect(holdsSecret(Y.encodeStateAsUpdate(doc)), role).toBe(false)
      expect(
        readDialoguePlans(doc, null).records.map((plan) => plan.id),
        role,
      ).toEqual(['plan-open'])
      // A raw socket asking for the whole state gets no more.
      const raw = await fullStateOf(test, mapId, role)
      expect(raw.frames.some(holdsSecret), `raw ${role}`).toBe(false)
      expect(readDialoguePlans(raw.doc, null).records.map((plan) => plan.id)).toEqual(['plan-open'])
    }
    // Neither the map document's log nor its versions hold it; the confidential log does.
    await test.server.rooms.flushAll()
    expect(holdsSecret(Y.encodeStateAsUpdate(await storedDoc(test, mapId, 'map')))).toBe(false)
    const secretLog = await storedDoc(test, mapId, 'confidential')
    expect(readDialoguePlans(new Y.Doc(), secretLog).records.map((plan) => plan.id)).toEqual([
      'plan-secret',
    ])
    const listed = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/versions`)
    const versions = (await listed.json()) as VersionSummary[]
    expect(versions.length).toBeGreaterThanOrEqual(1)
    for (const role of NOT_ALLOWED) {
      const get = (pathname: string) => apiFetch(test, mapId, role, `/api/maps/${mapId}${pathname}`)
      for (const version of versions) {
        const opened = await get(`/versions/${version.id}`)
        expect(opened.status).toBe(200)
        expect(holdsSecret(await body(opened)), `${role} v${version.id}`).toBe(false)
        expect((await get(`/versions/${version.id}/confidential`)).status).toBe(403)
      }
      const diff = await get(`/versions/${versions[0]!.id}/diff/current`)
      expect(holdsSecret(await body(diff)), `${role} diff`).toBe(false)
      for (const file of ['export.json', 'dialogue-plans.csv', 'commitments.csv', 'report.html']) {
        const plain = await get(`/${file}`)
        expect(plain.status, `${role} ${file}`).toBe(200)
        expect(holdsSecret(await body(plain)), `${role} ${file}`).toBe(false)
        expect((await get(`/${file}?contacts=1`)).status, `${role} ${file} contacts=1`).toBe(403)
      }
      const xlsx = parseXlsx(await body(await get('/export.xlsx')))
      if (!xlsx.ok) throw new Error('xlsx did not parse')
      expect(holdsSecret(JSON.stringify(xlsx.rows)), `${role} xlsx`).toBe(false)
    }
    // Owners get it where they get confidential log entries: with contacts=1.
    const owner = (pathname: string) =>
      apiFetch(test, mapId, 'owner', `/api/maps/${mapId}${pathname}`)
    expect(holdsSecret(await body(await owner('/export.json')))).toBe(false)
    expect(holdsSecret(await body(await owner('/dialogue-plans.csv')))).toBe(false)
    expect(Buffer.from(await body(await owner('/export.json?contacts=1'))).includes(SAFETY)).toBe(
      true,
    )
    const csv = Buffer.from(await body(await owner('/dialogue-plans.csv?contacts=1')))
    expect(csv.includes(TITLE)).toBe(true)
    const named = versions.find((version) => version.name === 'With the confidential plan')!
    const part = Buffer.from(await body(await owner(`/versions/${named.id}/confidential`)))
    expect(part.includes(SAFETY)).toBe(true)
  })

  it('closes a socket that writes a confidential plan into the map document, any role, with 1008', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const viewerReceived: Uint8Array[] = []
    const viewer = fixture.connectClient(test, mapId, undefined, {
      role: 'viewer',
      WebSocketPolyfill: recordingWebSocket(
        viewerReceived,
      ) as unknown as typeof globalThis.WebSocket,
    })
    const editor = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(viewer), waitForSync(editor)])
    // An internal plan the editor may write; then, bypassing the shared refusal, the same
    // plan raised to confidential in place, and a new plan written confidential.
    expect(writeDialoguePlan(editor.doc, publicPlan()).ok).toBe(true)
    await waitFor(() => viewer.doc.getMap('dialoguePlans').has('plan-open'))
    const raised = nextClose(editor)
    editor.doc.transact(() => {
      const fields = editor.doc.getMap<Y.Map<unknown>>('dialoguePlans').get('plan-open')!
      fields.set('confidentiality', 'confidential')
      fields.set('safety', SAFETY)
    })
    expect(await raised).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(editor)

    for (const role of ['editor', 'facilitator', 'owner'] as const) {
      const writer = fixture.connectClient(test, mapId, undefined, { role })
      await waitForSync(writer)
      const closed = nextClose(writer)
      writeDialogueRecord(writer.doc, DIALOGUE_PLAN_LAYOUT, secretPlan({ id: `plan-${role}` }))
      expect(await closed, role).toBe(CloseCode.policyViolation)
      fixture.disconnectClient(writer)
    }

    await test.server.rooms.flushAll()
    const stored = await storedDoc(test, mapId, 'map')
    expect(holdsSecret(Y.encodeStateAsUpdate(stored))).toBe(false)
    expect(readDialoguePlans(stored, null).records).toEqual([publicPlan()])
    expect(viewerReceived.some(holdsSecret)).toBe(false)
    expect(viewer.wsconnected).toBe(true)
  })

  it('takes confidential plans in the confidential document from owners and facilitators only', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const owner = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    const secret = fixture.connectClient(test, mapId, undefined, {
      role: 'facilitator',
      document: 'confidential',
    })
    await Promise.all([waitForSync(owner), waitForSync(secret)])
    expect(writeDialoguePlan(owner.doc, secretPlan(), { confidential: secret.doc }).ok).toBe(true)
    await waitFor(async () => {
      await test.server.rooms.flushAll()
      const stored = await storedDoc(test, mapId, 'confidential')
      return readDialoguePlans(new Y.Doc(), stored).records.length === 1
    })
    expect(secret.wsconnected).toBe(true)
    // An editor has no way in: its confidential socket is refused before any byte.
    const editor = fixture.connectClient(test, mapId, undefined, {
      role: 'editor',
      document: 'confidential',
    })
    expect(await nextClose(editor)).toBe(CloseCode.forbidden)
    expect(holdsSecret(Y.encodeStateAsUpdate(editor.doc))).toBe(false)
  })

  it('moves a confidential plan out of a stored map document before a viewer is sent it', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    // As an earlier server stored it (or an import of that time): in the map document's log
    // and in a version, beside an internal plan.
    const old = new Y.Doc()
    writeDialogueRecord(old, DIALOGUE_PLAN_LAYOUT, publicPlan())
    writeDialogueRecord(old, DIALOGUE_PLAN_LAYOUT, secretPlan())
    const { store } = test.server
    await store.appendUpdates(mapId, [Y.encodeStateAsUpdate(old)])
    await store.addVersion({
      mapId,
      name: 'Before confidential plans moved',
      kind: 'named',
      createdBy: { name: 'Trainer', role: 'facilitator' },
      state: Y.encodeStateAsUpdate(old),
      confidentialState: null,
      stakeholderCount: 0,
    })

    const received: Uint8Array[] = []
    const viewer = fixture.connectClient(test, mapId, undefined, {
      role: 'viewer',
      WebSocketPolyfill: recordingWebSocket(received) as unknown as typeof globalThis.WebSocket,
    })
    await waitForSync(viewer)
    expect(received.length).toBeGreaterThan(0)
    expect(received.some(holdsSecret)).toBe(false)
    expect(readDialoguePlans(viewer.doc, null).records).toEqual([publicPlan()])
    const raw = await fullStateOf(test, mapId, 'editor')
    expect(raw.frames.some(holdsSecret)).toBe(false)

    // The owner still has it, in the confidential document.
    const ownerSecret = fixture.connectClient(test, mapId, undefined, {
      role: 'owner',
      document: 'confidential',
    })
    await waitForSync(ownerSecret)
    expect(readDialoguePlans(viewer.doc, ownerSecret.doc).records).toEqual([
      publicPlan(),
      secretPlan(),
    ])
    // Nothing stored for the map document holds it any more: its log, its version.
    expect(holdsSecret(Y.encodeStateAsUpdate(await storedDoc(test, mapId, 'map')))).toBe(false)
    const [version] = await store.listVersions(mapId)
    const stored = await store.getVersion(mapId, version!.id)
    expect(holdsSecret(stored!.state)).toBe(false)
    expect(Buffer.from(stored!.confidentialState!).includes(SAFETY)).toBe(true)
  })
})

describe('a map stored in layout 3', () => {
  it('has confidential plans moved out of its versions too, once, on load', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    // A version taken while the plan was in the map document; the live log no longer has it.
    const old = new Y.Doc()
    writeDialogueRecord(old, DIALOGUE_PLAN_LAYOUT, secretPlan())
    const { store } = test.server
    await store.addVersion({
      mapId,
      name: 'Old',
      kind: 'named',
      createdBy: { name: 'Trainer', role: 'facilitator' },
      state: Y.encodeStateAsUpdate(old),
      confidentialState: null,
      stakeholderCount: 0,
    })
    const db = new Database(path.join(test.config.dataDir, SQLITE_FILE_NAME))
    db.prepare('UPDATE maps SET document_layout = 3 WHERE id = ?').run(mapId)
    db.close()

    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await waitForSync(viewer)
    const [version] = await store.listVersions(mapId)
    const opened = await apiFetch(
      test,
      mapId,
      'viewer',
      `/api/maps/${mapId}/versions/${version!.id}`,
    )
    expect(opened.status).toBe(200)
    expect(holdsSecret(await body(opened))).toBe(false)
    const part = await apiFetch(
      test,
      mapId,
      'owner',
      `/api/maps/${mapId}/versions/${version!.id}/confidential`,
    )
    expect(Buffer.from(await body(part)).includes(SAFETY)).toBe(true)
  })
})
