import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import {
  DEFAULT_AGENDA,
  PHASE_1_PARTS,
  findPart,
  partAfter,
  readAgenda,
  withBlockMinutes,
  withPartMinutes,
} from '../../../shared/workshop/agenda'
import { readFacilitation, setFacilitation } from '../../../shared/workshop/facilitationState'
import {
  MAX_TIMER_MS,
  extendTimer,
  isTimeUp,
  pauseTimer,
  readTimer,
  startTimer,
  timeRemaining,
} from '../../../shared/workshop/timer'

const MINUTE = 60_000
const phase1 = DEFAULT_AGENDA.find((block) => block.id === 'phase-1')!
const start = 1_000_000

describe('giving a countdown more time', () => {
  it('adds 5 minutes to a running countdown', () => {
    const timer = startTimer(phase1, start)
    const extended = extendTimer(timer, 5 * MINUTE, start + 10 * MINUTE)
    expect(timeRemaining(extended, start + 10 * MINUTE)).toBe(50 * MINUTE)
    expect(timeRemaining(extended, start + 60 * MINUTE)).toBe(0)
  })

  it('adds a minute to a paused countdown, which stays paused', () => {
    const paused = pauseTimer(startTimer(phase1, start), start + 20 * MINUTE)
    const extended = extendTimer(paused, MINUTE, start + 30 * MINUTE)
    expect(extended.pausedAt).toBe(start + 20 * MINUTE)
    expect(timeRemaining(extended, start + 40 * MINUTE)).toBe(36 * MINUTE)
  })

  it('counts the extra time from now once the countdown has run over', () => {
    const timer = startTimer(phase1, start)
    const now = start + 58 * MINUTE
    expect(isTimeUp(timer, now)).toBe(true)
    const extended = extendTimer(timer, 5 * MINUTE, now)
    expect(timeRemaining(extended, now)).toBe(5 * MINUTE)
    expect(isTimeUp(extended, now)).toBe(false)
    expect(isTimeUp(extended, now + 5 * MINUTE)).toBe(true)
  })

  it('never leaves more than ten hours', () => {
    const timer = startTimer(phase1, start)
    expect(timeRemaining(extendTimer(timer, 700 * MINUTE, start), start)).toBe(MAX_TIMER_MS)
  })

  it('extensions add up, running or paused, whatever the moments (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 * MINUTE }), fc.constantFrom(1, 5)), {
          maxLength: 8,
        }),
        fc.boolean(),
        (steps, paused) => {
          let timer = startTimer(phase1, start)
          if (paused) timer = pauseTimer(timer, start)
          let now = start
          let added = 0
          for (const [wait, minutes] of steps) {
            now += wait
            timer = extendTimer(timer, minutes * MINUTE, now)
            added += minutes * MINUTE
          }
          // No step runs the 55 minutes out, so every extension is simply added.
          const used = paused ? 0 : now - start
          expect(timeRemaining(timer, now)).toBe(55 * MINUTE + added - used)
        },
      ),
      { seed: 19, verbose: true },
    )
  })

  it('reads a countdown stored before parts existed as timing the whole block', () => {
    expect(readTimer({ blockId: 'phase-1', startedAt: 1, durationMs: 2, pausedAt: null })).toEqual({
      blockId: 'phase-1',
      partId: null,
      startedAt: 1,
      durationMs: 2,
      pausedAt: null,
    })
  })
})

describe('phase 1’s three assignments', () => {
  it('come with the manual’s agenda, adding up to the block’s 55 minutes', () => {
    expect(phase1.parts?.map((part) => part.kind)).toEqual([
      'motivation',
      'internal-preparation',
      'mapping',
    ])
    expect(phase1.parts?.reduce((sum, part) => sum + part.minutes, 0)).toBe(55)
  })

  it('are added to an agenda stored before parts existed', () => {
    const stored = DEFAULT_AGENDA.map(({ parts: _parts, ...block }) => block)
    expect(readAgenda(stored).find((block) => block.id === 'phase-1')?.parts).toEqual(PHASE_1_PARTS)
    expect(readAgenda(stored).find((block) => block.id === 'phase-2')?.parts).toBeUndefined()
  })

  it('each time their own minutes, kept through the document', () => {
    const doc = new Y.Doc()
    setFacilitation(doc, 'agenda', withPartMinutes(DEFAULT_AGENDA, 'phase-1', 'mapping', 30))
    const block = readFacilitation(doc).agenda.find((b) => b.id === 'phase-1')!
    expect(block.parts?.map((part) => part.minutes)).toEqual([15, 15, 30])
    expect(block.minutes).toBe(55)
    const timer = startTimer(block, start, findPart(block, 'mapping')!)
    expect(timer).toMatchObject({ blockId: 'phase-1', partId: 'mapping' })
    expect(timeRemaining(timer, start)).toBe(30 * MINUTE)
  })

  it('keep their minutes when the block is replanned', () => {
    const agenda = withBlockMinutes(DEFAULT_AGENDA, 'phase-1', 70)
    expect(agenda.find((b) => b.id === 'phase-1')?.parts).toEqual(PHASE_1_PARTS)
  })

  it('run in order: motivation, internal preparation, mapping, then none', () => {
    expect(partAfter(phase1, 'motivation')?.id).toBe('internal-preparation')
    expect(partAfter(phase1, 'internal-preparation')?.id).toBe('mapping')
    expect(partAfter(phase1, 'mapping')).toBeNull()
    expect(partAfter(phase1, null)).toBeNull()
  })

  it('fall back to the manual’s when a peer stored malformed parts', () => {
    const doc = new Y.Doc()
    const agenda = DEFAULT_AGENDA.map((block) =>
      block.id === 'phase-1' ? { ...block, parts: [{ id: 'x', kind: 'lunch' }] } : block,
    )
    doc.getMap(FACILITATION_MAP).set('agenda', agenda)
    expect(readFacilitation(doc).agenda.find((b) => b.id === 'phase-1')?.parts).toEqual(
      PHASE_1_PARTS,
    )
  })
})

describe('the sound at zero', () => {
  it('is off until the facilitator turns it on', () => {
    const doc = new Y.Doc()
    expect(readFacilitation(doc).timerSound).toBe(false)
    setFacilitation(doc, 'timerSound', true)
    expect(readFacilitation(doc).timerSound).toBe(true)
    doc.getMap(FACILITATION_MAP).set('timerSound', 'yes')
    expect(readFacilitation(doc).timerSound).toBe(false)
  })
})
