/**
 * splitUpdate: an update over the server's struct limit becomes parts that are each under
 * the limit and that the server can apply one by one without ever meeting content it does
 * not know (its "unknown content" refusal), ending in the same document.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { splitUpdate } from '../../../shared/protocol/splitUpdate'
import { measureUpdate } from '../../../server/transport/measureUpdate'
import { rootsTouchedByUpdate } from '../../../server/rooms/rootsTouchedByUpdate'

/** Applies `parts` to `server` as the room would: each must be under the limit and resolvable. */
function applyAsServer(server: Y.Doc, parts: Uint8Array[], limit: number): void {
  for (const [index, part] of parts.entries()) {
    const measured = measureUpdate(part, limit)
    expect(measured.ok, `part ${index} has ${measured.structs} structs`).toBe(true)
    expect(rootsTouchedByUpdate(server, part).unresolved, `part ${index} refers ahead`).toBe(false)
    Y.applyUpdate(server, part)
    expect(server.store.pendingStructs, `part ${index} left structs pending`).toBeNull()
    expect(server.store.pendingDs, `part ${index} left deletions pending`).toBeNull()
  }
}

function snapshotOf(doc: Y.Doc) {
  return {
    map: doc.getMap('stakeholders').toJSON(),
    list: doc.getArray('log').toJSON(),
    text: doc.getText('notes').toString(),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort(),
  }
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('splitUpdate', () => {
  it('returns an update under the limit as it is', () => {
    const doc = new Y.Doc()
    doc.getMap('stakeholders').set('a', 1)
    const update = Y.encodeStateAsUpdate(doc)
    const parts = splitUpdate(update, 1_000)
    expect(parts).toHaveLength(1)
    expect(parts[0]).toBe(update)
  })

  it("splits an offline client's resend whose structs refer to another client's, deletions last", () => {
    const server = new Y.Doc()
    server.getMap('stakeholders').set('seed', 'from the server')
    // Two browsers that worked offline together: b (larger id, so written first in the
    // update) writes into maps and text that a made, and deletes some of a's entries.
    const a = new Y.Doc()
    a.clientID = 1
    const b = new Y.Doc()
    b.clientID = 2
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server))
    for (let i = 0; i < 400; i++) {
      const record = new Y.Map<unknown>()
      a.getMap('stakeholders').set(`s${i}`, record)
      record.set('name', `Supplier ${i}`)
      a.getText('notes').insert(0, `${i} `)
    }
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (let i = 0; i < 400; i++) {
      const record = b.getMap('stakeholders').get(`s${i}`) as Y.Map<unknown>
      record.set('interests', `fair prices ${i}`)
      b.getText('notes').insert(i * 3, 'b')
      if (i % 2 === 0) record.delete('name')
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const resend = Y.encodeStateAsUpdate(a, Y.encodeStateVector(server))
    expect(measureUpdate(resend, 300).ok).toBe(false)

    const parts = splitUpdate(resend, 300)
    expect(parts.length).toBeGreaterThan(5)
    applyAsServer(server, parts, 300)
    expect(snapshotOf(server)).toEqual(snapshotOf(a))
  })

  it("splits a long-lived document's delete set into parts of ranges", () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const list = client.getArray<number>('log')
    list.insert(
      0,
      Array.from({ length: 6_000 }, (_, i) => i),
    )
    // Every other entry deleted: 3,000 ranges that cannot merge.
    client.transact(() => {
      for (let i = 5_998; i >= 0; i -= 2) list.delete(i, 1)
    })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    // Nothing new, but a sync step 2 carries the whole delete set again.
    const resend = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(measureUpdate(resend, 1_000).ok).toBe(false)
    const parts = splitUpdate(resend, 1_000)
    expect(parts).toHaveLength(3)
    applyAsServer(server, parts, 1_000)
    expect(snapshotOf(server)).toEqual(snapshotOf(client))
  })

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'seed %i: three peers editing and syncing at random converge with the server through parts',
    (seed) => {
      const next = random(seed)
      const server = new Y.Doc()
      const peers = [1, 2, 3].map((id) => {
        const doc = new Y.Doc()
        doc.clientID = 10 * seed + id
        return doc
      })
      for (let step = 0; step < 300; step++) {
        const doc = peers[Math.floor(next() * peers.length)]!
        const choice = next()
        if (choice < 0.25) {
          const key = `k${Math.floor(next() * 20)}`
          const existing = doc.getMap('stakeholders').get(key)
          if (existing instanceof Y.Map && next() < 0.7) existing.set(`f${step}`, step)
          else doc.getMap('stakeholders').set(key, new Y.Map())
        } else if (choice < 0.45) {
          const text = doc.getText('notes')
          text.insert(Math.floor(next() * (text.length + 1)), `w${step}`)
        } else if (choice < 0.6) {
          const text = doc.getText('notes')
          if (text.length > 2) text.delete(Math.floor(next() * (text.length - 1)), 1)
        } else if (choice < 0.75) {
          const log = doc.getArray<number>('log')
          log.insert(Math.floor(next() * (log.length + 1)), [step, step + 1])
        } else if (choice < 0.85) {
          const log = doc.getArray<number>('log')
          if (log.length > 0) log.delete(Math.floor(next() * log.length), 1)
        } else {
          // Two peers meet (offline, behind the server's back).
          const other = peers[Math.floor(next() * peers.length)]!
          Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
        }
      }
      const limit = 5 + Math.floor(next() * 40)
      for (const doc of peers) {
        const resend = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server))
        applyAsServer(server, splitUpdate(resend, limit), limit)
      }
      const reference = new Y.Doc()
      for (const doc of peers) Y.applyUpdate(reference, Y.encodeStateAsUpdate(doc))
      expect(snapshotOf(server)).toEqual(snapshotOf(reference))
    },
  )
})
