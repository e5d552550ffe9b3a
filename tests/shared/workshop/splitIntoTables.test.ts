import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type TableCandidate,
  seatLateJoiners,
  splitIntoTables,
} from '../../../shared/workshop/splitIntoTables'

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

/** People from the room and remote people at each table. */
function mix(people: TableCandidate[], assignments: Record<string, number>, tables: number) {
  const counts = Array.from({ length: tables }, () => ({ room: 0, remote: 0 }))
  for (const person of people) {
    const table = assignments[person.userId]
    if (table !== undefined) counts[table]![person.place === 'remote' ? 'remote' : 'room']++
  }
  return counts
}

describe('splitting the room into tables', () => {
  it('seats 17 participants, 12 in the room and 5 remote, at 4 tables of 5, 4, 4 and 4', () => {
    const people = group(17)
    const { count, assignments } = splitIntoTables(people, 4)
    expect(count).toBe(4)
    expect(Object.keys(assignments).sort()).toEqual(people.map((p) => p.userId))
    expect(tableSizes(assignments, 4)).toEqual([5, 4, 4, 4])
    // Three people from the room at every table, and the remote ones spread over all four.
    expect(mix(people, assignments, 4)).toEqual([
      { room: 3, remote: 2 },
      { room: 3, remote: 1 },
      { room: 3, remote: 1 },
      { room: 3, remote: 1 },
    ])
  })

  it('gives no table only remote people while another has none of them', () => {
    // Dealt by id alone, a, c, e and g (remote) would all sit at table 1, the others at 2.
    const people: TableCandidate[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, index) => ({
      userId: id,
      role: 'editor',
      connected: true,
      place: index % 2 === 0 ? 'remote' : 'room',
    }))
    expect(mix(people, splitIntoTables(people, 2).assignments, 2)).toEqual([
      { room: 2, remote: 2 },
      { room: 2, remote: 2 },
    ])
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

  it('gives every client the same split, and every table its share of the room and of the remote participants (property)', () => {
    const someone = fc.record({
      userId: fc.string({ minLength: 1, maxLength: 4 }),
      role: fc.constantFrom('editor', 'viewer'),
      connected: fc.constant(true),
      place: fc.constantFrom<TableCandidate['place']>('room', 'remote'),
    })
    const people = fc.uniqueArray(someone, { maxLength: 24, selector: (p) => p.userId })
    const seenInSomeOrder = people.chain((all) =>
      fc.tuple(fc.constant(all), fc.shuffledSubarray(all, { minLength: all.length })),
    )
    fc.assert(
      fc.property(seenInSomeOrder, fc.integer({ min: 1, max: 12 }), ([all, shuffled], tables) => {
        const split = splitIntoTables(all, tables)
        expect(splitIntoTables(shuffled, tables)).toEqual(split)
        const spread = (values: number[]) => Math.max(...values) - Math.min(...values)
        const counts = mix(all, split.assignments, tables)
        expect(spread(tableSizes(split.assignments, tables))).toBeLessThanOrEqual(1)
        expect(spread(counts.map((c) => c.room))).toBeLessThanOrEqual(1)
        expect(spread(counts.map((c) => c.remote))).toBeLessThanOrEqual(1)
      }),
    )
  })
})

describe('who gets no table, and who arrives late', () => {
  const person = (
    userId: string,
    role: string,
    place: TableCandidate['place'] = 'room',
  ): TableCandidate => ({ userId, role, connected: true, place })

  it('gives viewers (the projector), owners and facilitators no table', () => {
    const people = [
      person('ann', 'editor'),
      person('projector', 'viewer'),
      person('fatima', 'facilitator'),
      person('olga', 'owner'),
      person('bram', 'editor', 'remote'),
    ]
    expect(splitIntoTables(people, 4).assignments).toEqual({ ann: 0, bram: 1 })
  })

  it('keeps when the room was split, so splitting again takes everyone to their table again', () => {
    expect(splitIntoTables([person('ann', 'editor')], 2, 1234).at).toBe(1234)
  })

  it('seats a late joiner at the table with the fewest people, and keeps everyone else’s seat', () => {
    const groups = splitIntoTables(
      ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, 'editor')),
      3,
      99,
    )
    expect(groups.assignments).toEqual({ a: 0, b: 1, c: 2, d: 0, e: 1 })
    const later = seatLateJoiners(groups, [
      person('a', 'editor'),
      person('zoe', 'editor', 'remote'),
      person('yusuf', 'editor'),
    ])
    // Table 3 had fewest; then all three tables have two and table 1 comes first.
    expect(later.assignments).toEqual({ a: 0, b: 1, c: 2, d: 0, e: 1, yusuf: 2, zoe: 0 })
    expect(later.at).toBe(99)
  })

  it('leaves the split as it is when only viewers and trainers arrive', () => {
    const groups = splitIntoTables([person('a', 'editor')], 2)
    const later = seatLateJoiners(groups, [
      person('a', 'editor'),
      person('projector', 'viewer'),
      person('kim', 'facilitator'),
      { ...person('gone', 'editor'), connected: false },
    ])
    expect(later).toBe(groups)
  })
})
