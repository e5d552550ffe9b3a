import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prioritySteps } from '../../../shared/selfAssessment/prioritySteps'
import { SelfAssessmentRecords } from '../../../client/selfAssessment/SelfAssessmentRecords'

describe('the map’s self-assessments', () => {
  it('a rating changes the priority steps everyone reads, and a new assessment keeps the trainer’s plan', () => {
    const doc = new Y.Doc()
    const records = new SelfAssessmentRecords(doc)
    const first = records.add('nl', { subject: 'Tafel 1' })
    records.setElement(first, 'inclusion', { rating: 'orange' })
    records.setStep(first, '3', { title: 'Breng je stakeholders in kaart' })
    records.setPhase(first, 'follow-up', { text: 'Terugkoppelen binnen een maand' })
    expect(prioritySteps(records.byId(first)!)).toEqual(['3'])

    const second = records.add('en', { subject: 'Table 2' })
    const copy = records.byId(second)!
    expect(copy.steps['3'].title).toBe('Breng je stakeholders in kaart')
    expect(copy.phases['follow-up'].text).toBe('Terugkoppelen binnen een maand')
    // The ratings are each participant's own.
    expect(copy.elements.inclusion.rating).toBeNull()
    expect(prioritySteps(copy)).toEqual([])

    // Another browser's copy of the document reads the same.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const theirs = new SelfAssessmentRecords(other)
    expect(theirs.all.get().map((each) => each.subject)).toEqual(
      [first, second].sort().map((id) => records.byId(id)!.subject),
    )
    records.remove(first)
    expect(records.byId(first)).toBeNull()
    records.dispose()
    theirs.dispose()
  })
})
