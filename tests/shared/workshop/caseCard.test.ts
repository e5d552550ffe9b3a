import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAP_DOCUMENT_SHAPE } from '../../../shared/document/documentShape'
import {
  CASE_CARD_MAP,
  FACILITATOR_ONLY_ROOTS,
  MAP_ROOT_NAMES,
} from '../../../shared/document/mapDocumentLayout'
import { CASE_CARD_FIELD_LABELS } from '../../../shared/labels/caseCardLabels'
import {
  CASE_CARD_FIELDS,
  EMPTY_CASE_CARD,
  isCaseCardEmpty,
  readCaseCard,
  writeCaseCardField,
} from '../../../shared/workshop/caseCard'

describe('the case card of phase 2', () => {
  it('keeps each field the trainers type, and two trainers’ edits of different fields', () => {
    const first = new Y.Doc()
    const second = new Y.Doc()
    expect(isCaseCardEmpty(readCaseCard(first))).toBe(true)
    writeCaseCardField(first, 'sector', 'Cocoa and chocolate')
    writeCaseCardField(second, 'country', 'Côte d’Ivoire')
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
    for (const doc of [first, second]) {
      expect(readCaseCard(doc)).toEqual({
        ...EMPTY_CASE_CARD,
        sector: 'Cocoa and chocolate',
        country: 'Côte d’Ivoire',
      })
    }
  })

  it('refuses a one-line field over 200 characters and writes nothing', () => {
    const doc = new Y.Doc()
    const result = writeCaseCardField(doc, 'title', 'x'.repeat(201))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: 'title', code: 'too-long' })
    expect(doc.getMap(CASE_CARD_MAP).size).toBe(0)
  })

  it('reads a field a peer stored as no text as empty, and the rest as stored', () => {
    const doc = new Y.Doc()
    const map = doc.getMap(CASE_CARD_MAP)
    map.set('risks', 42)
    map.set('chain', 'Farmers → cooperative → exporter → chocolate maker')
    const card = readCaseCard(doc)
    expect(card.risks).toBe('')
    expect(card.chain).toBe('Farmers → cooperative → exporter → chocolate maker')
  })

  it('lives in a facilitator-only root that holds only its fields', () => {
    expect(MAP_ROOT_NAMES).toContain(CASE_CARD_MAP)
    expect(FACILITATOR_ONLY_ROOTS).toContain(CASE_CARD_MAP)
    const root = MAP_DOCUMENT_SHAPE[CASE_CARD_MAP]!
    expect(root.kind).toBe('map')
    if (root.kind !== 'map') return
    for (const field of CASE_CARD_FIELDS) expect(root.map.slot(field)?.value).toBe(true)
    expect(root.map.slot('brief')).toBeNull()
  })

  it('names every field in Dutch and English', () => {
    for (const locale of ['en', 'nl'] as const) {
      for (const field of CASE_CARD_FIELDS) {
        expect(CASE_CARD_FIELD_LABELS[locale][field].trim()).not.toBe('')
      }
    }
    expect(CASE_CARD_FIELD_LABELS.nl.counterparts).toBe('Type gesprekspartners')
  })
})
