import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportMapJson, stringifyMapJson } from '../../../shared/exchange/exportMapJson'
import { importMapJson } from '../../../shared/exchange/importMapJson'
import { parseMapJson } from '../../../shared/exchange/parseMapJson'
import { readCaseCard, writeCaseCardField } from '../../../shared/workshop/caseCard'
import { NOW, richDoc } from './richMap'

const OPTIONS = { title: 'SER workshop, phase 2', exportedAt: NOW }

describe('phase 2’s case card in the map file', () => {
  it('round-trips a filled-in case card exactly', () => {
    const source = richDoc()
    writeCaseCardField(source, 'sector', 'Cocoa and chocolate')
    writeCaseCardField(source, 'counterparts', 'Cooperative board, pickers, village chiefs')
    const first = exportMapJson(source, OPTIONS)
    expect(first.caseCard?.sector).toBe('Cocoa and chocolate')
    const parsed = parseMapJson(stringifyMapJson(first))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const doc = new Y.Doc()
    expect(importMapJson(doc, parsed.value)).toEqual({ ok: true })
    expect(readCaseCard(doc)).toEqual(readCaseCard(source))
    expect(stringifyMapJson(exportMapJson(doc, OPTIONS))).toBe(stringifyMapJson(first))
  })

  it('leaves an empty case card out of the file, as before the card existed', () => {
    expect('caseCard' in exportMapJson(richDoc(), OPTIONS)).toBe(false)
  })

  it('names a field that does not fit by its path, and ignores one the card does not have', () => {
    const map = exportMapJson(richDoc(), OPTIONS) as unknown as Record<string, unknown>
    const tooLong = { ...map, caseCard: { title: 'x'.repeat(201) } }
    const refused = parseMapJson(JSON.stringify(tooLong))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.errors[0]).toMatchObject({ path: 'caseCard.title' })
    const unknown = parseMapJson(JSON.stringify({ ...map, caseCard: { brief: 'secret' } }))
    expect(unknown.ok).toBe(true)
    if (unknown.ok) {
      expect(unknown.warnings.map((warning) => warning.path)).toContain('caseCard.brief')
    }
  })
})
