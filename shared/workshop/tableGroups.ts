/**
 * Table groups, kept under `groups` in the `facilitation` root: how many tables there are
 * and which participant sits at which (see splitIntoTables.ts for who goes where).
 */
import { isFiniteNumber, isPlainObject } from './plainValues'

/** Table groups: participant user id → table number (0-based). */
export interface TableGroups {
  count: number
  assignments: Record<string, number>
  /** When the facilitator split the room (server time); 0 for splits stored before it was kept. */
  at: number
}

/** The most tables a room can be split into. */
export const MAX_TABLES = 12

/** Reads the stored groups; anything malformed reads as no groups. */
export function readTableGroups(value: unknown): TableGroups | null {
  if (!isPlainObject(value) || !isFiniteNumber(value.count) || !isPlainObject(value.assignments)) {
    return null
  }
  const assignments: Record<string, number> = {}
  for (const [userId, table] of Object.entries(value.assignments)) {
    // A seat outside the tables reads as no seat (a peer may write anything).
    if (isFiniteNumber(table) && table >= 0 && table < value.count) assignments[userId] = table
  }
  return { count: value.count, assignments, at: isFiniteNumber(value.at) ? value.at : 0 }
}
