/**
 * Whether an update would add live content under one root of a document, found without
 * applying it. The room asks this of updates that touch the map document's legacy
 * `contacts` root (rootsTouchedByUpdate says which do): contacts live in the confidential
 * document now, so new content there is refused, while deletions, and content that arrives
 * already deleted, are let through, so that a browser's copy from an earlier version can
 * heal by deleting what it holds.
 *
 * An Item counts as live unless its content is `ContentDeleted` or the update's own delete
 * set covers it (the server's document has `gc: true`, so such content is collected before
 * the update is stored or sent on). Its root is found as rootsTouchedByUpdate finds it:
 * through its parent (a root name, or the ID of the parent type's Item) or, without one,
 * through its origin or right origin, in the document or in the update itself. An Item
 * whose root cannot be made out counts as live: what cannot be checked is refused.
 */
import * as Y from 'yjs'
import type { DecodedUpdate } from './DecodedUpdate'

type DecodedStruct = Y.Item | Y.GC | Y.Skip

/** A decoded update's delete set: client → deleted ranges. */
interface DecodedDeleteSet {
  clients: Map<number, { clock: number; len: number }[]>
}

/** True when `update` would add live content anywhere below root `root` of `doc`. */
export function addsLiveContentUnder(
  doc: Y.Doc,
  update: Uint8Array | DecodedUpdate,
  root: string,
): boolean {
  const { structs, ds } = (update instanceof Uint8Array ? Y.decodeUpdate(update) : update) as {
    structs: DecodedStruct[]
    ds: DecodedDeleteSet
  }
  const inUpdate = (id: Y.ID): DecodedStruct | undefined =>
    structs.find(
      (struct) =>
        struct.id.client === id.client &&
        struct.id.clock <= id.clock &&
        id.clock < struct.id.clock + struct.length,
    )
  const inDoc = (id: Y.ID): Y.Item | Y.GC | undefined => {
    if (id.clock >= Y.getState(doc.store, id.client)) return undefined
    const list = doc.store.clients.get(id.client)
    return list?.[Y.findIndexSS(list, id.clock)]
  }
  const rootOfType = (type: unknown): string | null => {
    if (!(type instanceof Y.AbstractType)) return null
    let current = type as Y.AbstractType<unknown>
    while (current._item !== null) {
      const parent: unknown = current._item.parent
      if (!(parent instanceof Y.AbstractType)) return null
      current = parent as Y.AbstractType<unknown>
    }
    return Y.findRootTypeKey(current)
  }
  /** The root an ID's struct sits under: a name, '' for collected content, null unknown. */
  const rootOfId = (id: Y.ID, depth: number): string | null => {
    const known = inDoc(id)
    if (known !== undefined) return known instanceof Y.Item ? rootOfType(known.parent) : ''
    const decoded = inUpdate(id)
    return decoded === undefined ? null : rootOfStruct(decoded, depth + 1)
  }
  const rootOfStruct = (struct: DecodedStruct, depth: number): string | null => {
    // A chain of parents longer than the update is a cycle: malformed input.
    if (!(struct instanceof Y.Item) || depth > structs.length + 1) return null
    const parent: unknown = struct.parent
    if (typeof parent === 'string') return parent
    if (parent instanceof Y.ID) return rootOfId(parent, depth)
    const neighbour = struct.origin ?? struct.rightOrigin
    return neighbour === null ? null : rootOfId(neighbour, depth)
  }
  return structs.some((struct) => {
    if (!(struct instanceof Y.Item)) return false
    // What the document already has changes nothing.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) return false
    if (struct.content instanceof Y.ContentDeleted) return false
    if (coveredByDeleteSet(ds, struct)) return false
    const found = rootOfStruct(struct, 0)
    return found === null || found === root
  })
}

/** True when one range of the update's delete set covers all of `struct`. */
function coveredByDeleteSet(ds: DecodedDeleteSet, struct: Y.Item): boolean {
  const { client, clock } = struct.id
  const end = clock + struct.length
  return (ds.clients.get(client) ?? []).some(
    (range) => range.clock <= clock && end <= range.clock + range.len,
  )
}
