import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  deleteDialoguePlan,
  deleteDialogueRecord,
  readDialoguePlan,
  readDialoguePlans,
  readDialogueRecord,
  readDialogueRecords,
  readMapDialogues,
  readPlanRecords,
  deletePlanRecord,
  moveRecordsOfPlan,
  writeDialoguePlan,
  writeDialogueRecord,
  writePlanRecord,
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

describe('confidential plans in the confidential document', () => {
  const SAFETY = 'Pickers named here could lose their work'
  const secretPlan = () => ({ ...plan(), confidentiality: 'confidential' as const, safety: SAFETY })
  const holds = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(text)

  it('writes a confidential plan to the confidential document only', () => {
    const doc = new Y.Doc({ gc: true })
    const confidential = new Y.Doc()
    expect(writeDialoguePlan(doc, secretPlan(), { confidential }).ok).toBe(true)
    expect(doc.getMap('dialoguePlans').size).toBe(0)
    for (const text of [SAFETY, plan().title, 'sh-pickers']) expect(holds(doc, text)).toBe(false)
    expect(confidential.getMap('dialoguePlans').get('plan-soubre')).toBeInstanceOf(Y.Map)
    expect(readDialoguePlan(doc, 'plan-soubre', confidential)).toEqual({
      ok: true,
      value: secretPlan(),
      ignoredKeys: [],
    })
    // Without the confidential document (an editor, a viewer) there is no such plan.
    expect(readDialoguePlan(doc, 'plan-soubre', null)).toBeNull()
    expect(readDialoguePlans(doc, null).records).toEqual([])
    expect(readMapDialogues(doc, confidential).plans).toEqual([secretPlan()])
  })

  it('refuses a confidential plan without the confidential document, writing nothing', () => {
    const doc = new Y.Doc()
    writeDialoguePlan(doc, plan())
    const before = Y.encodeStateAsUpdate(doc)
    const refused = writeDialoguePlan(doc, secretPlan())
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.errors.map(({ path, code }) => ({ path, code }))).toEqual([
        { path: 'confidentiality', code: 'confidential' },
      ])
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(readDialoguePlans(doc, null).records).toEqual([plan()])
  })

  it('moves a plan when its level changes, in one write each way', () => {
    const doc = new Y.Doc({ gc: true })
    const confidential = new Y.Doc({ gc: true })
    const options = { confidential }
    writeDialoguePlan(doc, plan(), options)
    expect(doc.getMap('dialoguePlans').has('plan-soubre')).toBe(true)
    expect(writeDialoguePlan(doc, secretPlan(), options).ok).toBe(true)
    expect(doc.getMap('dialoguePlans').has('plan-soubre')).toBe(false)
    expect(holds(doc, SAFETY)).toBe(false)
    expect(holds(doc, 'sh-pickers')).toBe(false)
    expect(readDialoguePlans(doc, confidential).records).toEqual([secretPlan()])
    const internal = { ...secretPlan(), confidentiality: 'internal' as const }
    expect(writeDialoguePlan(doc, internal, options).ok).toBe(true)
    expect(confidential.getMap('dialoguePlans').has('plan-soubre')).toBe(false)
    expect(readDialoguePlans(doc, null).records).toEqual([internal])
    expect(readDialoguePlans(doc, confidential).records).toEqual([internal])
  })

  it('reads both documents, a plan in both once (its confidential copy), in id order', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeDialoguePlan(doc, { ...plan(), id: 'plan-b' })
    writeDialoguePlan(doc, { ...secretPlan(), id: 'plan-a' }, { confidential })
    // Moving: written to the confidential document, not yet deleted from the map document.
    writeDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, { ...plan(), id: 'plan-c' })
    writeDialogueRecord(confidential, DIALOGUE_PLAN_LAYOUT, { ...secretPlan(), id: 'plan-c' })
    const read = readDialoguePlans(doc, confidential).records
    expect(read.map((each) => [each.id, each.confidentiality])).toEqual([
      ['plan-a', 'confidential'],
      ['plan-b', 'internal'],
      ['plan-c', 'confidential'],
    ])
  })

  it('deletes a plan from whichever document holds it', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeDialoguePlan(doc, secretPlan(), { confidential })
    expect(deleteDialoguePlan(doc, 'plan-soubre')).toBe(false)
    expect(deleteDialoguePlan(doc, 'plan-soubre', { confidential })).toBe(true)
    expect(readDialoguePlans(doc, confidential).records).toEqual([])
  })
})

describe("a confidential plan's commitments and evaluations", () => {
  const PROMISE = 'Share the names of the pickers who spoke with the union only'
  const REMARK = 'We were afraid to say this in front of the buyer'
  const secretPlan = () => ({ ...plan(), confidentiality: 'confidential' as const })
  const promise = () => ({ ...commitment(), what: PROMISE })
  const remarked = () => ({ ...evaluation(), stakeholderRemarks: REMARK })
  const holds = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(text)

  it('are written with their plan in the confidential document, never in the map document', () => {
    const doc = new Y.Doc({ gc: true })
    const confidential = new Y.Doc({ gc: true })
    const options = { confidential }
    writeDialoguePlan(doc, secretPlan(), options)
    expect(writePlanRecord(doc, COMMITMENT_LAYOUT, promise(), options).ok).toBe(true)
    expect(writePlanRecord(doc, DIALOGUE_EVALUATION_LAYOUT, remarked(), options).ok).toBe(true)
    for (const text of [PROMISE, REMARK, 'Clear why we came']) expect(holds(doc, text)).toBe(false)
    expect(readPlanRecords(doc, COMMITMENT_LAYOUT, null).records).toEqual([])
    expect(readMapDialogues(doc, null)).toMatchObject({
      plans: [],
      commitments: [],
      evaluations: [],
    })
    expect(readMapDialogues(doc, confidential)).toMatchObject({
      plans: [secretPlan()],
      commitments: [promise()],
      evaluations: [remarked()],
    })
    // One on its own (no plan) is in the map document.
    const alone = { ...commitment(), id: 'commit-2', dialogueId: null }
    writePlanRecord(doc, COMMITMENT_LAYOUT, alone, options)
    expect(readPlanRecords(doc, COMMITMENT_LAYOUT, null).records).toEqual([alone])
    expect(deletePlanRecord(doc, COMMITMENT_LAYOUT, 'commit-1', options)).toBe(true)
    expect(readPlanRecords(doc, COMMITMENT_LAYOUT, confidential).records).toEqual([alone])
  })

  it('move with their plan when its level changes, and back, results and notes as they were (evaluations by the server)', () => {
    const doc = new Y.Doc({ gc: true })
    const confidential = new Y.Doc({ gc: true })
    const options = { confidential }
    writeDialoguePlan(doc, plan(), options)
    writePlanRecord(doc, COMMITMENT_LAYOUT, promise(), options)
    writePlanRecord(doc, DIALOGUE_EVALUATION_LAYOUT, remarked(), options)
    const other = { ...commitment(), id: 'commit-9', dialogueId: 'plan-other' }
    writePlanRecord(doc, COMMITMENT_LAYOUT, other, options)
    expect(holds(doc, PROMISE)).toBe(true)
    writeDialoguePlan(doc, secretPlan(), options)
    // The commitment went with the plan; the evaluation waits for the server, which moves it
    // as below (PlanRecordMover), results included.
    expect(holds(doc, PROMISE)).toBe(false)
    expect(readPlanRecords(doc, DIALOGUE_EVALUATION_LAYOUT, null).records).toEqual([remarked()])
    expect(moveRecordsOfPlan(doc, confidential, 'plan-soubre')).toBe(1)
    for (const text of [PROMISE, REMARK, 'Women pickers hardly spoke']) {
      expect(holds(doc, text)).toBe(false)
    }
    expect(readPlanRecords(doc, COMMITMENT_LAYOUT, null).records).toEqual([other])
    expect(readPlanRecords(new Y.Doc(), DIALOGUE_EVALUATION_LAYOUT, confidential).records).toEqual([
      remarked(),
    ])
    writeDialoguePlan(doc, plan(), options)
    expect(moveRecordsOfPlan(confidential, doc, 'plan-soubre')).toBe(1)
    expect(confidential.getMap('commitments').size).toBe(0)
    expect(confidential.getMap('dialogueEvaluations').size).toBe(0)
    expect(readMapDialogues(doc, null)).toMatchObject({
      plans: [plan()],
      commitments: [promise(), other],
      evaluations: [remarked()],
    })
  })

  it('an edit from a copy that had not seen the move yet goes with the plan too', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeDialoguePlan(doc, secretPlan(), { confidential })
    // An owner's copy written before the records followed their plan.
    writeDialogueRecord(doc, COMMITMENT_LAYOUT, promise())
    writePlanRecord(
      doc,
      COMMITMENT_LAYOUT,
      { ...promise(), status: 'in-progress' },
      { confidential },
    )
    expect(doc.getMap('commitments').size).toBe(0)
    expect(readPlanRecords(doc, COMMITMENT_LAYOUT, confidential).records[0]?.status).toBe(
      'in-progress',
    )
  })
})
