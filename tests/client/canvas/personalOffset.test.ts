import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { personalOffset } from '../../../client/canvas/boardActions'

describe('personalOffset: where a person’s new cards are nudged to', () => {
  it('is the same for a person every time', () => {
    const id = randomUUID()
    expect(personalOffset(id)).toEqual(personalOffset(id))
  })

  it('spreads people over 256 places, 0–180 px right and down in 12 px steps', () => {
    const places = new Set<string>()
    for (let i = 0; i < 4000; i++) {
      const { x, y } = personalOffset(randomUUID())
      for (const value of [x, y]) {
        expect(value % 12).toBe(0)
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(180)
      }
      places.add(`${x},${y}`)
    }
    // 4,000 people over 256 places leave none empty unless the spread is poor.
    expect(places.size).toBe(256)
  })
})
