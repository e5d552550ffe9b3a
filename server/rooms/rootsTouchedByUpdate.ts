/**
 * Which root types of a document an update would change, found without applying it.
 *
 * `Y.decodeUpdate` gives the update's structs and delete set. An Item names its parent as a
 * root name (string), as the ID of the parent type's Item, or not at all when its origin or
 * right origin is given (it then shares that neighbour's parent). IDs are looked up in the
 * document's struct store first, then among the update's own structs; the parent chain is
 * followed up to a root. Structs and deletions the document already has change nothing and
 * are skipped (a sync step 2 always carries the sender's whole delete set). Anything that
 * cannot be resolved, and content that would leave a gap in a client's clock, is reported,
 * so the caller can refuse what it cannot check.
 */
import * as Y from 'yjs'
import type { DecodedUpdate } from './DecodedUpdate'
import { type DecodedStruct, type UpdateStructIndex, indexUpdateStructs } from './UpdateStructIndex'

/** Result of {@link rootsTouchedByUpdate}. */
export interface TouchedRoots {
  /** Names of the root types the update adds to or deletes from. */
  roots: Set<string>
  /** True when some struct or deletion refers to content neither side knows. */
  unresolved: boolean
}

/** How a struct's root is known: a root name, nothing to check (GC), or unknown. */
type Resolution = { root: string } | 'none' | 'unknown'

/**
 * Finds the roots `update` (Yjs v1 encoding) touches in `doc`. Throws on a malformed update.
 * `index` is the update's struct index when the caller has built it already.
 */
export function rootsTouchedByUpdate(
  doc: Y.Doc,
  update: Uint8Array | DecodedUpdate,
  index?: UpdateStructIndex,
): TouchedRoots {
  const decoded = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  const { ds } = decoded as unknown as {
    ds: { clients: Map<number, { clock: number; len: number }[]> }
  }
  const { structs, byClient, find: findInUpdate } = index ?? indexUpdateStructs(decoded)
  const known = Y.getState.bind(null, doc.store)
  const result: TouchedRoots = { roots: new Set(), unresolved: false }
  const memo = new Map<DecodedStruct, Resolution>()

  const findInDoc = (client: number, clock: number): Y.Item | Y.GC | null => {
    const list = doc.store.clients.get(client)
    if (list === undefined || clock >= known(client)) return null
    return list[Y.findIndexSS(list, clock)] ?? null
  }

  const rootOfType = (type: Y.AbstractType<unknown>): Resolution => {
    let current = type
    while (current._item !== null) {
      const parent = current._item.parent
      if (!(parent instanceof Y.AbstractType)) return 'unknown'
      current = parent
    }
    return { root: Y.findRootTypeKey(current) }
  }

  const resolveInDoc = (item: Y.Item | Y.GC): Resolution => {
    if (!(item instanceof Y.Item)) return 'none'
    return item.parent instanceof Y.AbstractType ? rootOfType(item.parent) : 'unknown'
  }

  // Follows parents (or neighbours) up to a root or to the document, in a loop: a crafted
  // chain as long as the update must not exhaust the stack. Every struct passed on the way
  // gets the same answer.
  const resolveDecoded = (start: DecodedStruct): Resolution => {
    const chain: DecodedStruct[] = []
    let struct = start
    let resolution: Resolution
    for (;;) {
      const cached = memo.get(struct)
      if (cached !== undefined) {
        resolution = cached
        break
      }
      // A chain longer than the update is a cycle: malformed input.
      if (chain.length > structs.length) {
        resolution = 'unknown'
        break
      }
      chain.push(struct)
      if (!(struct instanceof Y.Item)) {
        resolution = 'none'
        break
      }
      const parent = struct.parent as unknown
      if (typeof parent === 'string') {
        resolution = { root: parent }
        break
      }
      // No parent info: the Item sits beside its origin (or right origin), in that parent.
      const next = parent instanceof Y.ID ? parent : (struct.origin ?? struct.rightOrigin)
      if (next === null) {
        resolution = 'unknown'
        break
      }
      const inDoc = findInDoc(next.client, next.clock)
      if (inDoc !== null) {
        resolution = resolveInDoc(inDoc)
        break
      }
      const inUpdate = findInUpdate(next.client, next.clock)
      if (inUpdate === null) {
        resolution = 'unknown'
        break
      }
      struct = inUpdate
    }
    for (const passed of chain) memo.set(passed, resolution)
    return resolution
  }

  const note = (resolution: Resolution): void => {
    if (resolution === 'unknown') result.unresolved = true
    else if (resolution !== 'none') result.roots.add(resolution.root)
  }

  // A client's structs in an update are contiguous; one starting past what the doc has would
  // wait in memory for the gap to be filled (Yjs' pending structs): refuse it instead.
  for (const [client, list] of byClient) {
    const first = list[0]
    if (first !== undefined && first.id.clock > known(client)) result.unresolved = true
  }

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // Yjs skips what the document already has.
    if (struct.id.clock + struct.length <= known(struct.id.client)) continue
    note(resolveDecoded(struct))
  }

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      noteDeletedRange(client, clock, clock + len)
    }
  }

  function noteDeletedRange(client: number, start: number, end: number): void {
    let clock = start
    while (clock < end) {
      const inDoc = findInDoc(client, clock)
      if (inDoc !== null) {
        // Deleting what is already deleted (or collected) changes nothing.
        if (inDoc instanceof Y.Item && !inDoc.deleted) note(resolveInDoc(inDoc))
        clock = inDoc.id.clock + inDoc.length
        continue
      }
      const inUpdate = findInUpdate(client, clock)
      if (inUpdate === null) {
        result.unresolved = true
        return
      }
      note(resolveDecoded(inUpdate))
      clock = inUpdate.id.clock + inUpdate.length
    }
  }

  return result
}
