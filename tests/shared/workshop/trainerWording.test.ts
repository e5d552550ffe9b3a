/**
 * The pre-filled texts trainers may reword (phase 2's example, the follow-up steps): each
 * reader sees a text nobody reworded in their own language, a reworded one as typed, an
 * emptied one empty, and a malformed value a peer stored as the pre-filled text.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  EXAMPLE_WORKSHEET,
  EXAMPLE_WORKSHEET_KEYS,
  readExampleWorksheet,
  writeExampleWorksheetField,
} from '../../../shared/dialogue/exampleWorksheet'
import { EXAMPLE_WORKSHEET_MAP } from '../../../shared/document/mapDocumentLayout'
import { FOLLOW_UP_STEP_TEXTS } from '../../../shared/labels/followUpStepLabels'
import {
  FOLLOW_UP_STEPS,
  readFollowUpSteps,
  writeFollowUpStep,
} from '../../../shared/workshop/followUpSteps'

describe('texts trainers reword, read in the reader’s language until reworded', () => {
  it('reads the built-in example and steps in each language on a new map', () => {
    const doc = new Y.Doc()
    expect(readExampleWorksheet(doc, 'nl')).toEqual(EXAMPLE_WORKSHEET.nl)
    expect(readExampleWorksheet(doc, 'en')).toEqual(EXAMPLE_WORKSHEET.en)
    expect(readFollowUpSteps(doc, 'nl')).toEqual(FOLLOW_UP_STEP_TEXTS.nl)
    expect(readFollowUpSteps(doc, 'en')).toEqual(FOLLOW_UP_STEP_TEXTS.en)
    expect(EXAMPLE_WORKSHEET_KEYS).toHaveLength(20)
    expect(FOLLOW_UP_STEPS).toHaveLength(6)
  })

  it('shows a Dutch trainer’s untouched text in English to an English reader', () => {
    const doc = new Y.Doc()
    // A field written back unchanged (leaving it) is still not reworded.
    writeFollowUpStep(doc, 'feedback', FOLLOW_UP_STEP_TEXTS.nl.feedback)
    writeExampleWorksheetField(doc, 'goal', EXAMPLE_WORKSHEET.nl.fields.goal!)
    expect(readFollowUpSteps(doc, 'en').feedback).toBe(FOLLOW_UP_STEP_TEXTS.en.feedback)
    expect(readExampleWorksheet(doc, 'en').fields.goal).toBe(EXAMPLE_WORKSHEET.en.fields.goal)
  })

  it('shows a reworded text as typed to everyone, and an emptied one empty', () => {
    const doc = new Y.Doc()
    writeFollowUpStep(doc, 'updateMap', 'Scores bijwerken vóór vrijdag')
    writeExampleWorksheetField(doc, 'place', '')
    for (const locale of ['nl', 'en'] as const) {
      expect(readFollowUpSteps(doc, locale).updateMap).toBe('Scores bijwerken vóór vrijdag')
      expect(readExampleWorksheet(doc, locale).fields.place).toBe('')
    }
  })

  it('refuses a text too long, writing nothing, and reads a malformed value as pre-filled', () => {
    const doc = new Y.Doc()
    const refused = writeFollowUpStep(doc, 'evaluate', 'x'.repeat(100_000))
    expect(refused.ok).toBe(false)
    expect(readFollowUpSteps(doc, 'en').evaluate).toBe(FOLLOW_UP_STEP_TEXTS.en.evaluate)
    doc.getMap(EXAMPLE_WORKSHEET_MAP).set('title', 42)
    expect(readExampleWorksheet(doc, 'nl').title).toBe(EXAMPLE_WORKSHEET.nl.title)
  })
})
