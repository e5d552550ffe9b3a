/**
 * The self-assessment in every output: the map JSON file round-trips it exactly (and a
 * version 2 file reads as a map without any), the workbook and its own CSV file have a
 * sheet of it in Dutch and English, and the report has its chapter in both languages, with
 * the rating in words and the priority steps.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SELF_ASSESSMENT_LAYOUT,
  writeDialogueRecord,
} from '../../../shared/document/dialogueDocument'
import { readSelfAssessments } from '../../../shared/document/selfAssessmentDocument'
import { dialogueRecordSheet } from '../../../shared/exchange/dialogueRecordSheets'
import { exportMapJson, stringifyMapJson } from '../../../shared/exchange/exportMapJson'
import { importMapJson } from '../../../shared/exchange/importMapJson'
import { parseMapJson } from '../../../shared/exchange/parseMapJson'
import { registerToCsv } from '../../../shared/exchange/registerToCsv'
import { renderReport } from '../../../shared/report/renderReport'
import { selfAssessment } from '../selfAssessment/selfAssessmentFixture'

const OPTIONS = { title: 'Cacaoketen', exportedAt: '2026-03-02T10:00:00.000Z' }

function mapWithSelfAssessment(): Y.Doc {
  const doc = new Y.Doc()
  const assessment = selfAssessment()
  writeDialogueRecord(doc, SELF_ASSESSMENT_LAYOUT, {
    ...assessment,
    steps: {
      ...assessment.steps,
      '3': { ...assessment.steps['3'], title: 'Wie zijn je stakeholders?', text: 'Brainstorm' },
    },
  })
  writeDialogueRecord(doc, SELF_ASSESSMENT_LAYOUT, {
    ...selfAssessment(),
    id: 'sa-table-2',
    subject: 'Tafel 2',
    date: null,
  })
  return doc
}

describe('self-assessments in the map file', () => {
  it('round-trips every field exactly', () => {
    const first = exportMapJson(mapWithSelfAssessment(), OPTIONS)
    expect(first.selfAssessments.map((each) => each.id)).toEqual(['sa-cocoa', 'sa-table-2'])
    const parsed = parseMapJson(stringifyMapJson(first))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.warnings).toEqual([])
    const doc = new Y.Doc()
    expect(importMapJson(doc, parsed.value)).toEqual({ ok: true })
    expect(readSelfAssessments(doc)).toEqual(readSelfAssessments(mapWithSelfAssessment()))
    expect(stringifyMapJson(exportMapJson(doc, OPTIONS))).toBe(stringifyMapJson(first))
  })

  it('refuses a broken self-assessment by its path, and reads an older file as having none', () => {
    const map = exportMapJson(mapWithSelfAssessment(), OPTIONS)
    const broken = JSON.parse(stringifyMapJson(map)) as { selfAssessments: { elements: object }[] }
    broken.selfAssessments[0]!.elements = { motivation: { rating: 'purple', note: '' } }
    const result = parseMapJson(JSON.stringify(broken))
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toContain(
      'selfAssessments[0].elements.motivation.rating',
    )
    const { selfAssessments: _gone, ...older } = map
    const v2 = parseMapJson(JSON.stringify({ ...older, version: 2 }))
    expect(v2.ok && v2.value.selfAssessments).toEqual([])
  })
})

describe('self-assessments in the exports', () => {
  const records = (doc: Y.Doc) => ({
    plans: [],
    commitments: [],
    evaluations: [],
    selfAssessments: readSelfAssessments(doc),
  })
  const options = { today: '2026-03-02', stakeholderNames: new Map<string, string>() }

  it('has a row per element with the rating in words and the step it makes a priority, in Dutch', () => {
    const sheet = dialogueRecordSheet('self-assessments', records(mapWithSelfAssessment()), {
      ...options,
      locale: 'nl',
    })
    expect(sheet.name).toBe('Zelfevaluaties')
    expect(sheet.header).toEqual([
      'Zelfevaluatie-id',
      'Van wie',
      'Datum',
      'Element',
      'Beoordeling',
      'Toelichting bij het element',
      'Stap van het plan van aanpak',
      'Prioritaire stap',
      'Notities bij de zelfevaluatie',
    ])
    expect(sheet.rows).toHaveLength(18)
    expect(sheet.rows[2]!.slice(0, 8)).toEqual([
      'sa-cocoa',
      'Cocoa Trading BV',
      '2026-03-01',
      'Inclusie',
      'Oranje: aandacht nodig',
      'We only talk to NGOs, not to farmers',
      'Stap 3: Wie zijn je stakeholders?',
      'ja',
    ])
    expect(sheet.rows[7]!.slice(3, 8)).toEqual(['Samenwerking', null, '', 'Stap 8', 'nee'])
  })

  it('writes the CSV file in English', () => {
    const sheet = dialogueRecordSheet('self-assessments', records(mapWithSelfAssessment()), {
      ...options,
      locale: 'en',
    })
    const csv = registerToCsv(sheet, { delimiter: ',' })
    expect(csv).toContain('Whose assessment')
    expect(csv).toContain('Red: missing')
    expect(csv).toContain('Organising the conversation')
  })
})

describe('self-assessments in the report', () => {
  for (const [locale, words] of [
    [
      'nl',
      [
        '9. Zelfevaluaties',
        '! Oranje: aandacht nodig',
        '✕ Rood: ontbreekt',
        'Stap 3: Wie zijn je stakeholders? (Inclusie)',
        'Stap 6 (Organiseren van het gesprek)',
        '10. Methode',
      ],
    ],
    [
      'en',
      [
        '9. Self-assessments',
        '! Orange: needs attention',
        '✕ Red: missing',
        'Step 3: Wie zijn je stakeholders? (Inclusion)',
        'Step 6 (Organising the conversation)',
        '10. Method',
      ],
    ],
  ] as const) {
    it(`has a chapter with each rating in words and the priority steps (${locale})`, () => {
      const html = renderReport({
        title: 'Cacaoketen',
        generatedAt: '2026-03-02T10:00:00.000Z',
        stakeholders: [],
        locale,
        selfAssessments: readSelfAssessments(mapWithSelfAssessment()),
      })
      for (const word of words) expect(html).toContain(word)
      expect(html.indexOf(words[0])).toBeLessThan(html.lastIndexOf(words[5]))
    })
  }
})
