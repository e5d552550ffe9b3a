/**
 * Checks, before an update is applied, that every struct it adds lands where the
 * document's shape (shared/document/documentShape.ts) allows it, holding a value the slot
 * does not refuse, no deeper than `maxDepth` shared types below its root.
 *
 * Each new Item is located as Yjs would integrate it: by its parent (a root name, or the ID
 * of the Item holding the parent type) and key (`parentSub`), or, when the update leaves
 * them out, by its origin or right origin, whose parent and key it shares. IDs are looked up
 * in the document first, then among the update's own structs (a binary search per client).
 * Locating runs on an explicit stack, so a long chain of references cannot overflow the
 * call stack, and a path is never followed past `maxDepth`. What cannot be located is
 * refused: rootsTouchedByUpdate reports it too, with the same rule.
 */
import * as Y from 'yjs'
import type { DocumentShape, MapShape, SlotShape } from '../../shared/document/documentShape'
import type { DecodedUpdate } from './DecodedUpdate'
import { type DecodedStruct, type UpdateStructIndex, indexUpdateStructs } from './UpdateStructIndex'

type Content = Y.Item['content']

/** Where an Item goes: its root, the keys of the maps between root and it, and its key. */
export interface Location {
  root: string
  /** Keys from the root down to the type holding the Item (null: an array element). */
  path: (string | null)[]
  /** The Item's key in that type; null when the type is an array. */
  key: string | null
}

/** A located Item, content not integrated (GC neighbour), or why it cannot be located. */
type Located = Location | 'gone' | 'unknown' | 'too-deep'

/**
 * A further check of each new Item that fits the shape (e.g. checkContributionOwner): why
 * it is refused, or null.
 */
export type ItemCheck = (location: Location, item: Y.Item) => string | null

/** Result of {@link checkUpdateShape}: null when every struct fits. */
export type ShapeProblem = { reason: string; tooDeep: boolean } | null

/**
 * Checks `decoded` (an update for `doc`) against `shape`; see the module comment. `index` is
 * the update's struct index when the caller has built it already.
 */
export function checkUpdateShape(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  shape: DocumentShape,
  maxDepth: number,
  checkItem: ItemCheck | null = null,
  index: UpdateStructIndex = indexUpdateStructs(decoded),
): ShapeProblem {
  const { structs, find } = index
  const inUpdate = (id: Y.ID): DecodedStruct | null => find(id.client, id.clock)
  const inDoc = (id: Y.ID): Y.Item | Y.GC | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null
    const list = doc.store.clients.get(id.client)
    return list === undefined ? null : (list[Y.findIndexSS(list, id.clock)] ?? null)
  }

  const memo = new Map<DecodedStruct, Located>()

  /** What a struct's location depends on: known now, or another struct of the update. */
  const step = (item: Y.Item): Located | { after: DecodedStruct; child: boolean } => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { root: parent, path: [], key: item.parentSub }
    if (parent instanceof Y.ID) {
      const holder = inDoc(parent)
      if (holder !== null) {
        if (!(holder instanceof Y.Item)) return 'gone'
        if (!(holder.content instanceof Y.ContentType)) return 'unknown'
        return withKey(locationOfType(holder.content.type), item.parentSub, maxDepth)
      }
      const pending = inUpdate(parent)
      return pending === null ? 'unknown' : { after: pending, child: true }
    }
    const neighbour = item.origin ?? item.rightOrigin
    if (neighbour === null) return 'unknown'
    const known = inDoc(neighbour)
    if (known !== null) {
      if (!(known instanceof Y.Item)) return 'gone'
      if (!(known.parent instanceof Y.AbstractType)) return 'unknown'
      const holder = locationOfType(known.parent)
      return holder === null ? 'unknown' : { ...holder, key: known.parentSub }
    }
    const pending = inUpdate(neighbour)
    return pending === null ? 'unknown' : { after: pending, child: false }
  }

  const locate = (start: DecodedStruct): Located => {
    const stack: DecodedStruct[] = [start]
    const onStack = new Set<DecodedStruct>([start])
    while (stack.length > 0) {
      const struct = stack[stack.length - 1] as DecodedStruct
      if (!(struct instanceof Y.Item)) {
        memo.set(struct, 'gone')
      } else if (!memo.has(struct)) {
        const next = step(struct)
        if (typeof next === 'string' || !('after' in next)) {
          memo.set(struct, next)
        } else {
          const done = memo.get(next.after)
          if (done === undefined) {
            // A reference back into the chain being followed: a cycle, malformed input.
            if (onStack.has(next.after)) memo.set(struct, 'unknown')
            else {
              stack.push(next.after)
              onStack.add(next.after)
              continue
            }
          } else memo.set(struct, derive(done, next.after, next.child, struct))
        }
      }
      stack.pop()
      onStack.delete(struct)
    }
    return memo.get(start) ?? 'unknown'
  }

  /** The location of `item` from the location of the struct it depends on. */
  const derive = (done: Located, after: DecodedStruct, child: boolean, item: Y.Item): Located => {
    if (typeof done === 'string') return done
    if (!child) return done
    // `after` holds the parent type: it must be an Item with a shared type as content.
    if (!(after instanceof Y.Item) || !(after.content instanceof Y.ContentType)) return 'unknown'
    return withKey({ root: done.root, path: [...done.path, done.key] }, item.parentSub, maxDepth)
  }

  // What the document has already is skipped by Yjs.
  const fresh = structs.filter(
    (struct): struct is Y.Item =>
      struct instanceof Y.Item &&
      struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client),
  )
  // Depth first, over the whole update: too deep a nest is a cost problem (4413), whatever
  // else is wrong with it.
  const located = fresh.map((item) => locate(item))
  if (located.includes('too-deep')) {
    return { reason: `update nests shared types deeper than ${maxDepth}`, tooDeep: true }
  }
  /** Live entries each root array would gain. */
  const added = new Map<string, number>()
  for (const [index, item] of fresh.entries()) {
    const location = located[index] as Located
    if (location === 'gone' || location === 'too-deep') continue
    if (location === 'unknown') {
      return { reason: 'update refers to unknown content', tooDeep: false }
    }
    const problem = checkPlacement(shape, location, item) ?? checkItem?.(location, item) ?? null
    if (problem !== null) return { reason: problem, tooDeep: false }
    const live = !(item.content instanceof Y.ContentDeleted)
    if (live && shape[location.root]?.kind === 'array') {
      added.set(location.root, (added.get(location.root) ?? 0) + item.length)
    }
  }
  for (const [root, count] of added) {
    const rootShape = shape[root]
    if (rootShape?.kind !== 'array') continue
    const length = doc.share.has(root) ? doc.getArray(root).length : 0
    if (length + count > rootShape.maxLength) {
      return { reason: `${root} may hold at most ${rootShape.maxLength} entries`, tooDeep: false }
    }
  }
  return null
}

/** The location of a type of the document; null when it is not attached to a root. */
function locationOfType(
  type: Y.AbstractType<unknown>,
): { root: string; path: (string | null)[] } | null {
  const path: (string | null)[] = []
  let current = type
  while (current._item !== null) {
    const item = current._item
    if (!(item.parent instanceof Y.AbstractType)) return null
    path.unshift(item.parentSub)
    current = item.parent as Y.AbstractType<unknown>
  }
  return { root: Y.findRootTypeKey(current), path }
}

function withKey(
  holder: { root: string; path: (string | null)[] } | null,
  key: string | null,
  maxDepth: number,
): Located {
  if (holder === null) return 'unknown'
  // The Item's own level counts: an Item directly in a root is at depth 1.
  if (holder.path.length + 1 > maxDepth) return 'too-deep'
  return { root: holder.root, path: holder.path, key }
}

/** Why `item` may not go to `location`, or null when the shape allows it. */
function checkPlacement(shape: DocumentShape, location: Location, item: Y.Item): string | null {
  const rootShape = Object.hasOwn(shape, location.root) ? shape[location.root] : undefined
  if (rootShape === undefined) return `unknown root type "${location.root.slice(0, 50)}"`
  const where = [location.root, ...location.path].map((key) => shorten(key)).join('/')
  let slot: SlotShape
  let keys: (string | null)[]
  if (rootShape.kind === 'array') {
    // Elements of a root array hold no keys and nothing nested.
    if (location.path.length > 0 || location.key !== null) return `not an array entry: ${where}`
    slot = rootShape.item
    keys = []
  } else {
    const [first, ...rest] = [...location.path, location.key]
    const found = slotIn(rootShape.map, first)
    if (typeof found === 'string') return `${found} in ${location.root}`
    slot = found
    keys = rest
  }
  for (const key of keys) {
    if (slot.map === null) return `no nested map allowed at ${where}`
    const found = slotIn(slot.map, key)
    if (typeof found === 'string') return `${found} at ${where}`
    slot = found
  }
  if (!fits(slot, item.content)) return `${contentName(item.content)} not allowed at ${where}`
  if (slot.refuseValue !== undefined && item.content instanceof Y.ContentAny) {
    // A map key's value is its content's last; a crafted item may carry more: check each.
    for (const value of item.content.arr) {
      const refused = slot.refuseValue(value)
      if (refused !== null) return `${refused} (${where}/${shorten(location.key)})`
    }
  }
  return null
}

function slotIn(map: MapShape, key: string | null | undefined): SlotShape | string {
  if (key === null || key === undefined) return `array entry where a ${map.keys} belongs`
  return map.slot(key) ?? `key "${shorten(key)}" (expected ${map.keys})`
}

/** Whether an Item's content is what `slot` allows. Deleted content fits anywhere. */
function fits(slot: SlotShape, content: Content): boolean {
  if (content instanceof Y.ContentDeleted) return true
  if (content instanceof Y.ContentAny) return slot.value
  if (content instanceof Y.ContentType) return slot.map !== null && content.type instanceof Y.Map
  return false
}

function contentName(content: Content): string {
  if (content instanceof Y.ContentType) return content.type.constructor.name
  return content.constructor.name
}

function shorten(key: string | null): string {
  return key === null ? '[]' : key.length > 40 ? `${key.slice(0, 40)}…` : key
}
