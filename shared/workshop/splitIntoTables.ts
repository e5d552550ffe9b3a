/**
 * Who sits at which table when the facilitator splits the room. Everyone connected takes
 * part except those who run the session (owners and facilitators) and those who only watch
 * (viewers: the projector on the viewer link stays on the plenary board). They are dealt round
 * robin, those in the room first and then the remote ones, each group by user id: every
 * client computing it for the same people gets the same split, tables differ by one person
 * at most, and the remote participants are spread over the tables like the others (no
 * table of only remote people while another has none), so they take part as equals.
 */
import { MAX_TABLES, type TableGroups } from './tableGroups'

/** A person present in the session, as the split needs to know them. */
export interface TableCandidate {
  userId: string
  /** Their role on this map (an unknown role is a participant's). */
  role: string
  connected: boolean
  place: 'room' | 'remote' | null
}

/** The order in which places are dealt; someone who has not said comes last. */
const PLACE_ORDER: readonly TableCandidate['place'][] = ['room', 'remote', null]

/** Roles that never get a seat: those who run the session, and those who only watch. */
const NO_SEAT_ROLES: readonly string[] = ['owner', 'facilitator', 'viewer']

/** True for those who go to a table: connected, neither running the session nor watching. */
export function takesASeat(candidate: TableCandidate): boolean {
  return candidate.connected && !NO_SEAT_ROLES.includes(candidate.role)
}

/**
 * Splits the present participants over `count` tables (1 to 12). `at` (server time) marks
 * this split as new, so splitting again takes everyone to their table again.
 */
export function splitIntoTables(
  candidates: readonly TableCandidate[],
  count: number,
  at = 0,
): TableGroups {
  const tables = Number.isFinite(count) ? Math.max(1, Math.min(MAX_TABLES, Math.floor(count))) : 1
  // One seat per person, also with two tabs open; "in the room" wins over other answers.
  const placeRank = new Map<string, number>()
  for (const candidate of candidates.filter(takesASeat)) {
    const rank = PLACE_ORDER.indexOf(candidate.place)
    placeRank.set(candidate.userId, Math.min(rank, placeRank.get(candidate.userId) ?? rank))
  }
  const dealt = [...placeRank]
    .sort(([a, rankA], [b, rankB]) => rankA - rankB || (a < b ? -1 : a > b ? 1 : 0))
    .map(([userId]) => userId)
  const assignments: Record<string, number> = {}
  dealt.forEach((userId, index) => {
    assignments[userId] = index % tables
  })
  return { count: tables, assignments, at }
}

/**
 * Seats those who arrived after the split at the table with the fewest people (the lowest
 * number on a tie), in the split's order; everyone already seated keeps their table, and
 * viewers, owners and facilitators stay without one. Answers `groups` itself when nobody new
 * needs a seat, so the caller writes nothing. Deterministic: two facilitators' pages seating
 * the same late joiner write the same seat.
 */
export function seatLateJoiners(
  groups: TableGroups,
  candidates: readonly TableCandidate[],
): TableGroups {
  const unseated = candidates.filter(
    (candidate) => takesASeat(candidate) && groups.assignments[candidate.userId] === undefined,
  )
  if (unseated.length === 0) return groups
  const newcomers = splitIntoTables(unseated, 1).assignments
  const order = Object.keys(newcomers).sort(
    (a, b) => rankOf(unseated, a) - rankOf(unseated, b) || (a < b ? -1 : a > b ? 1 : 0),
  )
  const sizes = new Array<number>(groups.count).fill(0)
  for (const table of Object.values(groups.assignments)) {
    if (table >= 0 && table < groups.count) sizes[table]!++
  }
  const assignments = { ...groups.assignments }
  for (const userId of order) {
    const table = sizes.indexOf(Math.min(...sizes))
    assignments[userId] = table
    sizes[table]!++
  }
  return { ...groups, assignments }
}

/** The best place rank `userId` has among `candidates` (room before remote before unknown). */
function rankOf(candidates: readonly TableCandidate[], userId: string): number {
  return Math.min(
    ...candidates
      .filter((candidate) => candidate.userId === userId)
      .map((candidate) => PLACE_ORDER.indexOf(candidate.place)),
  )
}
