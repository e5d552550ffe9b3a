import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type BoardRect,
  nearestFreePosition,
  rectsTouch,
} from '../../../shared/workshop/nearestFreePosition'

const CARD = { w: 170, h: 76 }
const MATRIX = { w: 1040, h: 800 }

describe('placing a card on a board without covering another', () => {
  it('puts the card where it belongs when that spot is free', () => {
    expect(nearestFreePosition({ x: 400, y: 300 }, CARD, MATRIX, [])).toEqual({ x: 400, y: 300 })
  })

  it('moves a card scored like one already there next to it, not under it', () => {
    const there: BoardRect = { x: 400, y: 300, ...CARD }
    const spot = nearestFreePosition({ x: 400, y: 300 }, CARD, MATRIX, [there])
    expect(rectsTouch({ ...spot, ...CARD }, there)).toBe(false)
    // Close by: still reads as "about these scores".
    expect(Math.hypot(spot.x - 400, spot.y - 300)).toBeLessThan(CARD.w + 20)
  })

  it('keeps the card inside the board, also when wanted past its edge', () => {
    const spot = nearestFreePosition({ x: 1000, y: -50 }, CARD, MATRIX, [])
    expect(spot).toEqual({ x: MATRIX.w - CARD.w, y: 0 })
  })

  it('gives the same spot for the same board (every client agrees)', () => {
    const occupied = [
      { x: 100, y: 100, ...CARD },
      { x: 290, y: 100, ...CARD },
    ]
    const a = nearestFreePosition({ x: 200, y: 100 }, CARD, MATRIX, occupied)
    expect(nearestFreePosition({ x: 200, y: 100 }, CARD, MATRIX, [...occupied].reverse())).toEqual(
      a,
    )
  })

  it('stacks on the wanted spot only when the board is full', () => {
    const small = { w: 200, h: 100 }
    const full = [{ x: 0, y: 0, w: 200, h: 100 }]
    expect(nearestFreePosition({ x: 10, y: 10 }, CARD, small, full)).toEqual({ x: 10, y: 10 })
  })

  it('never covers a card, for any 25 wanted spots brought in one after another (property, seed 19)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -100, max: 1100 }),
            y: fc.integer({ min: -100, max: 900 }),
          }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        (wanted) => {
          const placed: BoardRect[] = []
          for (const spot of wanted) {
            const at = nearestFreePosition(spot, CARD, MATRIX, placed)
            const card = { ...at, ...CARD }
            expect(placed.some((other) => rectsTouch(card, other, 0))).toBe(false)
            expect(card.x).toBeGreaterThanOrEqual(0)
            expect(card.y + card.h).toBeLessThanOrEqual(MATRIX.h)
            placed.push(card)
          }
        },
      ),
      { seed: 19, numRuns: 60 },
    )
  })
})
