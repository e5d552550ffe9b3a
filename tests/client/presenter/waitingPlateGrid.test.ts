import { describe, expect, it } from 'vitest'
import { waitingPlateGrid } from '../../../client/presenter/waitingPlateGrid'

function overlaps(a: { x: number; y: number; w: number; h: number }, b: typeof a) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Cards as new cards arrive: rows of five, 240 × 124, 24 apart. */
function strip(names: string[], origin = { x: 0, y: 1600 }) {
  return names.map((name, index) => ({
    id: `card-${name}`,
    name,
    x: origin.x + (index % 5) * 264,
    y: origin.y + Math.floor(index / 5) * 148,
    w: 240,
    h: 124,
  }))
}

describe('name plates of cards waiting off the boards, on a projector', () => {
  const names = ['Municipality', 'Belangenorganisatie', 'Ministerie van Buitenlandse Zaken']
  const more = ['Local NGO', 'Nature', 'Employees', 'Neighbours', 'Future generations']

  it('gives every plate its own room at the zoom the whole board shows with', () => {
    const plates = [...waitingPlateGrid(strip([...names, ...more]), 25 / 0.43).values()]
    expect(plates).toHaveLength(8)
    for (const [index, plate] of plates.entries())
      for (const other of plates.slice(index + 1)) expect(overlaps(plate, other)).toBe(false)
  })

  it('keeps the reading order of the cards, from the row’s top-left corner', () => {
    const plates = waitingPlateGrid(strip([...names, ...more]), 60)
    const first = plates.get('card-Municipality')!
    expect(first).toMatchObject({ x: 0, y: 1600 })
    expect(plates.get('card-Belangenorganisatie')!.x).toBeGreaterThan(first.x)
    expect(plates.get('card-Future generations')!.y).toBeGreaterThan(first.y)
  })

  it('moves a second row of cards down below the first one’s plates', () => {
    const plates = [
      ...waitingPlateGrid(
        [
          ...strip(names),
          ...strip(more, { x: 0, y: 1900 }).map((c) => ({ ...c, id: `b-${c.id}` })),
        ],
        60,
      ).values(),
    ]
    for (const [index, plate] of plates.entries())
      for (const other of plates.slice(index + 1)) expect(overlaps(plate, other)).toBe(false)
  })
})
