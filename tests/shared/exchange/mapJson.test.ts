import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportMapJson, stringifyMapJson } from '../../../shared/exchange/exportMapJson'
import { importMapJson, withoutResults } from '../../../shared/exchange/importMapJson'
import { parseMapJson } from '../../../shared/exchange/parseMapJson'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  readDialoguePlans,
  recordsMap,
  writeDialoguePlan,
  writeDialogueRecord,
  writePlanRecord,
} from '../../../shared/document/dialogueDocument'
import {
  addEngagementStage,
  readEngagementStages,
  renameEngagementStage,
  setEngagementStageRemoved,
} from '../../../shared/document/engagementStageDocument'
import { commitment, evaluation, plan } from '../dialogue/dialogueFixtures'
import { CONFIDENTIAL_INPUT, NOW, richDoc, richDocuments } from './richMap'

const OPTIONS = { title: 'Cacaoketen — stakeholderkaart', exportedAt: NOW }
const HISTORY = [{ version: 3, savedAt: NOW, by: 'Marloes' }]

/** The rich map with a plan, two commitments (one dropped) and an evaluation. */
function withDialogueRecords(doc: Y.Doc): Y.Doc {
  writeDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, plan())
  writeDialogueRecord(doc, COMMITMENT_LAYOUT, commitment())
  writeDialogueRecord(doc, COMMITMENT_LAYOUT, {
    ...commitment(),
    id: 'commit-0',
    status: 'dropped',
    droppedReason: 'Cooperative dissolved',
    dueDate: null,
  })
  writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation())
  return doc
}

function roundTrip(withConfidential: boolean) {
  const source = richDocuments()
  withDialogueRecords(source.doc)
  const confidential = withConfidential ? source.confidential : null
  const first = exportMapJson(source.doc, { ...OPTIONS, history: HISTORY, confidential })
  const parsed = parseMapJson(stringifyMapJson(first))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const doc = new Y.Doc()
  const target = withConfidential ? new Y.Doc() : null
  expect(importMapJson(doc, parsed.value, undefined, target)).toEqual({ ok: true })
  const history = parsed.value.history
  const second = exportMapJson(doc, { ...OPTIONS, history, confidential: target })
  return { first, second, parsed }
}

describe('map JSON export and import', () => {
  it.each([true, false])(
    'round-trips exactly but for evaluation results (with the confidential part: %s)',
    (secret) => {
      const { first, second } = roundTrip(secret)
      // A result comes only from the server's ballots: the import leaves it out, notes stay.
      const imported = { ...first, dialogueEvaluations: [withoutResults(evaluation())] }
      expect(second).toEqual(imported)
      expect(first.dialoguePlans).toEqual([plan()])
      expect(first.commitments.map((c) => [c.id, c.status])).toEqual([
        ['commit-0', 'dropped'],
        ['commit-1', 'open'],
      ])
      expect(first.dialogueEvaluations).toEqual([evaluation()])
      expect(second.dialogueEvaluations[0]!.elements.motivation).toEqual({
        result: null,
        notes: 'Clear why we came',
      })
    },
  )

  it("carries a confidential plan's commitments and evaluations with it, into the confidential document", () => {
    const { doc, confidential } = richDocuments()
    const secret = { ...plan(), confidentiality: 'confidential' as const }
    expect(writeDialoguePlan(doc, secret, { confidential }).ok).toBe(true)
    const options = { confidential }
    expect(writePlanRecord(doc, COMMITMENT_LAYOUT, commitment(), options).ok).toBe(true)
    expect(writePlanRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation(), options).ok).toBe(true)
    expect(recordsMap(doc, COMMITMENT_LAYOUT).size).toBe(0)
    const partial = exportMapJson(doc, OPTIONS)
    expect([partial.commitments, partial.dialogueEvaluations]).toEqual([[], []])
    const full = exportMapJson(doc, { ...OPTIONS, confidential })
    expect(full.commitments).toEqual([commitment()])
    expect(full.dialogueEvaluations).toEqual([evaluation()])
    const parsed = parseMapJson(stringifyMapJson(full))
    if (!parsed.ok) throw new Error('parse failed')
    const target = new Y.Doc()
    const targetSecret = new Y.Doc()
    expect(importMapJson(target, parsed.value, undefined, targetSecret)).toEqual({ ok: true })
    expect(recordsMap(target, COMMITMENT_LAYOUT).size).toBe(0)
    expect(recordsMap(target, DIALOGUE_EVALUATION_LAYOUT).size).toBe(0)
    const again = exportMapJson(target, { ...OPTIONS, confidential: targetSecret })
    expect(again.commitments).toEqual([commitment()])
    expect(again.dialogueEvaluations).toEqual([withoutResults(evaluation())])
  })

  it("round-trips the map's engagement stages: renamed, added and removed", () => {
    const { doc } = richDocuments()
    renameEngagementStage(doc, 'remediation', 'Herstel en verhaal')
    addEngagementStage(doc, 'Gemeenschapsmonitoring', 'stage-community')
    setEngagementStageRemoved(doc, 'stage-community', true)
    writeDialoguePlan(doc, { ...plan(), engagementStage: 'stage-community' })
    const first = exportMapJson(doc, OPTIONS)
    expect(Object.keys(first.engagementStages)).toEqual(['remediation', 'stage-community'])
    const parsed = parseMapJson(stringifyMapJson(first))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const target = new Y.Doc()
    expect(importMapJson(target, parsed.value)).toEqual({ ok: true })
    expect(readEngagementStages(target)).toEqual(readEngagementStages(doc))
    expect(stringifyMapJson(exportMapJson(target, OPTIONS))).toBe(stringifyMapJson(first))
    // A stage that does not fit is refused with the file, with where it is.
    const bad = JSON.parse(stringifyMapJson(first)) as Record<string, unknown>
    bad.engagementStages = { 'stage-x': { schemaVersion: 1, label: 7, order: 0, removed: false } }
    const refused = parseMapJson(JSON.stringify(bad))
    expect(refused.ok ? [] : refused.errors.map((error) => error.path)).toEqual([
      'engagementStages.stage-x.label',
    ])
  })

  it('refuses to import contacts without a confidential document', () => {
    const { doc, confidential } = richDocuments()
    const map = exportMapJson(doc, { ...OPTIONS, confidential })
    const parsed = parseMapJson(stringifyMapJson(map))
    if (!parsed.ok) throw new Error('parse failed')
    const target = new Y.Doc()
    const result = importMapJson(target, parsed.value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.code).toBe('confidential-not-allowed')
    expect(target.getMap('stakeholders').size).toBe(0)
  })

  it('carries confidential plans only with the confidential part, and imports them there', () => {
    const { doc, confidential } = richDocuments()
    const secret = { ...plan(), id: 'plan-secret', confidentiality: 'confidential' as const }
    expect(writeDialoguePlan(doc, plan(), { confidential }).ok).toBe(true)
    expect(writeDialoguePlan(doc, secret, { confidential }).ok).toBe(true)
    expect(exportMapJson(doc, OPTIONS).dialoguePlans).toEqual([plan()])
    const full = exportMapJson(doc, { ...OPTIONS, confidential })
    expect(full.dialoguePlans).toEqual([secret, plan()])
    const parsed = parseMapJson(stringifyMapJson(full))
    if (!parsed.ok) throw new Error('parse failed')
    // Into a new map: the confidential plan goes to its confidential document only.
    const target = new Y.Doc()
    const targetSecret = new Y.Doc()
    expect(importMapJson(target, parsed.value, undefined, targetSecret)).toEqual({ ok: true })
    expect(readDialoguePlans(target, null).records).toEqual([plan()])
    expect(readDialoguePlans(target, targetSecret).records).toEqual([secret, plan()])
    // Without one, the whole file is refused.
    const { stakeholders: _all, ...rest } = parsed.value
    const plansOnly = { ...rest, stakeholders: [] }
    const refused = new Y.Doc()
    const result = importMapJson(refused, plansOnly)
    expect(result.ok ? null : result.errors[0]?.code).toBe('confidential-not-allowed')
    expect(refused.getMap('dialoguePlans').size).toBe(0)
  })

  it('is complete and stable', () => {
    const { doc, confidential } = richDocuments()
    const map = exportMapJson(doc, { ...OPTIONS, confidential })
    expect(map.format).toBe('stakeholder-canvas-map')
    expect(map.version).toBe(4)
    expect(map.dialoguePlans).toEqual([])
    expect(map.stakeholders.map((s) => s.id)).toEqual(['sh-bank', 'sh-farmers', 'sh-union'])
    expect(map.tldraw.records.map((r) => r.id)).toEqual(['page:page', 'shape:b'])
    expect(map.tldraw.schema).toEqual({
      schemaVersion: 2,
      sequences: { 'com.tldraw.page': 1, 'com.tldraw.shape': 4 },
    })
    expect(map.meta).toEqual({ createdBy: 'facilitator' })
    const farmers = map.stakeholders[1]!
    expect(farmers.influence).toBe(1.5)
    expect(farmers.engagement.log.map((entry) => entry.id)).toEqual(['log-1', 'log-2'])
    // Two exports of one document are the same text; keys are sorted.
    expect(stringifyMapJson(exportMapJson(doc, { ...OPTIONS, confidential }))).toBe(
      stringifyMapJson(map),
    )
    expect(Object.keys(map)).toEqual([...Object.keys(map)].sort())
  })

  it('leaves contacts and confidential entries out unless asked', () => {
    const { doc, confidential } = richDocuments()
    const map = exportMapJson(doc, OPTIONS)
    const text = stringifyMapJson(map)
    expect(map.contactsIncluded).toBe(false)
    expect(map.stakeholders.every((s) => !('contacts' in s))).toBe(true)
    expect(text).not.toContain('Ama Owusu')
    expect(text).not.toContain('jan@example.nl')
    expect(text).not.toContain(CONFIDENTIAL_INPUT)
    const withContacts = stringifyMapJson(exportMapJson(doc, { ...OPTIONS, confidential }))
    expect(withContacts).toContain('Ama Owusu')
    expect(withContacts).toContain(CONFIDENTIAL_INPUT)
  })

  it('refuses a document that is not empty', () => {
    const parsed = parseMapJson(stringifyMapJson(exportMapJson(richDoc(), OPTIONS)))
    if (!parsed.ok) throw new Error('parse failed')
    const result = importMapJson(richDoc(), parsed.value)
    expect(result.ok).toBe(false)
  })

  it('reports errors with paths', () => {
    const map = JSON.parse(stringifyMapJson(exportMapJson(richDoc(), OPTIONS))) as {
      stakeholders: { power: unknown }[]
      tldraw: { records: unknown[] }
      extra?: unknown
    }
    map.stakeholders[0]!.power = 9
    map.tldraw.records.push({ id: 'shape:x' }, 'not a record')
    map.extra = true
    const result = parseMapJson(JSON.stringify(map))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.errors.map((error) => error.path)
    expect(paths).toContain('stakeholders[0].power')
    expect(paths).toContain('tldraw.records[2].typeName')
    expect(paths).toContain('tldraw.records[3]')
  })

  it('ignores unknown top-level keys, drops __proto__ and refuses newer versions', () => {
    const map = JSON.parse(stringifyMapJson(exportMapJson(richDoc(), OPTIONS))) as Record<
      string,
      unknown
    >
    const text = JSON.stringify({ ...map, futureKey: 1 }).replace(
      '"meta":{',
      '"meta":{"__proto__":{"polluted":true},',
    )
    const result = parseMapJson(text)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['futureKey', 'meta.__proto__']),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(result.value.meta)).toBe(Object.prototype)
    const newer = parseMapJson(JSON.stringify({ ...map, version: 5 }))
    expect(newer.ok).toBe(false)
    expect(parseMapJson('x'.repeat(50_000_001)).ok).toBe(false)
    expect(parseMapJson('['.repeat(100_000)).ok).toBe(false)
  })

  it('reads a version 1 file (before dialogue records) as a map without any', () => {
    const map = JSON.parse(stringifyMapJson(exportMapJson(richDoc(), OPTIONS))) as Record<
      string,
      unknown
    >
    const {
      dialoguePlans: _p,
      commitments: _c,
      dialogueEvaluations: _e,
      selfAssessments: _s,
      ...v1
    } = map
    const result = parseMapJson(JSON.stringify({ ...v1, version: 1 }))
    expect(result.ok && result.warnings).toEqual([])
    expect(result.ok && [result.value.dialoguePlans, result.value.commitments]).toEqual([[], []])
  })

  it('names a broken dialogue record by its path and refuses importing over one', () => {
    const map = exportMapJson(withDialogueRecords(richDoc()), OPTIONS)
    const broken = {
      ...map,
      commitments: [{ ...map.commitments[1]!, status: 'dropped', droppedReason: '' }],
      dialoguePlans: [map.dialoguePlans[0]!, map.dialoguePlans[0]!],
    }
    const result = parseMapJson(JSON.stringify(broken))
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.code}`)).toEqual([
      'dialoguePlans[1].id: id-in-use',
      'commitments[0].droppedReason: empty',
    ])
    const parsed = parseMapJson(stringifyMapJson(map))
    if (!parsed.ok) throw new Error('parse failed')
    const target = new Y.Doc()
    writeDialogueRecord(target, COMMITMENT_LAYOUT, commitment())
    expect(importMapJson(target, parsed.value).ok).toBe(false)
  })

  it('never throws on arbitrary strings (seed printed on failure)', () => {
    const seed = Date.now()
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parseMapJson(text)
          expect(typeof result.ok).toBe('boolean')
        },
      ),
      { seed, numRuns: 300 },
    )
  })
})
