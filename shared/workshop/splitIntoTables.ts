/**
 * Who sits at which table when the facilitator splits the room. Everyone connected takes
 * part except those who run the session (owners and facilitators); they are dealt round
 * robin in a stable order (by user id), so every client computing it for the same people
 * gets the same split, and tables differ by one person at most.
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

/** True for those who go to a table: connected, and not running the session. */
function takesASeat(candidate: TableCandidate): boolean {
  return candidate.connected && candidate.role !== 'owner' && candidate.role !== 'facilitator'
}

/** Splits the present participants over `count` tables (1 to 12). */
export function splitIntoTables(candidates: readonly TableCandidate[], count: number): TableGroups {
  const tables = Number.isFinite(count) ? Math.max(1, Math.min(MAX_TABLES, Math.floor(count))) : 1
  const seated = [...new Set(candidates.filter(takesASeat).map((c) => c.userId))].sort()
  const assignments: Record<string, number> = {}
  seated.forEach((userId, index) => {
    assignments[userId] = index % tables
  })
  return { count: tables, assignments }
}
