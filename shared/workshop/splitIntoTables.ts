/**
 * Who sits at which table when the facilitator splits the room. Everyone connected takes
 * part except those who run the session (owners and facilitators). They are dealt round
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

/** True for those who go to a table: connected, and not running the session. */
function takesASeat(candidate: TableCandidate): boolean {
  return candidate.connected && candidate.role !== 'owner' && candidate.role !== 'facilitator'
}

/** Splits the present participants over `count` tables (1 to 12). */
export function splitIntoTables(candidates: readonly TableCandidate[], count: number): TableGroups {
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
  return { count: tables, assignments }
}
