import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import { DEFAULT_AGENDA, readAgenda, withBlockMinutes } from '../../../shared/workshop/agenda'
import { readFacilitation, setFacilitation } from '../../../shared/workshop/facilitationState'

describe('the agenda', () => {
  it('replans one block and leaves the others as they were', () => {
    const agenda = withBlockMinutes(DEFAULT_AGENDA, 'phase-1', 70)
    expect(agenda.map((block) => block.minutes)).toEqual([30, 70, 45, 30, 55, 15, 15])
    expect(DEFAULT_AGENDA[1]!.minutes).toBe(55)
  })

  it('round-trips a replanned agenda through the document', () => {
    const doc = new Y.Doc()
    setFacilitation(doc, 'agenda', withBlockMinutes(DEFAULT_AGENDA, 'break', 20))
    expect(readFacilitation(doc).agenda.find((block) => block.id === 'break')?.minutes).toBe(20)
  })

  it('falls back to the manual’s agenda when one block is out of range or unknown', () => {
    expect(readAgenda([{ ...DEFAULT_AGENDA[0], minutes: 601 }])).toEqual(DEFAULT_AGENDA)
    expect(readAgenda([{ ...DEFAULT_AGENDA[0], kind: 'lunch' }])).toEqual(DEFAULT_AGENDA)
    expect(readAgenda([{ ...DEFAULT_AGENDA[0], minutes: 600 }])).toEqual([
      { ...DEFAULT_AGENDA[0], minutes: 600 },
    ])
  })

  it('reads a spotlight or a "bring here" without an area as none', () => {
    const doc = new Y.Doc()
    const map = doc.getMap(FACILITATION_MAP)
    map.set('spotlight', { userId: 'f', at: 1 })
    map.set('bringHere', { userId: 'f', at: 1, bounds: { x: 0, y: 0, w: 0, h: 10 } })
    expect(readFacilitation(doc)).toMatchObject({ spotlight: null, bringHere: null })
    map.set('spotlight', { userId: 'f', at: 1, shapeId: 'shape:card' })
    expect(readFacilitation(doc).spotlight).toEqual({ userId: 'f', at: 1, shapeId: 'shape:card' })
  })
})
