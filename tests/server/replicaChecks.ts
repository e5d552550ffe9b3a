/**
 * What the crash and cluster tests check about replicas: a seeded PRNG (the seed is printed,
 * so a failure can be replayed), a socket that records what a client received, whether a
 * doc holds all of it, whether replicas converged, and what to report when they did not.
 */
import { isDeepStrictEqual } from 'node:util'
import { WebSocket } from 'ws'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A WebSocket class for the y-websocket client; `url` may rewrite the address it dials. */
export type WebSocketClass = new (...args: ConstructorParameters<typeof WebSocket>) => WebSocket

/**
 * A `ws` WebSocket that also hands the Yjs payload of every sync step 2 and update the
 * server sends to `sink`: exactly what the client received, before its doc mixes it with
 * local changes. `route` may send each new connection elsewhere (a load balancer).
 */
export function recordingWebSocket(
  sink: Uint8Array[],
  route: (url: string) => string = (url) => url,
): WebSocketClass {
  return class RecordingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      const [url, ...rest] = args
      super(route(String(url)), ...rest)
      this.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) !== 0) return
        if (decoding.readVarUint(decoder) === 0) return
        sink.push(decoding.readVarUint8Array(decoder))
      })
    }
  }
}

/**
 * True when `doc` holds everything in the updates a client received: every struct (by
 * clock) and every deletion. The updates are merged, not applied: applied alone they would
 * wait for the client's own items they build on.
 */
export function contains(doc: Y.Doc, received: Uint8Array[]): boolean {
  if (received.length === 0) return true
  const { structs, ds } = Y.decodeUpdate(Y.mergeUpdates(received))
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    if ((have.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) {
      return false
    }
  }
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; at++) {
        if (!Y.isDeleted(deleted, Y.createID(client, at))) {
          return false
        }
      }
    }
  }
  return true
}

/** Same clocks and same content (a deletion alone changes no clock). */
export function sameState(docs: Y.Doc[]): boolean {
  const first = docs[0]
  if (first === undefined) return true
  const vector = Buffer.from(Y.encodeStateVector(first))
  const content = first.getMap('stakeholders').toJSON()
  return docs.every(
    (doc) =>
      vector.equals(Buffer.from(Y.encodeStateVector(doc))) &&
      isDeepStrictEqual(doc.getMap('stakeholders').toJSON(), content),
  )
}

/**
 * What `doc` would send `other` in a sync that refers to content neither has (a node refuses
 * such an update): for a failure report.
 */
export function unknownReferences(doc: Y.Doc, other: Y.Doc | undefined): string[] {
  if (other === undefined) return []
  const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other))
  const { structs } = Y.decodeUpdate(diff)
  const known = Y.decodeStateVector(Y.encodeStateVector(other))
  const inDiff = (id: Y.ID | null) =>
    id !== null &&
    structs.some(
      (s) =>
        s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length,
    )
  const knows = (id: Y.ID | null) =>
    id === null || (known.get(id.client) ?? 0) > id.clock || inDiff(id)
  const problems: string[] = []
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const parent = struct.parent instanceof Y.ID ? struct.parent : null
    for (const [what, id] of [
      ['origin', struct.origin],
      ['rightOrigin', struct.rightOrigin],
      ['parent', parent],
    ] as const) {
      if (!knows(id))
        problems.push(`${struct.id.client}:${struct.id.clock} ${what} ${id?.client}:${id?.clock}`)
    }
  }
  for (const [client, ranges] of Y.decodeUpdate(diff).ds.clients) {
    for (const { clock, len } of ranges) {
      const end = clock + len - 1
      if (!knows(Y.createID(client, clock)) || !knows(Y.createID(client, end)))
        problems.push(`deletes ${client}:${clock}..${end}`)
    }
  }
  const first = new Map<number, number>()
  for (const struct of structs)
    if (!first.has(struct.id.client)) first.set(struct.id.client, struct.id.clock)
  for (const [client, clock] of first) {
    if (clock > (known.get(client) ?? 0))
      problems.push(`gap: ${client} starts at ${clock}, known ${known.get(client) ?? 0}`)
  }
  return problems.slice(0, 10)
}

/** Received messages that delete items `doc` never got: for a failure report. */
export function deletionsOfMissing(doc: Y.Doc, messages: Uint8Array[]): string[] {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  const found: string[] = []
  messages.forEach((message, index) => {
    const { structs, ds } = Y.decodeUpdate(message)
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        if (clock + len <= (have.get(client) ?? 0)) continue
        const spans = new Map<number, string>()
        for (const struct of structs) {
          const start = struct.id.clock
          const end = start + struct.length - 1
          const known = spans.get(struct.id.client)
          spans.set(
            struct.id.client,
            known ? `${known.split('..')[0]}..${end}` : `${start}..${end}`,
          )
        }
        found.push(
          `message ${index}/${messages.length}: deletes ${client}:${clock}+${len}; ` +
            `structs ${JSON.stringify([...spans])}; ${message.byteLength} bytes`,
        )
      }
    }
  })
  return found.slice(0, 6)
}
