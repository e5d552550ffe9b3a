import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import { DEFAULT_AGENDA } from '../../../shared/workshop/agenda'
import type { DotVote } from '../../../shared/workshop/dotVoting'
import { readFacilitation, setFacilitation } from '../../../shared/workshop/facilitationState'
import { handQueue, lowerHand, raiseHand } from '../../../shared/workshop/raisedHands'
import { splitIntoTables } from '../../../shared/workshop/splitIntoTables'
import { pauseTimer, resumeTimer, startTimer, timeRemaining } from '../../../shared/workshop/timer'

const vote: DotVote = { id: 'v1', question: 'Whom first?', budget: 3, status: 'open', openedAt: 0 }

describe('workshop state', () => {
  it('starts with the SER manual agenda: 30, 55, 45, 30, 55, 15, 15 minutes', () => {
    const state = readFacilitation(new Y.Doc())
    expect(state.agenda.map((block) => block.minutes)).toEqual([30, 55, 45, 30, 55, 15, 15])
    expect(state.agenda.map((block) => block.kind)).toEqual([
      'introduction',
      'phase-1',
      'phase-2',
      'break',
      'phase-3',
      'phase-4',
      'closing',
    ])
  })

  it('falls back to defaults when a peer wrote nonsense', () => {
    const doc = new Y.Doc()
    const map = doc.getMap(FACILITATION_MAP)
    map.set('agenda', [{ id: 1 }])
    map.set('timer', { blockId: 'x', startedAt: 'soon' })
    map.set('vote', 'yes')
    const state = readFacilitation(doc)
    expect(state.agenda).toEqual(DEFAULT_AGENDA)
    expect(state.timer).toBeNull()
    expect(state.vote).toBeNull()
  })

  it('computes the countdown from the shared start time, so a reload reads the same', () => {
    const timer = startTimer(DEFAULT_AGENDA[1]!, 1_000_000)
    expect(timeRemaining(timer, 1_000_000)).toBe(55 * 60_000)
    expect(timeRemaining(timer, 1_000_000 + 60_000)).toBe(54 * 60_000)
    const paused = pauseTimer(timer, 1_000_000 + 60_000)
    expect(timeRemaining(paused, 1_000_000 + 10 * 60_000)).toBe(54 * 60_000)
    const resumed = resumeTimer(paused, 1_000_000 + 10 * 60_000)
    expect(timeRemaining(resumed, 1_000_000 + 11 * 60_000)).toBe(53 * 60_000)
    expect(timeRemaining(timer, 1_000_000 + 56 * 60_000)).toBe(-60_000)
  })

  it('the timer pauses and resumes without losing or gaining time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (start, runBefore, pausedFor, runAfter) => {
          const timer = startTimer(DEFAULT_AGENDA[0]!, start)
          const paused = pauseTimer(timer, start + runBefore)
          const resumed = resumeTimer(paused, start + runBefore + pausedFor)
          const end = start + runBefore + pausedFor + runAfter
          expect(timeRemaining(resumed, end)).toBe(timer.durationMs - runBefore - runAfter)
        },
      ),
    )
  })

  it('queues raised hands in the order they reached the group, whatever the clocks say', () => {
    const doc = new Y.Doc()
    raiseHand(doc, 'bob', 'Bob (remote)', 20)
    raiseHand(doc, 'ann', 'Ann', 10)
    raiseHand(doc, 'bob', 'Bob (remote)', 30)
    expect(handQueue(doc).map((hand) => hand.userId)).toEqual(['bob', 'ann'])
    lowerHand(doc, 'bob')
    raiseHand(doc, 'ann', 'Ann', 40)
    raiseHand(doc, 'bob', 'Bob (remote)', 50)
    expect(handQueue(doc).map((hand) => hand.userId)).toEqual(['ann', 'bob'])
    lowerHand(doc, 'ann')
    expect(handQueue(doc).map((hand) => hand.name)).toEqual(['Bob (remote)'])
  })

  it('converges on one queue when two people raise their hands at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    raiseHand(a, 'ann', 'Ann', 10)
    raiseHand(b, 'bob', 'Bob', 10)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(handQueue(a)).toEqual(handQueue(b))
    expect(handQueue(a)).toHaveLength(2)
  })

  it('splits participants into groups the same way on every client', () => {
    const present = (...ids: string[]) =>
      ids.map((userId) => ({ userId, role: 'editor', connected: true, place: null }))
    const split = splitIntoTables(present('d', 'a', 'c', 'b', 'e'), 4)
    expect(split).toEqual({ count: 4, at: 0, assignments: { a: 0, b: 1, c: 2, d: 3, e: 0 } })
    expect(splitIntoTables(present('e', 'b', 'a', 'd', 'c'), 4)).toEqual(split)
  })

  it('stores and clears facilitation settings', () => {
    const doc = new Y.Doc()
    setFacilitation(doc, 'templateLocked', true)
    setFacilitation(doc, 'vote', vote)
    expect(readFacilitation(doc)).toMatchObject({ templateLocked: true, vote })
    setFacilitation(doc, 'vote', null)
    expect(readFacilitation(doc).vote).toBeNull()
  })
})
