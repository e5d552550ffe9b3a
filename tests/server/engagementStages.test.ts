/**
 * A map's engagement stages (shared/dialogue/EngagementStage.ts) with the real server and the
 * published y-websocket client: owners and facilitators change the list, an editor's socket
 * that tries is closed with 1008 and a value that does not fit the schema is refused from
 * anyone; the exports and the report print a plan's stage in the map's words, a removed one
 * marked, in English and Dutch.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDialoguePlan } from '../../shared/dialogue/createDialogueRecords'
import { writeDialoguePlan } from '../../shared/document/dialogueDocument'
import {
  addEngagementStage,
  engagementStagesMap,
  readEngagementStages,
  renameEngagementStage,
  setEngagementStageRemoved,
} from '../../shared/document/engagementStageDocument'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { storageBackends } from './storageBackends'
import { apiFetch, createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const BACKENDS = await storageBackends()

describe.each(BACKENDS)('engagement stages on $name', ({ env }) => {
  it('are changed by facilitators only, checked by the server, and printed in the map’s words', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const facilitator = fixture.connectClient(test, mapId, undefined, { role: 'facilitator' })
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(facilitator), waitForSync(viewer)])
    renameEngagementStage(facilitator.doc, 'remediation', 'Herstel en verhaal')
    addEngagementStage(facilitator.doc, 'Gemeenschapsmonitoring', 'stage-community')
    setEngagementStageRemoved(facilitator.doc, 'stage-community', true)
    await waitFor(() => readEngagementStages(viewer.doc).some((stage) => stage.removed))

    // An editor may plan a dialogue, not change the list.
    const editor = fixture.connectClient(test, mapId, undefined, { role: 'editor' })
    await waitForSync(editor)
    const plan = (id: string, engagementStage: string) =>
      createDialoguePlan({ id, title: `Plan ${id}`, engagementStage })
    expect(writeDialoguePlan(editor.doc, plan('plan-a', 'remediation')).ok).toBe(true)
    expect(writeDialoguePlan(editor.doc, plan('plan-b', 'stage-community')).ok).toBe(true)
    await waitFor(() => viewer.doc.getMap('dialoguePlans').size === 2)
    const refused = nextClose(editor)
    renameEngagementStage(editor.doc, 'monitoring-indicators', 'Renamed by an editor')
    expect(await refused).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(editor)
    // Nor may anyone store what does not fit (a label of a megabyte, no version).
    const other = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    await waitForSync(other)
    const bad = nextClose(other)
    engagementStagesMap(other.doc).set('stage-bad', { label: 'x'.repeat(5000), order: 1 })
    expect(await bad).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(other)
    expect(
      readEngagementStages(viewer.doc).find((s) => s.code === 'monitoring-indicators')?.label,
    ).toBeNull()

    const get = async (file: string) =>
      (await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/${file}`)).text()
    const english = await get('dialogue-plans.csv?lang=en')
    expect(english).toContain('Herstel en verhaal')
    expect(english).toContain('Gemeenschapsmonitoring (removed from the list)')
    const dutch = await get('dialogue-plans.csv?lang=nl')
    expect(dutch).toContain('Gemeenschapsmonitoring (van de lijst gehaald)')
    const report = await get('report.html?lang=nl')
    expect(report).toContain('Herstel en verhaal')
    expect(report).toContain('Gemeenschapsmonitoring (van de lijst gehaald)')
  })
})
