/**
 * The structs of one decoded update, grouped by client in clock order, so that the room's
 * checks (rootsTouchedByUpdate, checkUpdateShape) find a struct the update refers to with
 * a binary search. authorizeUpdate builds it once per update and hands it to both checks,
 * which used to build the same index each.
 */
import type * as Y from 'yjs'
import type { DecodedUpdate } from './DecodedUpdate'

/** A struct as `Y.decodeUpdate` answers it. */
export type DecodedStruct = Y.Item | Y.GC | Y.Skip

/** Finds the update's own struct that holds `clock` of `client`; null when it has none. */
export type FindInUpdate = (client: number, clock: number) => DecodedStruct | null

/** An update's structs, per client, sorted by clock. */
export interface UpdateStructIndex {
  structs: DecodedStruct[]
  byClient: Map<number, DecodedStruct[]>
  find: FindInUpdate
}

/** Groups `decoded`'s structs by client; a malformed update may list a client twice. */
export function indexUpdateStructs(decoded: DecodedUpdate): UpdateStructIndex {
  const structs = decoded.structs as DecodedStruct[]
  const byClient = new Map<number, DecodedStruct[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client)
    if (list === undefined) byClient.set(struct.id.client, [struct])
    else list.push(struct)
  }
  // Keep each list in clock order, whatever order the update gave.
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  // A client's structs come in clock order: a binary search, not a scan per reference.
  const find: FindInUpdate = (client, clock) => {
    const list = byClient.get(client)
    if (list === undefined) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const struct = list[middle] as DecodedStruct
      if (clock < struct.id.clock) high = middle - 1
      else if (clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return null
  }
  return { structs, byClient, find }
}
