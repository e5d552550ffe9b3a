/**
 * The dialogue-evaluation round (phase 4 of the SER workshop): every participant scores the
 * nine SER elements privately over the ballot API, the server counts and, at the reveal,
 * writes each element's median and spread into the round and into the evaluation record,
 * then deletes the ballots. With the real server on every storage engine, the published
 * y-websocket client and HTTP; and attacked with the editor's and viewer's links and a
 * facilitator's socket, which must neither read a ballot nor rig a count or a result.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { DialogueEvaluation } from '../../shared/dialogue/DialogueEvaluation'
import { createDialogueEvaluation } from '../../shared/dialogue/createDialogueRecords'
import {
  DIALOGUE_EVALUATION_LAYOUT,
  readDialogueRecord,
  recordsMap,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import {
  DIALOGUE_EVALUATIONS_MAP,
  FACILITATION_MAP,
  WORKSHOP_MAP,
} from '../../shared/document/mapDocumentLayout'
import { withoutResults } from '../../shared/exchange/importMapJson'
import { ballotsPath } from '../../shared/protocol/ballotApi'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { openEvaluationRound } from '../../shared/workshop/evaluationRound'
import { evaluationRoundId } from '../../shared/workshop/workshopIds'
import {
  countSeen,
  evaluationSeen,
  handIn,
  myBallot,
  openEvaluation,
  putBallot,
  reveal,
  startGuest,
} from './ballotFixture'
import { storageBackends } from './storageBackends'
import {
  type TestServer,
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** The refusal's code of an API answer. */
async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code
}

/** A WebSocket class for the y-websocket client that records every frame it receives. */
function recordingWebSocket(frames: Buffer[]): typeof globalThis.WebSocket {
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        frames.push(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer))
      })
    }
  }
  return Recording as unknown as typeof globalThis.WebSocket
}

/** The evaluation as `client`'s document holds it (validated). */
function evaluationOf(client: WebsocketProvider, id = 'eval-1'): DialogueEvaluation {
  const read = readDialogueRecord(client.doc, DIALOGUE_EVALUATION_LAYOUT, id)
  if (read === null || !read.ok) throw new Error(`no valid evaluation ${id}`)
  return read.value
}

/** A facilitator and a viewer (`witness`) on a fresh map, both synced. */
async function workshop(test: TestServer, mapId: string, frames?: Buffer[]) {
  const facilitator = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
  const witness = fixture.connectClient(test, mapId, new Y.Doc(), {
    role: 'viewer',
    ...(frames && { WebSocketPolyfill: recordingWebSocket(frames) }),
  })
  await waitForSync(facilitator)
  await waitForSync(witness)
  return { facilitator, witness }
}

/** A socket of `role` that writes `write` into its document; resolves with its close code. */
async function closeCodeOfWrite(
  test: TestServer,
  mapId: string,
  role: 'editor' | 'facilitator',
  write: (doc: Y.Doc) => void,
): Promise<number> {
  const script = fixture.connectClient(test, mapId, new Y.Doc(), { role })
  await waitForSync(script)
  const closed = nextClose(script)
  write(script.doc)
  const code = await closed
  fixture.disconnectClient(script)
  return code
}

/** The `elements` Y.Map of evaluation `id` in `doc`. */
function elementsOf(doc: Y.Doc, id = 'eval-1'): Y.Map<unknown> {
  const fields = recordsMap(doc, DIALOGUE_EVALUATION_LAYOUT).get(id)
  return fields!.get('elements') as Y.Map<unknown>
}

describe.each(await storageBackends())('dialogue evaluation rounds on $name', ({ env }) => {
  it('counts without showing a score, reveals each element’s exact median and spread into the round and the evaluation, and deletes the ballots', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const frames: Buffer[] = []
    const { facilitator, witness } = await workshop(test, mapId, frames)
    const [ann, bram] = [
      await startGuest(test, mapId, 'Ann'),
      await startGuest(test, mapId, 'Bram'),
    ]
    const round = await openEvaluation(facilitator, witness)
    // The group's note on an element, written before the reveal, stays.
    const elements = elementsOf(facilitator.doc)
    elements.set('motivation', { result: null, notes: 'Everyone wanted to come' })

    const first = { motivation: 2, commitment: 5, inclusion: 4 }
    expect((await handIn(test, mapId, round.id, first, ann.guestToken)).submitted).toBe(1)
    // Ann changes her mind until the reveal: still one ballot of hers.
    const annsBallot = { motivation: 3, commitment: 5, inclusion: 4 }
    await handIn(test, mapId, round.id, annsBallot, ann.guestToken)
    const bramsBallot = { motivation: 4, commitment: 1, knowledge: null }
    expect((await handIn(test, mapId, round.id, bramsBallot, bram.guestToken)).submitted).toBe(2)
    await waitFor(() => countSeen(witness) === 2)
    expect((await myBallot(test, mapId, round.id, ann.guestToken)).ballot).toMatchObject(annsBallot)
    expect((await myBallot(test, mapId, round.id, bram.guestToken)).ballot).toMatchObject({
      motivation: 4,
      knowledge: null,
    })

    // Before the reveal the viewer has the count, no score: not in its document …
    await waitFor(() => evaluationOf(witness).elements.motivation.notes !== '')
    expect(
      Object.keys(witness.doc.getMap(FACILITATION_MAP).get('evaluation') as object).sort(),
    ).toEqual(['evaluationId', 'id', 'openedAt', 'status'])
    expect(witness.doc.getMap(FACILITATION_MAP).get('ballotCount')).toEqual({
      roundId: round.id,
      submitted: 2,
    })
    expect(witness.doc.getMap(WORKSHOP_MAP).size).toBe(0)
    for (const { result } of Object.values(evaluationOf(witness).elements))
      expect(result).toBeNull()
    // … nor in any frame it received: no voter, no ballot as the server keeps it.
    const received = Buffer.concat(frames)
    expect(frames.length).toBeGreaterThan(0)
    for (const needle of [ann.guest.id, bram.guest.id, JSON.stringify(annsBallot), '"motivation":'])
      expect(received.includes(needle), needle).toBe(false)

    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => evaluationSeen(witness)?.status === 'revealed')
    const revealed = evaluationSeen(witness)!
    expect(revealed.submitted).toBe(2)
    const expected = {
      motivation: { count: 2, median: 3.5, min: 3, max: 4, disagreement: false },
      commitment: { count: 2, median: 3, min: 1, max: 5, disagreement: true },
      inclusion: { count: 1, median: 4, min: 4, max: 4, disagreement: false },
      knowledge: { count: 0, median: null, min: null, max: null, disagreement: false },
    }
    expect(revealed.result).toMatchObject(expected)
    await waitFor(() => evaluationOf(witness).elements.motivation.result !== null)
    const evaluation = evaluationOf(witness)
    for (const [element, result] of Object.entries(expected))
      expect(evaluation.elements[element as keyof typeof evaluation.elements].result).toEqual(
        result,
      )
    expect(evaluation.elements.motivation.notes).toBe('Everyone wanted to come')
    // The ballots are gone from the database: the ballots table holds nothing of the map.
    expect(await test.server.store.ballots.roundsWithBallots(mapId)).toEqual([])
    expect(await test.server.store.ballots.countBallots(mapId, round.id)).toBe(0)
    // Revealed: no more ballots for it.
    const late = await putBallot(test, mapId, round.id, { motivation: 1 }, ann.guestToken)
    expect(late.status).toBe(409)
    expect(await codeOf(late)).toBe('round-not-open')
    expect(facilitator.wsconnected).toBe(true)
  })

  it('discards a round with its ballots, leaving the evaluation without results', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const { facilitator, witness } = await workshop(test, mapId)
    const ann = await startGuest(test, mapId, 'Ann')
    const round = await openEvaluation(facilitator, witness)
    await handIn(test, mapId, round.id, { knowledge: 5 }, ann.guestToken)
    const discarded = await apiFetch(test, mapId, 'facilitator', ballotsPath(mapId, round.id), {
      method: 'DELETE',
    })
    expect(discarded.status).toBe(200)
    await waitFor(() => evaluationSeen(witness) === null)
    expect(await test.server.store.ballots.roundsWithBallots(mapId)).toEqual([])
    expect(evaluationOf(witness).elements.knowledge.result).toBeNull()
    const late = await putBallot(test, mapId, round.id, { knowledge: 1 }, ann.guestToken)
    expect(await codeOf(late)).toBe('round-not-open')
  })
})

describe('a participant attacking the evaluation round', () => {
  it('cannot hand in outside an open evaluation round, out of range, without an identity or with the viewer link', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, witness } = await workshop(test, mapId)
    const mallory = await startGuest(test, mapId, 'Mallory')
    // No round open: an id of the right form, or one of a round never opened, is refused.
    const never = await putBallot(
      test,
      mapId,
      evaluationRoundId(Date.now()),
      { motivation: 5 },
      mallory.guestToken,
    )
    expect(never.status).toBe(409)
    expect(await codeOf(never)).toBe('round-not-open')

    const round = await openEvaluation(facilitator, witness)
    for (const ballot of [
      { motivation: 6 },
      { motivation: 0 },
      { knowledge: -1 },
      { inclusion: '5' },
      { collaboration: Number.MAX_VALUE },
      [5, 5, 5],
      'five',
    ]) {
      const refused = await putBallot(test, mapId, round.id, ballot, mallory.guestToken)
      expect(refused.status, JSON.stringify(ballot)).toBe(400)
      expect(await codeOf(refused)).toBe('invalid-ballot')
    }
    // A ballot for another open round's id is not one for this round.
    const otherId = await putBallot(
      test,
      mapId,
      evaluationRoundId(round.openedAt + 1),
      { motivation: 5 },
      mallory.guestToken,
    )
    expect(otherId.status).toBe(409)
    // A link alone, or the viewer's link, takes no part; an editor cannot reveal.
    const tokenOnly = await putBallot(test, mapId, round.id, { motivation: 5 }, null)
    expect(tokenOnly.status).toBe(403)
    expect(await codeOf(tokenOnly)).toBe('ballot-needs-identity')
    const vera = await startGuest(test, mapId, 'Vera', 'viewer')
    const viewing = await putBallot(
      test,
      mapId,
      round.id,
      { motivation: 5 },
      vera.guestToken,
      'viewer',
    )
    expect(viewing.status).toBe(403)
    expect((await reveal(test, mapId, round.id, 'editor')).status).toBe(403)
    expect(evaluationSeen(witness)?.status).toBe('open')
    expect(await test.server.store.ballots.countBallots(mapId, round.id)).toBe(0)
    expect(countSeen(witness)).toBe(0)
  })

  it('cannot write an element result, or the round’s count or result, with a socket; notes still go through', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, witness } = await workshop(test, mapId)
    const ann = await startGuest(test, mapId, 'Ann')
    const round = await openEvaluation(facilitator, witness)
    await handIn(test, mapId, round.id, { motivation: 2 }, ann.guestToken)
    await waitFor(() => countSeen(witness) === 1)
    const faked = { count: 12, median: 5, min: 5, max: 5, disagreement: false }

    // An editor's socket faking an element's result: closed, nothing stored.
    const fake = (doc: Y.Doc) => elementsOf(doc).set('motivation', { result: faked, notes: '' })
    expect(await closeCodeOfWrite(test, mapId, 'editor', fake)).toBe(CloseCode.policyViolation)
    // Nor a facilitator's.
    expect(await closeCodeOfWrite(test, mapId, 'facilitator', fake)).toBe(CloseCode.policyViolation)
    // Nor by a new evaluation that comes with results.
    const withResults = (doc: Y.Doc) => {
      const evaluation = createDialogueEvaluation({
        id: 'eval-2',
        elements: { knowledge: { result: faked, notes: '' } },
      })
      writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation)
    }
    expect(await closeCodeOfWrite(test, mapId, 'editor', withResults)).toBe(
      CloseCode.policyViolation,
    )
    // The round's count, result or reveal, or the running count: a facilitator's socket neither.
    const held = evaluationSeen(witness)!
    const roundForgeries: object[] = [
      { ...held, submitted: 9 },
      { ...held, status: 'revealed' },
      { ...held, result: { motivation: faked } },
      { ...openEvaluationRound('eval-1', Date.now()), result: { motivation: faked } },
    ]
    for (const forged of roundForgeries) {
      const write = (doc: Y.Doc) => doc.getMap(FACILITATION_MAP).set('evaluation', forged)
      expect(await closeCodeOfWrite(test, mapId, 'facilitator', write)).toBe(
        CloseCode.policyViolation,
      )
    }
    const count = (doc: Y.Doc) =>
      doc.getMap(FACILITATION_MAP).set('ballotCount', { roundId: round.id, submitted: 30 })
    expect(await closeCodeOfWrite(test, mapId, 'facilitator', count)).toBe(
      CloseCode.policyViolation,
    )
    // An editor's socket on the round itself: refused as for any facilitation change.
    const editorRound = (doc: Y.Doc) =>
      doc.getMap(FACILITATION_MAP).set('evaluation', { ...held, submitted: 9 })
    expect(await closeCodeOfWrite(test, mapId, 'editor', editorRound)).toBe(
      CloseCode.policyViolation,
    )
    expect(evaluationSeen(witness)).toMatchObject({ id: round.id, status: 'open' })
    expect(countSeen(witness)).toBe(1)
    expect(witness.doc.getMap(DIALOGUE_EVALUATIONS_MAP).has('eval-2')).toBe(false)
    expect(evaluationOf(witness).elements.motivation.result).toBeNull()

    // An editor's notes go through, before and after the reveal.
    const editor = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(editor)
    elementsOf(editor.doc).set('knowledge', { result: null, notes: 'Too little shared' })
    await waitFor(() => evaluationOf(witness).elements.knowledge.notes === 'Too little shared')
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => evaluationOf(editor).elements.motivation.result !== null)
    const stored = evaluationOf(editor).elements.motivation
    expect(stored.result).toEqual({ count: 1, median: 2, min: 2, max: 2, disagreement: false })
    elementsOf(editor.doc).set('motivation', { ...stored, notes: 'Low, say why' })
    await waitFor(() => evaluationOf(witness).elements.motivation.notes === 'Low, say why')
    expect(editor.wsconnected).toBe(true)
    fixture.disconnectClient(editor)
    // Erasing or changing the revealed result is refused.
    const erase = (doc: Y.Doc) => elementsOf(doc).set('motivation', { result: null, notes: '' })
    expect(await closeCodeOfWrite(test, mapId, 'editor', erase)).toBe(CloseCode.policyViolation)
    const change = (doc: Y.Doc) =>
      elementsOf(doc).set('motivation', { result: { ...stored.result, median: 5 }, notes: '' })
    expect(await closeCodeOfWrite(test, mapId, 'editor', change)).toBe(CloseCode.policyViolation)
    expect(evaluationOf(witness).elements.motivation.result).toEqual(stored.result)
    expect(facilitator.wsconnected).toBe(true)
  })

  it("refuses an owner's socket changing a result or bringing in a new evaluation with results (as an import would)", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, witness } = await workshop(test, mapId)
    const ann = await startGuest(test, mapId, 'Ann')
    const round = await openEvaluation(facilitator, witness)
    await handIn(test, mapId, round.id, { inclusion: 4 }, ann.guestToken)
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => evaluationOf(witness).elements.inclusion.result !== null)
    const revealed = evaluationOf(witness).elements.inclusion

    // An owner's socket changing a revealed result: refused like anyone's.
    const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    await waitForSync(owner)
    const closed = nextClose(owner)
    elementsOf(owner.doc).set('inclusion', { ...revealed, result: { ...revealed.result, max: 1 } })
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(owner)
    expect(evaluationOf(witness).elements.inclusion).toEqual(revealed)

    // A new record with results from the owner (over the socket, as an import writes): refused,
    // since a result comes only from the server's ballots. Without results it goes through.
    const importer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    await waitForSync(importer)
    const refused = nextClose(importer)
    const imported = createDialogueEvaluation({
      id: 'eval-imported',
      elements: { knowledge: { result: revealed.result, notes: 'From the export' } },
    })
    expect(writeDialogueRecord(importer.doc, DIALOGUE_EVALUATION_LAYOUT, imported).ok).toBe(true)
    expect(await refused).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(importer)
    const honest = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    await waitForSync(honest)
    const notesOnly = { ...imported, id: 'eval-notes', elements: withoutResults(imported).elements }
    expect(writeDialogueRecord(honest.doc, DIALOGUE_EVALUATION_LAYOUT, notesOnly).ok).toBe(true)
    await waitFor(() => witness.doc.getMap(DIALOGUE_EVALUATIONS_MAP).has('eval-notes'))
    expect(witness.doc.getMap(DIALOGUE_EVALUATIONS_MAP).has('eval-imported')).toBe(false)
    expect(evaluationOf(witness, 'eval-notes').elements.knowledge).toEqual({
      result: null,
      notes: 'From the export',
    })
    expect(honest.wsconnected).toBe(true)
  })
})
