/**
 * Dialogue records over the wire (issue 21): an editor's plan, commitment and evaluation,
 * written with the shared layout through the published y-websocket client, are stored and
 * reach everyone; a viewer's are dropped; a structure the layout never writes is refused.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  readDialogueRecords,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { commitment, evaluation, plan } from '../shared/dialogue/dialogueFixtures'
import { createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/**
 * The fixture's evaluation as an editor may write it: notes, no results (those are the
 * server's, written at the reveal of an evaluation round; evaluationBallots.test.ts).
 */
function editorsEvaluation() {
  const full = evaluation()
  const elements = Object.fromEntries(
    Object.entries(full.elements).map(([code, element]) => [code, { ...element, result: null }]),
  ) as typeof full.elements
  return { ...full, elements }
}

async function storedDoc(test: TestServer, mapId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of (await test.server.store.loadUpdates(mapId, 'map')).updates) {
    Y.applyUpdate(doc, update)
  }
  return doc
}

describe('dialogue records', () => {
  it("stores an editor's records and drops a viewer's", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(editor), waitForSync(viewer)])

    writeDialogueRecord(viewer.doc, COMMITMENT_LAYOUT, { ...commitment(), id: 'by-viewer' })
    writeDialogueRecord(editor.doc, DIALOGUE_PLAN_LAYOUT, plan())
    writeDialogueRecord(editor.doc, COMMITMENT_LAYOUT, commitment())
    writeDialogueRecord(editor.doc, DIALOGUE_EVALUATION_LAYOUT, editorsEvaluation())
    await waitFor(() => viewer.doc.getMap('dialogueEvaluations').has('eval-1'))
    await test.server.rooms.flushAll()

    const stored = await storedDoc(test, mapId)
    expect(readDialogueRecords(stored, DIALOGUE_PLAN_LAYOUT).records).toEqual([plan()])
    expect(readDialogueRecords(stored, COMMITMENT_LAYOUT).records).toEqual([commitment()])
    expect(readDialogueRecords(stored, DIALOGUE_EVALUATION_LAYOUT).records).toEqual([
      editorsEvaluation(),
    ])
    expect(editor.doc.getMap('commitments').has('by-viewer')).toBe(false)
    expect(editor.wsconnected).toBe(true)
  })

  it('refuses a nested map where a dialogue record holds plain values, with 1008', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    await waitForSync(editor)
    const closed = nextClose(editor)
    editor.doc.transact(() => {
      const record = new Y.Map<unknown>()
      editor.doc.getMap('commitments').set('commit-1', record)
      record.set('evidence', new Y.Map())
    })
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(editor)
    expect((await storedDoc(test, mapId)).getMap('commitments').size).toBe(0)
  })
})
