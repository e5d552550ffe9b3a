import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  readAwarenessUpdate,
  readMessage,
  readPresenceMessage,
  writeAwarenessUpdate,
  writeMessage,
  writePresenceMessage,
} from '../../server/transport/wireFormat'
import { encodeHeartbeat } from '../../shared/protocol/heartbeatMessage'

const limits = { maxUpdateStructs: 1000, maxAwarenessBytes: 1024 }

function changeOf(change: (doc: Y.Doc) => void): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc()
  change(doc)
  return { doc, update: Y.encodeStateAsUpdate(doc) }
}

describe('wireFormat', () => {
  it('reads back each sync message it writes, with the update already decoded', () => {
    const { doc, update } = changeOf((doc) => doc.getMap('meta').set('title', 'Dam'))
    const stateVector = Y.encodeStateVector(doc)
    const step1 = readMessage(writeMessage({ type: 'syncStep1', stateVector }), limits)
    expect(step1).toEqual({ ok: true, message: { type: 'syncStep1', stateVector } })
    for (const type of ['syncStep2', 'update'] as const) {
      const read = readMessage(writeMessage({ type, update }), limits)
      if (!read.ok || read.message.type !== type) throw new Error(`not read: ${type}`)
      expect(read.message.update).toEqual(update)
      expect(read.message.decoded).toEqual(Y.decodeUpdate(update))
    }
    expect(readMessage(writeMessage({ type: 'queryAwareness' }), limits)).toEqual({
      ok: true,
      message: { type: 'queryAwareness' },
    })
    // The heartbeat a page sends back is what the server sent it (heartbeatMessage.ts).
    expect(readMessage(encodeHeartbeat(), limits)).toEqual({
      ok: true,
      message: { type: 'heartbeat' },
    })
  })

  it('reads awareness entries as y-protocols writes them, and writes them back byte for byte', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'Ada' } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    const read = readMessage(writeMessage({ type: 'awareness', update }), limits)
    if (!read.ok || read.message.type !== 'awareness') throw new Error('not read')
    const [entry] = read.message.entries
    expect(entry).toMatchObject({ client: doc.clientID, state: { user: { name: 'Ada' } } })
    expect(writeAwarenessUpdate(read.message.entries)).toEqual(update)
    expect(readAwarenessUpdate(update, limits.maxAwarenessBytes)).toEqual(read.message.entries)
    awareness.destroy()
  })

  it('refuses malformed frames and answers tooLarge for states over the limit', () => {
    expect(readMessage(new Uint8Array(), limits)).toEqual({ ok: false, reason: 'empty frame' })
    expect(readMessage(new Uint8Array([9]), limits)).toEqual({
      ok: false,
      reason: 'unknown message type 9',
    })
    const big = writeAwarenessUpdate([
      { client: 1, clock: 1, json: JSON.stringify('x'.repeat(2000)), state: null },
    ])
    const read = readMessage(writeMessage({ type: 'awareness', update: big }), limits)
    expect(read).toMatchObject({ ok: false, tooLarge: true })
  })

  it('answers tooLarge for an update with more structs than the limit, however short its frame', () => {
    // 1,001 keys set in one transaction: 1,001 structs, in more bytes than the limit.
    const { update } = changeOf((doc) => {
      doc.transact(() => {
        for (let i = 0; i <= limits.maxUpdateStructs; i++) doc.getMap('meta').set(`k${i}`, i)
      })
    })
    const counted = readMessage(writeMessage({ type: 'update', update }), limits)
    expect(counted).toMatchObject({ ok: false, tooLarge: true })
    // A few bytes announcing 5,000 structs of client 1 from clock 0: shorter than the limit,
    // so it is decoded without counting first; it fails to decode, and is counted after all.
    const announced = new Uint8Array([1, 0x88, 0x27, 1, 0, 0])
    expect(announced.byteLength).toBeLessThan(limits.maxUpdateStructs)
    for (const type of ['update', 'syncStep2'] as const) {
      const read = readMessage(writeMessage({ type, update: announced }), limits)
      expect(read).toMatchObject({ ok: false, tooLarge: true })
    }
    // Short and malformed without being too large: refused, but not as too large.
    const malformed = readMessage(
      writeMessage({ type: 'update', update: new Uint8Array([1, 2, 1, 0]) }),
      limits,
    )
    expect(malformed).toMatchObject({ ok: false })
    expect(malformed).not.toHaveProperty('tooLarge')
  })

  it('reads back the presence messages the cluster writes', () => {
    const message = { node: 'node-a', kind: 1, payload: new Uint8Array([1, 2, 3]) }
    expect(readPresenceMessage(writePresenceMessage(message))).toEqual(message)
  })
})
