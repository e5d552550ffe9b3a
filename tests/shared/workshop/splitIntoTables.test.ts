import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type TableCandidate, splitIntoTables } from '../../../shared/workshop/splitIntoTables'

/** `count` participants p01, p02, …; every third one remote. */
function group(count: number): TableCandidate[] {
  return Array.from({ length: count }, (_, index) => ({
    userId: `p${String(index + 1).padStart(2, '0')}`,
    role: 'editor',
    connected: true,
    place: index % 3 === 2 ? 'remote' : 'room',
  }))
}

/** How many people sit at each table. */
function tableSizes(assignments: Record<string, number>, tables: number): number[] {
  const sizes = new Array<number>(tables).fill(0)
  for (const table of Object.values(assignments)) sizes[table]!++
  return sizes
}

describe('splitting the room into tables', () => {
  it('seats 17 participants, in the room and remote, at 4 tables of 5, 4, 4 and 4', () => {
    const people = group(17)
    const { count, assignments } = splitIntoTables(people, 4)
    expect(count).toBe(4)
    expect(Object.keys(assignments).sort()).toEqual(people.map((p) => p.userId))
    expect(tableSizes(assignments, 4)).toEqual([5, 4, 4, 4])
    expect(assignments).toMatchObject({ p01: 0, p02: 1, p03: 2, p04: 3, p05: 0, p17: 0 })
  })

  it('gives no table to the trainers, nor to those who have left', () => {
    const people: TableCandidate[] = [
      ...group(6),
      { userId: 'trainer', role: 'facilitator', connected: true, place: 'room' },
      { userId: 'owner', role: 'owner', connected: true, place: 'room' },
      { userId: 'gone', role: 'editor', connected: false, place: 'remote' },
    ]
    const { assignments } = splitIntoTables(people, 2)
    expect(Object.keys(assignments).sort()).toEqual(['p01', 'p02', 'p03', 'p04', 'p05', 'p06'])
  })

  it('makes 1 to 12 tables, whatever number it is asked for', () => {
    expect(splitIntoTables(group(3), 0).count).toBe(1)
    expect(splitIntoTables(group(3), 40).count).toBe(12)
    expect(splitIntoTables(group(3), 2.7).count).toBe(2)
    expect(splitIntoTables(group(3), Number.NaN).count).toBe(1)
  })

  it('counts someone with two open tabs once', () => {
    const twice = [...group(3), ...group(3)]
    expect(Object.keys(splitIntoTables(twice, 2).assignments)).toHaveLength(3)
  })

  it('gives every client the same split, in whatever order it saw people (property)', () => {
    const seenInSomeOrder = fc
      .integer({ min: 0, max: 24 })
      .chain((n) => fc.shuffledSubarray(group(n), { minLength: n }))
    fc.assert(
      fc.property(seenInSomeOrder, fc.integer({ min: 1, max: 12 }), (people, tables) => {
        const inIdOrder = [...people].sort((a, b) => a.userId.localeCompare(b.userId))
        const split = splitIntoTables(people, tables)
        expect(split).toEqual(splitIntoTables(inIdOrder, tables))
        const sizes = tableSizes(split.assignments, tables)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      }),
    )
  })
})
