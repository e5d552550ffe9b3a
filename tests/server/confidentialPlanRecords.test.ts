/**
 * Hostile-client tests of what belongs to a confidential dialogue plan: the commitments made
 * in it and its evaluations (element notes, general notes, what the stakeholders said, and
 * the results an evaluation round revealed) live with the plan in the confidential document,
 * so they reach only owners and facilitators. With the published y-websocket client against
 * a real server (SQLite, and PostgreSQL when it answers): what viewers' and editors' clients
 * receive is recorded and searched, and so is every file they may download; an editor's
 * socket that writes such a record into the map document is closed with 1008, and the
 * confidential document's socket is refused to both roles; records a map document still
 * holds are moved out when the server loads it, before a viewer is sent a byte of them.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Commitment } from '../../shared/dialogue/Commitment'
import type { DialogueEvaluation } from '../../shared/dialogue/DialogueEvaluation'
import {
  createCommitment,
  createDialogueEvaluation,
  createDialoguePlan,
} from '../../shared/dialogue/createDialogueRecords'
import type { DialoguePlan } from '../../shared/dialogue/DialoguePlan'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  readMapDialogues,
  readPlanRecords,
  writeDialoguePlan,
  writeDialogueRecord,
  writePlanRecord,
} from '../../shared/document/dialogueDocument'
import { parseXlsx } from '../../shared/exchange/parseXlsx'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { MessageType } from '../../shared/protocol/messageTypes'
import type { Role } from '../../shared/protocol/roles'
import { openEvaluationRound } from '../../shared/workshop/evaluationRound'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'
import { setFacilitation } from '../../shared/workshop/facilitationState'
import { evaluationSeen, handIn, reveal, startGuest } from './ballotFixture'
import { recordingWebSocket } from './replicaChecks'
import { storageBackends } from './storageBackends'
import {
  type TestServer,
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  syncPath,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const BACKENDS = await storageBackends()

const NOW = '2026-05-12T10:00:00.000Z'
const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`
const PROMISE = `Move the pickers who reported abuse to another farm ${unique}`
const EVIDENCE = `Transfer letters kept by the union only ${unique}`
const NOTE = `The two women spoke only once the foreman had left ${unique}`
const REMARK = `We fear the cooperative's chairman will hear of this ${unique}`
const NOT_ALLOWED: Role[] = ['viewer', 'editor']

/** What gives a confidential plan's records away: the texts typed into them. */
function holdsSecret(bytes: Uint8Array | string): boolean {
  const buffer = Buffer.from(bytes)
  return [PROMISE, EVIDENCE, NOTE, REMARK].some((needle) => buffer.includes(needle))
}

function plan(id: string, confidentiality: DialoguePlan['confidentiality']): DialoguePlan {
  return createDialoguePlan({ id, title: `Plan ${id}`, confidentiality }, { now: NOW })
}

function promise(dialogueId: string, id = `commit-${dialogueId}`): Commitment {
  return createCommitment(
    { id, stakeholderId: 'sh-pickers', dialogueId, what: PROMISE, evidence: EVIDENCE },
    { now: NOW },
  )
}

function evaluation(dialogueId: string, id = `eval-${dialogueId}`): DialogueEvaluation {
  return createDialogueEvaluation(
    {
      id,
      dialogueId,
      elements: { inclusion: { result: null, notes: NOTE } },
      stakeholderRemarks: REMARK,
    },
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
  raw.socket.close()
  return frames
}

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

/** Recording viewer and editor sockets, an owner's two sockets and a facilitator's. */
async function sceneOn(env: Record<string, string>) {
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
  return { test, mapId, received, watchers, owner, ownerSecret, facilitatorSecret }
}

describe.each(BACKENDS)("a confidential plan's commitments and evaluations on $name", ({ env }) => {
  it('reach no byte a viewer or an editor receives, revealed results included, nor any file they may download', async () => {
    const { test, mapId, received, watchers, owner, ownerSecret, facilitatorSecret } =
      await sceneOn(await env())
    const options = { confidential: ownerSecret.doc }
    // An internal plan whose commitment everyone sees (so the test can tell), and a
    // confidential one with a commitment and an evaluation.
    writeDialoguePlan(owner.doc, plan('plan-open', 'internal'), options)
    const openPromise = { ...promise('plan-open'), what: 'Send the minutes', evidence: '' }
    expect(writePlanRecord(owner.doc, COMMITMENT_LAYOUT, openPromise, options).ok).toBe(true)
    writeDialoguePlan(owner.doc, plan('plan-secret', 'confidential'), options)
    expect(writePlanRecord(owner.doc, COMMITMENT_LAYOUT, promise('plan-secret'), options).ok).toBe(
      true,
    )
    const secretEvaluation = evaluation('plan-secret')
    expect(
      writePlanRecord(owner.doc, DIALOGUE_EVALUATION_LAYOUT, secretEvaluation, options).ok,
    ).toBe(true)

    // The facilitator evaluates the confidential dialogue with the group: two guests score.
    const round = openEvaluationRound(secretEvaluation.id, Date.now())
    setFacilitation(owner.doc, 'evaluation', round)
    await waitFor(() => evaluationSeen(watchers.viewer!)?.id === round.id)
    const ann = await startGuest(test, mapId, 'Ann')
    const bob = await startGuest(test, mapId, 'Bob')
    await handIn(test, mapId, round.id, { inclusion: 2, motivation: 5 }, ann.guestToken)
    await handIn(test, mapId, round.id, { inclusion: 5, motivation: 5 }, bob.guestToken)
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => evaluationSeen(watchers.viewer!)?.status === 'revealed')

    // Owners and facilitators have it all, the result written by the server into the record.
    const secretOf = (doc: Y.Doc) => readMapDialogues(new Y.Doc(), doc)
    await waitFor(
      () => secretOf(facilitatorSecret.doc).evaluations[0]?.elements.inclusion.result !== null,
    )
    const revealed = secretOf(facilitatorSecret.doc).evaluations[0]!.elements
    expect(revealed.inclusion).toEqual({
      result: { count: 2, median: 3.5, min: 2, max: 5, disagreement: true },
      notes: NOTE,
    })
    expect(secretOf(facilitatorSecret.doc).commitments).toEqual([promise('plan-secret')])
    const RESULT_TEXT = '"median":3.5'
    for (const role of NOT_ALLOWED) {
      const doc = watchers[role]!.doc
      await waitFor(() => readMapDialogues(doc, null).commitments.length === 1)
      expect(readMapDialogues(doc, null)).toMatchObject({
        plans: [plan('plan-open', 'internal')],
        commitments: [openPromise],
        evaluations: [],
      })
      // The round they see was revealed with its count, and no result.
      const seen = evaluationSeen(watchers[role]!)
      expect(seen?.submitted, role).toBe(2)
      expect(seen?.result ?? null, role).toBeNull()
      expect(received[role]!.some(holdsSecret), role).toBe(false)
      expect(
        received[role]!.some((bytes) => Buffer.from(bytes).includes(RESULT_TEXT)),
        role,
      ).toBe(false)
      expect(holdsSecret(Y.encodeStateAsUpdate(doc)), role).toBe(false)
      const raw = await fullStateOf(test, mapId, role)
      expect(raw.some(holdsSecret), `raw ${role}`).toBe(false)
      expect(
        raw.some((bytes) => bytes.includes(RESULT_TEXT)),
        `raw ${role}`,
      ).toBe(false)
      const get = (pathname: string) => apiFetch(test, mapId, role, `/api/maps/${mapId}${pathname}`)
      for (const file of ['export.json', 'commitments.csv', 'evaluations.csv', 'report.html']) {
        const plain = await get(`/${file}`)
        expect(plain.status, `${role} ${file}`).toBe(200)
        const bytes = await body(plain)
        expect(holdsSecret(bytes), `${role} ${file}`).toBe(false)
        expect((await get(`/${file}?contacts=1`)).status, `${role} ${file} contacts=1`).toBe(403)
      }
      const xlsx = parseXlsx(await body(await get('/export.xlsx')))
      if (!xlsx.ok) throw new Error('xlsx did not parse')
      expect(holdsSecret(JSON.stringify(xlsx.rows)), `${role} xlsx`).toBe(false)
    }
    // Stored: not in the map document's log, in the confidential one.
    await test.server.rooms.flushAll()
    expect(holdsSecret(Y.encodeStateAsUpdate(await storedDoc(test, mapId, 'map')))).toBe(false)
    const secretLog = await storedDoc(test, mapId, 'confidential')
    expect(readMapDialogues(new Y.Doc(), secretLog).evaluations[0]?.stakeholderRemarks).toBe(REMARK)
    // Owners get them where they get the plan: with contacts=1.
    const asOwner = (pathname: string) =>
      apiFetch(test, mapId, 'owner', `/api/maps/${mapId}${pathname}`)
    expect(holdsSecret(await body(await asOwner('/commitments.csv')))).toBe(false)
    const full = Buffer.from(await body(await asOwner('/export.json?contacts=1')))
    for (const text of [PROMISE, NOTE, REMARK]) expect(full.includes(text)).toBe(true)
    const csv = Buffer.from(await body(await asOwner('/evaluations.csv?contacts=1')))
    expect(csv.includes(REMARK)).toBe(true)
  })

  it('leave the map document with their plan when it is raised, and come back when it is lowered', async () => {
    const { test, mapId, received, watchers, owner, ownerSecret } = await sceneOn(await env())
    const options = { confidential: ownerSecret.doc }
    writeDialoguePlan(owner.doc, plan('plan-1', 'internal'), options)
    writePlanRecord(owner.doc, COMMITMENT_LAYOUT, promise('plan-1'), options)
    writePlanRecord(owner.doc, DIALOGUE_EVALUATION_LAYOUT, evaluation('plan-1'), options)
    const viewer = watchers.viewer!.doc
    await waitFor(() => readMapDialogues(viewer, null).evaluations.length === 1)
    // Raised: gone from every viewer's and editor's document and from the stored map document.
    writeDialoguePlan(owner.doc, plan('plan-1', 'confidential'), options)
    for (const role of NOT_ALLOWED) {
      const doc = watchers[role]!.doc
      await waitFor(() => readMapDialogues(doc, null).commitments.length === 0)
      await waitFor(() => readMapDialogues(doc, null).evaluations.length === 0)
      await waitFor(() => readMapDialogues(doc, null).plans.length === 0)
    }
    await test.server.rooms.flushAll()
    expect(readMapDialogues(await storedDoc(test, mapId, 'map'), null).commitments).toEqual([])
    expect(
      readMapDialogues(new Y.Doc(), await storedDoc(test, mapId, 'confidential')),
    ).toMatchObject({
      plans: [plan('plan-1', 'confidential')],
      commitments: [promise('plan-1')],
      evaluations: [evaluation('plan-1')],
    })
    // What arrives after the raise holds none of it.
    const since = received.viewer!.length
    const edited = { ...promise('plan-1'), status: 'in-progress' as const }
    expect(writePlanRecord(owner.doc, COMMITMENT_LAYOUT, edited, options).ok).toBe(true)
    await waitFor(() =>
      readPlanRecords(new Y.Doc(), COMMITMENT_LAYOUT, ownerSecret.doc).records.some(
        (c) => c.status === 'in-progress',
      ),
    )
    expect(received.viewer!.slice(since).some(holdsSecret)).toBe(false)
    // Lowered: back for everyone, as edited.
    writeDialoguePlan(owner.doc, plan('plan-1', 'internal'), options)
    await waitFor(() => readMapDialogues(viewer, null).commitments[0]?.status === 'in-progress')
    expect(readMapDialogues(viewer, null).evaluations).toEqual([evaluation('plan-1')])
  })

  it('a revealed evaluation goes with its plan when raised, results and all, and leaves the round; and comes back when lowered', async () => {
    const { test, mapId, received, watchers, owner, ownerSecret } = await sceneOn(await env())
    const options = { confidential: ownerSecret.doc }
    writeDialoguePlan(owner.doc, plan('plan-1', 'internal'), options)
    writePlanRecord(owner.doc, DIALOGUE_EVALUATION_LAYOUT, evaluation('plan-1'), options)
    const round = openEvaluationRound('eval-plan-1', Date.now())
    setFacilitation(owner.doc, 'evaluation', round)
    const viewer = watchers.viewer!
    await waitFor(() => evaluationSeen(viewer)?.id === round.id)
    const ann = await startGuest(test, mapId, 'Ann')
    await handIn(test, mapId, round.id, { inclusion: 2 }, ann.guestToken)
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(
      () => readMapDialogues(viewer.doc, null).evaluations[0]?.elements.inclusion.result !== null,
    )
    const result = readMapDialogues(viewer.doc, null).evaluations[0]!.elements.inclusion.result
    expect(evaluationSeen(viewer)?.result?.inclusion).toEqual(result)

    const since = received.viewer!.length
    writeDialoguePlan(owner.doc, plan('plan-1', 'confidential'), options)
    for (const role of NOT_ALLOWED) {
      const doc = watchers[role]!.doc
      await waitFor(() => readMapDialogues(doc, null).evaluations.length === 0)
      await waitFor(() => (evaluationSeen(watchers[role]!)?.result ?? null) === null)
      expect(evaluationSeen(watchers[role]!)?.submitted).toBe(1)
    }
    const secret = () => readMapDialogues(new Y.Doc(), ownerSecret.doc).evaluations[0]
    await waitFor(() => secret()?.elements.inclusion.result !== undefined)
    expect(secret()!.elements.inclusion).toEqual({ result, notes: NOTE })
    expect(received.viewer!.slice(since).some(holdsSecret)).toBe(false)
    expect(ownerSecret.wsconnected && owner.wsconnected).toBe(true)

    writeDialoguePlan(owner.doc, plan('plan-1', 'internal'), options)
    await waitFor(() => readMapDialogues(viewer.doc, null).evaluations.length === 1)
    expect(readMapDialogues(viewer.doc, null).evaluations[0]!.elements.inclusion).toEqual({
      result,
      notes: NOTE,
    })
    expect(ownerSecret.wsconnected && owner.wsconnected).toBe(true)
  })

  it("closes an editor's socket that writes one into the map document, and keeps both roles out of the confidential one", async () => {
    const { test, mapId, received, watchers, owner, ownerSecret } = await sceneOn(await env())
    const options = { confidential: ownerSecret.doc }
    writeDialoguePlan(owner.doc, plan('plan-secret', 'confidential'), options)
    writePlanRecord(owner.doc, COMMITMENT_LAYOUT, promise('plan-secret'), options)
    await waitFor(async () => {
      await test.server.rooms.flushAll()
      const stored = await storedDoc(test, mapId, 'confidential')
      return readMapDialogues(new Y.Doc(), stored).commitments.length === 1
    })
    // An editor who learnt the plan's id writes a commitment and an evaluation for it, and
    // changes an existing one's plan to it: each refused with 1008.
    const attacks: ((doc: Y.Doc) => void)[] = [
      (doc) => writeDialogueRecord(doc, COMMITMENT_LAYOUT, promise('plan-secret', 'commit-x')),
      (doc) =>
        writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation('plan-secret', 'eval-x')),
      (doc) => {
        const alone = {
          ...promise('plan-secret', 'commit-alone'),
          dialogueId: null,
          what: 'Call the cooperative back',
          evidence: '',
        }
        writeDialogueRecord(doc, COMMITMENT_LAYOUT, alone)
      },
    ]
    const editor = fixture.connectClient(test, mapId, undefined, { role: 'editor' })
    await waitForSync(editor)
    for (const [index, attack] of attacks.slice(0, 2).entries()) {
      const writer = index === 0 ? editor : fixture.connectClient(test, mapId, undefined, {})
      await waitForSync(writer)
      const closed = nextClose(writer)
      attack(writer.doc)
      expect(await closed, `attack ${index}`).toBe(CloseCode.policyViolation)
      fixture.disconnectClient(writer)
    }
    const writer = fixture.connectClient(test, mapId, undefined, {})
    await waitForSync(writer)
    attacks[2]!(writer.doc)
    await waitFor(() => watchers.viewer!.doc.getMap('commitments').has('commit-alone'))
    const closed = nextClose(writer)
    writer.doc
      .getMap<Y.Map<unknown>>('commitments')
      .get('commit-alone')!
      .set('dialogueId', 'plan-secret')
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(writer)
    expect(readMapDialogues(watchers.viewer!.doc, null).commitments[0]?.dialogueId).toBeNull()

    // Neither role may open the confidential document, so neither can read or change them.
    for (const role of NOT_ALLOWED) {
      const secret = fixture.connectClient(test, mapId, undefined, {
        role,
        document: 'confidential',
      })
      expect(await nextClose(secret), role).toBe(CloseCode.forbidden)
      expect(holdsSecret(Y.encodeStateAsUpdate(secret.doc)), role).toBe(false)
    }
    // A viewer's writes to the map document are dropped, as ever.
    expect(received.viewer!.some(holdsSecret)).toBe(false)
    await test.server.rooms.flushAll()
    const stored = await storedDoc(test, mapId, 'map')
    expect(holdsSecret(Y.encodeStateAsUpdate(stored))).toBe(false)
    expect(readMapDialogues(stored, null).commitments.map((c) => c.id)).toEqual(['commit-alone'])
  })

  it("refuses a made-up result in a confidential plan's evaluation, from a facilitator's socket", async () => {
    const { test, mapId, owner, ownerSecret, facilitatorSecret } = await sceneOn(await env())
    const options = { confidential: ownerSecret.doc }
    writeDialoguePlan(owner.doc, plan('plan-secret', 'confidential'), options)
    writePlanRecord(owner.doc, DIALOGUE_EVALUATION_LAYOUT, evaluation('plan-secret'), options)
    await waitFor(
      () => readMapDialogues(new Y.Doc(), facilitatorSecret.doc).evaluations.length === 1,
    )
    const closed = nextClose(facilitatorSecret)
    const fake = { count: 9, median: 5, min: 5, max: 5, disagreement: false }
    const elements = facilitatorSecret.doc
      .getMap<Y.Map<unknown>>('dialogueEvaluations')
      .get('eval-plan-secret')!
      .get('elements') as Y.Map<unknown>
    elements.set('inclusion', { result: fake, notes: NOTE })
    expect(await closed).toBe(CloseCode.policyViolation)
    // A new record with results: refused as well.
    const again = fixture.connectClient(test, mapId, undefined, {
      role: 'owner',
      document: 'confidential',
    })
    await waitForSync(again)
    const refused = nextClose(again)
    const made = evaluation('plan-secret', 'eval-made')
    made.elements.inclusion = { result: fake, notes: '' }
    writeDialogueRecord(again.doc, DIALOGUE_EVALUATION_LAYOUT, made)
    expect(await refused).toBe(CloseCode.policyViolation)
  })

  it('moves those a stored map document still holds before a viewer is sent them', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    // As an earlier server stored them: the plan already in the confidential document, its
    // commitment and evaluation still in the map document.
    const old = new Y.Doc()
    writeDialogueRecord(old, COMMITMENT_LAYOUT, promise('plan-secret'))
    writeDialogueRecord(old, DIALOGUE_EVALUATION_LAYOUT, evaluation('plan-secret'))
    writeDialogueRecord(old, COMMITMENT_LAYOUT, {
      ...promise('plan-gone'),
      what: 'Plain',
      evidence: '',
    })
    const oldSecret = new Y.Doc()
    writeDialogueRecord(oldSecret, DIALOGUE_PLAN_LAYOUT, plan('plan-secret', 'confidential'))
    const { store } = test.server
    await store.appendUpdates(mapId, [Y.encodeStateAsUpdate(old)])
    await store.appendUpdates(mapId, [Y.encodeStateAsUpdate(oldSecret)], 'confidential')

    const received: Uint8Array[] = []
    const viewer = fixture.connectClient(test, mapId, undefined, {
      role: 'viewer',
      WebSocketPolyfill: recordingWebSocket(received) as unknown as typeof globalThis.WebSocket,
    })
    await waitForSync(viewer)
    expect(received.length).toBeGreaterThan(0)
    expect(received.some(holdsSecret)).toBe(false)
    expect(readMapDialogues(viewer.doc, null).commitments.map((c) => c.id)).toEqual([
      'commit-plan-gone',
    ])
    expect((await fullStateOf(test, mapId, 'editor')).some(holdsSecret)).toBe(false)
    const ownerSecret = fixture.connectClient(test, mapId, undefined, {
      role: 'owner',
      document: 'confidential',
    })
    await waitForSync(ownerSecret)
    const secret = readMapDialogues(new Y.Doc(), ownerSecret.doc)
    expect(secret.commitments).toEqual([promise('plan-secret')])
    expect(secret.evaluations).toEqual([evaluation('plan-secret')])
    expect(holdsSecret(Y.encodeStateAsUpdate(await storedDoc(test, mapId, 'map')))).toBe(false)
  })
})

describe('a map stored in layout 4', () => {
  it("has a confidential plan's commitments and evaluations moved out of its versions, on load", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    // A version taken after the plan moved, before its records followed it.
    const map = new Y.Doc()
    writeDialogueRecord(map, COMMITMENT_LAYOUT, promise('plan-secret'))
    writeDialogueRecord(map, DIALOGUE_EVALUATION_LAYOUT, evaluation('plan-secret'))
    const secret = new Y.Doc()
    writeDialogueRecord(secret, DIALOGUE_PLAN_LAYOUT, plan('plan-secret', 'confidential'))
    const { store } = test.server
    await store.addVersion({
      mapId,
      name: 'Old',
      kind: 'named',
      createdBy: { name: 'Trainer', role: 'facilitator' },
      state: Y.encodeStateAsUpdate(map),
      confidentialState: Y.encodeStateAsUpdate(secret),
      stakeholderCount: 0,
    })
    const db = new Database(path.join(test.config.dataDir, SQLITE_FILE_NAME))
    db.prepare('UPDATE maps SET document_layout = 4 WHERE id = ?').run(mapId)
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
    expect(Buffer.from(await body(part)).includes(REMARK)).toBe(true)
  })
})
