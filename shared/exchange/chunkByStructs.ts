/**
 * Bulk writes (an import of hundreds of stakeholders, a map file) are split into several Yjs
 * transactions, because the y-websocket client sends each transaction as one update and the
 * server refuses an update of more than `MAX_UPDATE_STRUCTS` structs (default 2,000; see
 * server/config.ts). A struct is roughly one value set under one key: writing a stakeholder
 * makes one per field, one per entry map, and one per impact, log entry and contact.
 * The transactions of one import run back to back with one origin, so the undo manager
 * still folds them into one undo step.
 */
import { CLIENT_UPDATE_STRUCT_BUDGET } from '../protocol/clientUpdateBudget'
import type { Stakeholder } from '../stakeholder/Stakeholder'

/** Structs a client puts in one transaction at most when it writes in bulk. */
export const BULK_WRITE_STRUCT_BUDGET = CLIENT_UPDATE_STRUCT_BUDGET

/** Fields, the record's own map and its entry maps: what any stakeholder costs. */
const STRUCTS_PER_RECORD = 32

/** An upper estimate of the structs writing `stakeholder` creates, in both documents. */
export function estimatedStructs(stakeholder: Stakeholder): number {
  return (
    STRUCTS_PER_RECORD +
    stakeholder.impacts.length +
    stakeholder.engagement.log.length +
    stakeholder.contacts.length +
    // Each stakeholder that has contacts or confidential entries gets a map of its own there.
    2
  )
}

/**
 * Splits `items` into consecutive groups whose `cost` adds up to at most `budget` (an item
 * costing more than the budget on its own gets a group of its own). Order is kept.
 */
export function chunkByStructs<T>(
  items: readonly T[],
  cost: (item: T) => number,
  budget = BULK_WRITE_STRUCT_BUDGET,
): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let used = 0
  for (const item of items) {
    const price = cost(item)
    if (current.length > 0 && used + price > budget) {
      chunks.push(current)
      current = []
      used = 0
    }
    current.push(item)
    used += price
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
