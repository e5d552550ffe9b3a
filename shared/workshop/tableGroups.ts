/**
 * Table groups, kept under `groups` in the `facilitation` root: how many tables there are
 * and which participant sits at which (see splitIntoTables.ts for who goes where).
 */
import { isFiniteNumber, isPlainObject } from './plainValues'

/** Table groups: participant user id → table number (0-based). */
export interface TableGroups {
  count: number
  assignments: Record<string, number>
}

/** The most tables a room can be split into. */
export const MAX_TABLES = 12

/** Reads the stored groups; anything malformed reads as no groups. */
export function readTableGroups(value: unknown): TableGroups | null {
  return isPlainObject(value) && isFiniteNumber(value.count) && isPlainObject(value.assignments)
    ? (value as unknown as TableGroups)
    : null
}
