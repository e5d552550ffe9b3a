import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  deleteDialogueRecord,
  readDialogueRecord,
  readDialogueRecords,
  writeDialogueRecord,
} from '../../../shared/document/dialogueDocument'
import { commitment, evaluation, plan } from '../dialogue/dialogueFixtures'

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('dialogue records in the map document', () => {
  it('reads back what was written, for each kind', () => {
    const doc = new Y.Doc()
    expect(writeDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, plan()).ok).toBe(true)
    expect(writeDialogueRecord(doc, COMMITMENT_LAYOUT, commitment()).ok).toBe(true)
    expect(writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation()).ok).toBe(true)
    expect(readDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, 'plan-soubre')).toEqual({
      ok: true,
      value: plan(),
      ignoredKeys: [],
    })
    expect(readDialogueRecords(doc, COMMITMENT_LAYOUT).records).toEqual([commitment()])
    expect(readDialogueRecords(doc, DIALOGUE_EVALUATION_LAYOUT).records).toEqual([evaluation()])
    expect(doc.getMap('dialoguePlans').get('plan-soubre')).toBeInstanceOf(Y.Map)
  })

  it('writes nothing invalid', () => {
    const doc = new Y.Doc()
    const result = writeDialogueRecord(doc, COMMITMENT_LAYOUT, { ...commitment(), status: 'late' })
    expect(result.ok).toBe(false)
    expect(doc.getMap('commitments').size).toBe(0)
  })

  it('keeps both edits when two people fill in different parts of one worksheet at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    writeDialogueRecord(a, DIALOGUE_PLAN_LAYOUT, plan())
    sync(a, b)
    const base = plan()
    writeDialogueRecord(a, DIALOGUE_PLAN_LAYOUT, {
      ...base,
      goal: 'Agree on a premium',
      invited: [...base.invited, { stakeholderId: 'sh-village', representedBy: null }],
    })
    writeDialogueRecord(b, DIALOGUE_PLAN_LAYOUT, {
      ...base,
      safety: 'Separate session for pickers',
      invited: [...base.invited, { stakeholderId: 'sh-ngo', representedBy: null }],
    })
    sync(a, b)
    for (const doc of [a, b]) {
      const read = readDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, 'plan-soubre')
      if (!read?.ok) throw new Error('unreadable')
      expect(read.value.goal).toBe('Agree on a premium')
      expect(read.value.safety).toBe('Separate session for pickers')
      expect(read.value.invited.map((i) => i.stakeholderId)).toEqual([
        'sh-farmers',
        'sh-ngo',
        'sh-pickers',
        'sh-village',
      ])
    }
  })

  it('lists records a peer wrote badly as invalid, and deletes records', () => {
    const doc = new Y.Doc()
    writeDialogueRecord(doc, COMMITMENT_LAYOUT, commitment())
    const broken = new Y.Map<unknown>()
    doc.getMap('commitments').set('commit-0', broken)
    broken.set('status', 'late')
    const readout = readDialogueRecords(doc, COMMITMENT_LAYOUT)
    expect(readout.records.map((c) => c.id)).toEqual(['commit-1'])
    expect(readout.invalid.map((i) => i.id)).toEqual(['commit-0'])
    expect(deleteDialogueRecord(doc, COMMITMENT_LAYOUT, 'commit-1')).toBe(true)
    expect(deleteDialogueRecord(doc, COMMITMENT_LAYOUT, 'commit-1')).toBe(false)
  })
})
