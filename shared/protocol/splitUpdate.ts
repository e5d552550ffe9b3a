/**
 * Splits a Yjs update (v1) that is over the server's per-update limit into several updates
 * the server accepts one after the other.
 *
 * The server refuses an update with more than `MAX_UPDATE_STRUCTS` structs and delete
 * ranges (server/transport/measureUpdate.ts) and it also refuses an update that refers to
 * content it does not have yet ("unknown content", 1008). So the parts must each be under
 * the limit and arrive in an order in which everything a struct refers to (its left and
 * right origin, a parent that is an item) came earlier or in the same part. The structs of
 * one client are taken in clock order, and a struct waits while something it refers to
 * is still ahead in this update: the order in which the sender's document integrated them
 * always satisfies that, so one struct can always go next. Deletions come last, because
 * they may name any struct of the update.
 *
 * Applied in order, the parts leave a document exactly as the whole update would.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC | Y.Skip

interface ClientRun {
  readonly client: number
  readonly structs: readonly Struct[]
  /** Index of the next struct to place in a part. */
  next: number
}

/** Each struct or delete range takes at least two bytes, so a short update is never over. */
const MIN_BYTES_PER_STRUCT = 2

/**
 * Returns `update` itself when it holds at most `maxStructs` structs and delete ranges,
 * and otherwise parts of at most `maxStructs` each, in the order they must be applied.
 */
export function splitUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  if (update.byteLength <= maxStructs * MIN_BYTES_PER_STRUCT) return [update]
  const { structs, ds } = Y.decodeUpdate(update)
  const ranges = [...ds.clients.entries()].flatMap(([client, items]) =>
    items.map((item) => ({ client, clock: item.clock, len: item.len })),
  )
  if (structs.length + ranges.length <= maxStructs) return [update]

  const runs = new Map<number, ClientRun>()
  for (const struct of structs) {
    const client = struct.id.client
    const run = runs.get(client) ?? { client, structs: [], next: 0 }
    ;(run.structs as Struct[]).push(struct)
    runs.set(client, run)
  }
  /** A reference is waiting while it points at a struct of this update not yet placed. */
  const waiting = (id: Y.ID | null): boolean => {
    if (id === null) return false
    const run = runs.get(id.client)
    if (run === undefined || run.next >= run.structs.length) return false
    const last = run.structs[run.structs.length - 1]!
    return id.clock >= run.structs[run.next]!.id.clock && id.clock < last.id.clock + last.length
  }
  const ready = (struct: Struct): boolean => {
    if (!(struct instanceof Y.Item)) return true
    const parent = struct.parent instanceof Y.ID ? struct.parent : null
    return !waiting(struct.origin) && !waiting(struct.rightOrigin) && !waiting(parent)
  }

  const parts: Uint8Array[] = []
  let part: Struct[] = []
  const flush = () => {
    parts.push(encodeStructs(part, []))
    part = []
  }
  let remaining = structs.length
  while (remaining > 0) {
    let placed = false
    for (const run of runs.values()) {
      while (run.next < run.structs.length && ready(run.structs[run.next]!)) {
        part.push(run.structs[run.next]!)
        run.next++
        remaining--
        placed = true
        if (part.length === maxStructs) flush()
      }
    }
    // Only a malformed update gets here (a reference cycle): send the rest as it comes and
    // let the server judge it.
    if (!placed) {
      for (const run of runs.values()) {
        part.push(...run.structs.slice(run.next))
        run.next = run.structs.length
      }
      remaining = 0
    }
  }
  // Deletions after every struct, filling the last part first.
  const room = Math.max(0, maxStructs - part.length)
  if (part.length > 0 || ranges.length > 0) parts.push(encodeStructs(part, ranges.slice(0, room)))
  for (let i = room; i < ranges.length; i += maxStructs) {
    parts.push(encodeStructs([], ranges.slice(i, i + maxStructs)))
  }
  return parts
}

interface DeleteRange {
  client: number
  clock: number
  len: number
}

/**
 * Writes structs (grouped by client, in the order given, each client's contiguous) and
 * delete ranges as one v1 update, the layout Y.encodeStateAsUpdate produces.
 */
function encodeStructs(structs: readonly Struct[], ranges: readonly DeleteRange[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock)
    for (const struct of list) struct.write(encoder, 0)
  }
  const rangesByClient = new Map<number, DeleteRange[]>()
  for (const range of ranges) {
    const list = rangesByClient.get(range.client) ?? []
    list.push(range)
    rangesByClient.set(range.client, list)
  }
  encoding.writeVarUint(encoder.restEncoder, rangesByClient.size)
  for (const [client, list] of rangesByClient) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, list.length)
    for (const range of list) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
  return encoder.toUint8Array()
}
