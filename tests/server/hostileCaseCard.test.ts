/**
 * Issue 21, attacking our own case card: the trainers write phase 2's case (the map
 * document's `caseCard` root) with the published y-websocket client; a participant with the
 * editor link and one with the viewer link, each with a client of their own, try to rewrite
 * it, to add a field the card does not have, and to show themselves the hidden example.
 * The server refuses every one of those changes (an editor's socket is closed with 1008, a
 * viewer's updates are dropped) and keeps the trainers' case for everyone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CASE_CARD_MAP } from '../../shared/document/mapDocumentLayout'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { readCaseCard, writeCaseCardField } from '../../shared/workshop/caseCard'
import { readFacilitation, setFacilitation } from '../../shared/workshop/facilitationState'
import { createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const SECTOR = 'Cocoa and chocolate'
const RISKS = 'Child labour in the harvest; farm-gate prices below a living income'

/** A map whose case a facilitator wrote, and an editor who has received it. */
async function mapWithCase() {
  const test = await fixture.startServer()
  const mapId = await createMap(test)
  const trainer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
  await waitForSync(trainer)
  writeCaseCardField(trainer.doc, 'sector', SECTOR)
  writeCaseCardField(trainer.doc, 'risks', RISKS)
  const witness = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
  await waitForSync(witness)
  await waitFor(() => readCaseCard(witness.doc).risks === RISKS)
  return { test, mapId, trainer, witness }
}

describe('the case card, which only the trainers change', () => {
  it('reaches every participant as the trainers wrote it', async () => {
    const { test, mapId } = await mapWithCase()
    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    await waitFor(() => readCaseCard(viewer.doc).sector === SECTOR)
    expect(readCaseCard(viewer.doc).risks).toBe(RISKS)
  })

  it('closes an editor’s socket that rewrites the case, and keeps the trainers’ case', async () => {
    const { test, mapId, trainer, witness } = await mapWithCase()
    const attacker = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(attacker)
    await waitFor(() => readCaseCard(attacker.doc).sector === SECTOR)
    const closed = nextClose(attacker)
    attacker.doc.getMap(CASE_CARD_MAP).set('risks', 'No risks at all')
    expect(await closed).toBe(CloseCode.policyViolation)

    const second = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(second)
    const closedAgain = nextClose(second)
    // Deleting a field is a change of the card too.
    second.doc.getMap(CASE_CARD_MAP).delete('sector')
    expect(await closedAgain).toBe(CloseCode.policyViolation)

    const late = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(late)
    await waitFor(() => readCaseCard(late.doc).sector === SECTOR)
    for (const client of [trainer, witness, late]) {
      expect(readCaseCard(client.doc)).toMatchObject({ sector: SECTOR, risks: RISKS })
    }
  })

  it('drops a viewer’s change of the case, and refuses an editor’s showing of the example', async () => {
    const { test, mapId, trainer } = await mapWithCase()
    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    await waitFor(() => readCaseCard(viewer.doc).sector === SECTOR)
    // A viewer's socket writes nothing: the server drops its updates (and keeps it open).
    viewer.doc.getMap(CASE_CARD_MAP).set('sector', 'Fashion')
    setFacilitation(viewer.doc, 'exampleShown', true)

    const editor = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(editor)
    const editorClosed = nextClose(editor)
    setFacilitation(editor.doc, 'exampleShown', true)
    expect(await editorClosed).toBe(CloseCode.policyViolation)

    const late = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(late)
    await waitFor(() => readCaseCard(late.doc).sector === SECTOR)
    expect(readFacilitation(late.doc).exampleShown).toBe(false)
    expect(readFacilitation(trainer.doc).exampleShown).toBe(false)
    expect(readCaseCard(trainer.doc).sector).toBe(SECTOR)
    expect(viewer.wsconnected).toBe(true)
  })

  it('refuses even a trainer’s field that the card does not have', async () => {
    const { test, mapId, witness } = await mapWithCase()
    const trainer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
    await waitForSync(trainer)
    const closed = nextClose(trainer)
    trainer.doc.getMap(CASE_CARD_MAP).set('script', '<img src=x onerror=alert(1)>')
    expect(await closed).toBe(CloseCode.policyViolation)
    expect(witness.doc.getMap(CASE_CARD_MAP).has('script')).toBe(false)
  })

  it('lets a second trainer edit another field at the same time, keeping both', async () => {
    const { test, mapId, witness } = await mapWithCase()
    const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    await waitForSync(owner)
    writeCaseCardField(owner.doc, 'country', 'Côte d’Ivoire')
    await waitFor(() => readCaseCard(witness.doc).country === 'Côte d’Ivoire')
    expect(readCaseCard(witness.doc)).toMatchObject({ sector: SECTOR, risks: RISKS })
  })
})
