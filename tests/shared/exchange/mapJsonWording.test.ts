/**
 * The trainers' wording of the example and of the follow-up steps in the map file: what was
 * reworded round-trips exactly (the rest stays the built-in text in each reader's language),
 * a map nobody reworded exports as before, and a file's unknown key or too long text is named
 * by its path.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  EXAMPLE_WORKSHEET,
  readExampleWorksheet,
  writeExampleWorksheetField,
} from '../../../shared/dialogue/exampleWorksheet'
import { exportMapJson, stringifyMapJson } from '../../../shared/exchange/exportMapJson'
import { importMapJson } from '../../../shared/exchange/importMapJson'
import { parseMapJson } from '../../../shared/exchange/parseMapJson'
import { FOLLOW_UP_STEP_TEXTS } from '../../../shared/labels/followUpStepLabels'
import { readFollowUpSteps, writeFollowUpStep } from '../../../shared/workshop/followUpSteps'
import { NOW, richDoc } from './richMap'

const OPTIONS = { title: 'SER workshop', exportedAt: NOW }

describe('the trainers’ wording in the map file', () => {
  it('round-trips what was reworded exactly, and keeps the rest in the reader’s language', () => {
    const source = richDoc()
    writeExampleWorksheetField(source, 'goal', 'Hear the pickers of our own supplier first')
    writeExampleWorksheetField(source, 'place', '')
    writeFollowUpStep(source, 'feedback', 'Call the cooperative’s chair within a week')
    const first = exportMapJson(source, OPTIONS)
    expect(first.wording).toEqual({
      exampleWorksheet: { goal: 'Hear the pickers of our own supplier first', place: '' },
      followUpSteps: { feedback: 'Call the cooperative’s chair within a week' },
    })
    const parsed = parseMapJson(stringifyMapJson(first))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const doc = new Y.Doc()
    expect(importMapJson(doc, parsed.value)).toEqual({ ok: true })
    for (const locale of ['en', 'nl'] as const) {
      expect(readExampleWorksheet(doc, locale)).toEqual(readExampleWorksheet(source, locale))
      expect(readFollowUpSteps(doc, locale)).toEqual(readFollowUpSteps(source, locale))
    }
    expect(readExampleWorksheet(doc, 'nl').fields.whyNow).toBe(EXAMPLE_WORKSHEET.nl.fields.whyNow)
    expect(readFollowUpSteps(doc, 'nl').evaluate).toBe(FOLLOW_UP_STEP_TEXTS.nl.evaluate)
    expect(stringifyMapJson(exportMapJson(doc, OPTIONS))).toBe(stringifyMapJson(first))
  })

  it('leaves the wording out of a map nobody reworded, as before', () => {
    expect('wording' in exportMapJson(richDoc(), OPTIONS)).toBe(false)
  })

  it('names a text that does not fit by its path, and ignores keys it does not know', () => {
    const map = exportMapJson(richDoc(), OPTIONS) as unknown as Record<string, unknown>
    const tooLong = { ...map, wording: { followUpSteps: { feedback: 'x'.repeat(100_000) } } }
    const refused = parseMapJson(JSON.stringify(tooLong))
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.errors[0]).toMatchObject({ path: 'wording.followUpSteps.feedback' })
    const unknown = parseMapJson(
      JSON.stringify({ ...map, wording: { exampleWorksheet: { brief: 'x' }, roleCards: {} } }),
    )
    expect(unknown.ok).toBe(true)
    if (unknown.ok) {
      const paths = unknown.warnings.map((warning) => warning.path)
      expect(paths).toContain('wording.exampleWorksheet.brief')
      expect(paths).toContain('wording.roleCards')
    }
  })
})
