/**
 * Self-assessments over the wire (issue 21, "before the workshop"): an editor's, written with
 * the shared layout through the published y-websocket client, is stored and reaches everyone;
 * a viewer's write, new or a change of a rating, never reaches the store or anyone else; a
 * structure the layout never writes is refused with 1008. The export API serves it to every
 * role: its own CSV file and the report's chapter, in the language asked for.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDialogueRecord, writeDialogueRecord } from '../../shared/document/dialogueDocument'
import {
  SELF_ASSESSMENT_LAYOUT,
  readSelfAssessments,
} from '../../shared/document/selfAssessmentDocument'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { selfAssessment } from '../shared/selfAssessment/selfAssessmentFixture'
import { apiFetch, createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

async function storedDoc(test: TestServer, mapId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of (await test.server.store.loadUpdates(mapId, 'map')).updates) {
    Y.applyUpdate(doc, update)
  }
  return doc
}

describe('self-assessments', () => {
  it("stores an editor's self-assessment and drops a viewer's new one and changed rating", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(editor), waitForSync(viewer)])

    writeDialogueRecord(editor.doc, SELF_ASSESSMENT_LAYOUT, selfAssessment())
    await waitFor(() => viewer.doc.getMap('selfAssessments').has('sa-cocoa'))
    // The viewer's copy changes locally; the server must keep it from everyone else.
    writeDialogueRecord(viewer.doc, SELF_ASSESSMENT_LAYOUT, {
      ...selfAssessment(),
      id: 'by-viewer',
    })
    const current = readDialogueRecord(viewer.doc, SELF_ASSESSMENT_LAYOUT, 'sa-cocoa')
    if (!current?.ok) throw new Error('viewer could not read the assessment')
    writeDialogueRecord(viewer.doc, SELF_ASSESSMENT_LAYOUT, {
      ...current.value,
      elements: { ...current.value.elements, inclusion: { rating: 'green', note: 'all fine' } },
    })
    // A later write by the editor arrives after the viewer's would have.
    writeDialogueRecord(editor.doc, SELF_ASSESSMENT_LAYOUT, { ...selfAssessment(), notes: 'later' })
    await waitFor(() => readSelfAssessments(viewer.doc).some((each) => each.notes === 'later'))
    await test.server.rooms.flushAll()

    const stored = readSelfAssessments(await storedDoc(test, mapId))
    expect(stored).toEqual([{ ...selfAssessment(), notes: 'later' }])
    expect(stored[0]!.elements.inclusion.rating).toBe('orange')
    expect(editor.doc.getMap('selfAssessments').has('by-viewer')).toBe(false)
    expect(readSelfAssessments(editor.doc)[0]!.elements.inclusion.rating).toBe('orange')
    expect(editor.wsconnected).toBe(true)
  })

  it('refuses an element the model does not have, with 1008', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    writeDialogueRecord(
      fixture.connectClient(test, mapId).doc,
      SELF_ASSESSMENT_LAYOUT,
      selfAssessment(),
    )
    const editor = fixture.connectClient(test, mapId)
    await waitForSync(editor)
    await waitFor(() => editor.doc.getMap('selfAssessments').has('sa-cocoa'))
    const closed = nextClose(editor)
    const fields = editor.doc.getMap<Y.Map<unknown>>('selfAssessments').get('sa-cocoa')!
    ;(fields.get('elements') as Y.Map<unknown>).set('luck', { rating: 'green', note: '' })
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(editor)
    await test.server.rooms.flushAll()
    const stored = (await storedDoc(test, mapId)).getMap<Y.Map<unknown>>('selfAssessments')
    expect((stored.get('sa-cocoa')!.get('elements') as Y.Map<unknown>).has('luck')).toBe(false)
  })

  it('serves its CSV file and report chapter to a viewer, in Dutch and English', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    await waitForSync(editor)
    writeDialogueRecord(editor.doc, SELF_ASSESSMENT_LAYOUT, selfAssessment())
    await test.server.rooms.flushAll()
    const get = async (pathname: string) => {
      const response = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}${pathname}`)
      expect(response.status, pathname).toBe(200)
      return response.text()
    }
    const nl = await get('/self-assessments.csv?lang=nl')
    expect(nl).toContain('Oranje: aandacht nodig')
    expect(nl).toContain('Inclusie')
    expect(await get('/self-assessments.csv?lang=en')).toContain('Red: missing')
    const report = await get('/report.html?lang=en')
    expect(report).toContain('9. Self-assessments')
    expect(report).toContain('Cocoa Trading BV')
  })
})
