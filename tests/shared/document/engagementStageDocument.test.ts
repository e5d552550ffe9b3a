import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_ENGAGEMENT_STAGES } from '../../../shared/dialogue/dialogueVocabulary'
import { migrateEngagementStage } from '../../../shared/dialogue/migrateDialogueRecords'
import {
  addEngagementStage,
  engagementStagesMap,
  readEngagementStages,
  renameEngagementStage,
  setEngagementStageRemoved,
} from '../../../shared/document/engagementStageDocument'
import { engagementStageLabel } from '../../../shared/labels/dialogueLabels'

const listed = (doc: Y.Doc) => readEngagementStages(doc).filter((stage) => !stage.removed)

describe("a map's engagement stages", () => {
  it('are the CSDDD defaults, in their own words in each language, while nothing is stored', () => {
    const doc = new Y.Doc()
    expect(readEngagementStages(doc).map((stage) => stage.code)).toEqual([
      ...DEFAULT_ENGAGEMENT_STAGES,
    ])
    const stages = readEngagementStages(doc)
    expect(engagementStageLabel('en', 'remediation', stages)).toBe('Remediation')
    expect(engagementStageLabel('nl', 'remediation', stages)).toBe('Herstel')
    expect(engagementStagesMap(doc).size).toBe(0)
  })

  it('rename, add, remove and put back; a removed stage keeps its words, marked', () => {
    const doc = new Y.Doc()
    renameEngagementStage(doc, 'remediation', 'Herstel en verhaal')
    expect(engagementStageLabel('en', 'remediation', listed(doc))).toBe('Herstel en verhaal')
    // Emptied, a default stage has its own words back.
    renameEngagementStage(doc, 'remediation', '  ')
    expect(engagementStageLabel('en', 'remediation', listed(doc))).toBe('Remediation')
    const added = addEngagementStage(doc, 'Stakeholder mapping', 'stage-mapping')
    expect(added).toEqual({ ok: true, code: 'stage-mapping' })
    expect(listed(doc).at(-1)).toMatchObject({ code: 'stage-mapping', builtIn: false })
    expect(engagementStageLabel('nl', 'stage-mapping', listed(doc))).toBe('Stakeholder mapping')
    setEngagementStageRemoved(doc, 'stage-mapping', true)
    setEngagementStageRemoved(doc, 'action-plans', true)
    expect(listed(doc).map((stage) => stage.code)).not.toContain('action-plans')
    expect(engagementStageLabel('nl', 'stage-mapping', readEngagementStages(doc))).toBe(
      'Stakeholder mapping (van de lijst gehaald)',
    )
    expect(engagementStageLabel('en', 'action-plans', readEngagementStages(doc))).toBe(
      'Developing prevention and corrective action plans (removed from the list)',
    )
    setEngagementStageRemoved(doc, 'action-plans', false)
    expect(listed(doc).map((stage) => stage.code)).toContain('action-plans')
    expect(renameEngagementStage(doc, 'stage-unknown', 'x')).toEqual({
      ok: false,
      reason: 'no-such-stage',
    })
  })

  it('skips stored values that do not fit, and refuses a newer version', () => {
    const doc = new Y.Doc()
    engagementStagesMap(doc).set('stage-bad', { label: 'No version', order: 9, removed: false })
    engagementStagesMap(doc).set('not a code', {
      schemaVersion: 1,
      label: 'x',
      order: 9,
      removed: false,
    })
    expect(readEngagementStages(doc).map((stage) => stage.code)).toEqual([
      ...DEFAULT_ENGAGEMENT_STAGES,
    ])
    const newer = migrateEngagementStage({
      schemaVersion: 2,
      label: null,
      order: 0,
      removed: false,
    })
    expect(newer.ok).toBe(false)
    expect(
      migrateEngagementStage({ schemaVersion: 1, label: null, order: 0, removed: false }).ok,
    ).toBe(true)
  })

  it("two people's changes to different stages are both kept", () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    renameEngagementStage(a, 'remediation', 'Herstel')
    addEngagementStage(b, 'Monitoring door de gemeenschap', 'stage-community')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(readEngagementStages(a)).toEqual(readEngagementStages(b))
    expect(readEngagementStages(a).map((s) => s.label)).toContain('Monitoring door de gemeenschap')
  })
})
