import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createFixture, createMap, syncPath, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** Encodes a sync-update frame around `payload` as the client would. */
function updateFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

describe('sync', () => {
  it('lets two clients converge and a late joiner receive everything', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])

    a.doc.getMap('stakeholders').set('ngo', { name: 'Fair Cocoa NGO', power: 2 })
    b.doc.getMap('stakeholders').set('union', { name: 'Farmers union', power: 4 })
    b.doc.getMap('meta').set('log', 'b was here')
    await waitFor(
      () =>
        a.doc.getMap('stakeholders').size === 2 && a.doc.getMap('meta').get('log') === 'b was here',
    )
    await waitFor(() => b.doc.getMap('stakeholders').size === 2)
    expect(a.doc.getMap('stakeholders').toJSON()).toEqual(b.doc.getMap('stakeholders').toJSON())

    const c = fixture.connectClient(test, mapId)
    await waitForSync(c)
    expect(c.doc.getMap('stakeholders').toJSON()).toEqual(a.doc.getMap('stakeholders').toJSON())
    expect(c.doc.getMap('meta').get('log')).toBe('b was here')
  })

  it('relays awareness and removes it when a client leaves', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])
    a.awareness.setLocalStateField('user', { name: 'Ada' })
    await waitFor(() => b.awareness.getStates().get(a.doc.clientID)?.['user']?.name === 'Ada')
    const aClientId = a.doc.clientID
    fixture.disconnectClient(a)
    await waitFor(() => !b.awareness.getStates().has(aClientId))
  })

  it('keeps the state across a server restart', async () => {
    const first = await fixture.startServer()
    const dataDir = first.config.dataDir
    const mapId = await createMap(first)
    const a = fixture.connectClient(first, mapId)
    await waitForSync(a)
    a.doc.getMap('meta').set('notes', 'persist me')
    await waitFor(async () => (await first.server.store.countUpdates(mapId)) > 0)
    fixture.disconnectClient(a)
    await fixture.stopServer(first)

    const second = await fixture.startServer({ DATA_DIR: dataDir })
    const b = fixture.connectClient(second, mapId)
    await waitForSync(b)
    expect(b.doc.getMap('meta').get('notes')).toBe('persist me')
  })

  it('closes sockets with 1001 on shutdown after saving what it received', async () => {
    const first = await fixture.startServer()
    const mapId = await createMap(first)
    const a = fixture.connectClient(first, mapId)
    await waitForSync(a)
    const codes: number[] = []
    a.on('connection-close', (event) => codes.push(event?.code ?? -1))
    a.doc.getMap('meta').set('last', 'words')
    // Let the frame reach the server, but not necessarily its write.
    await waitFor(() => first.server.rooms.size === 1)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await fixture.stopServer(first)
    await waitFor(() => codes.length > 0)
    expect(codes[0]).toBe(CloseCode.goingAway)
    // Otherwise a could reconnect to the next server and hand it the data itself.
    fixture.disconnectClient(a)

    const second = await fixture.startServer({ DATA_DIR: first.config.dataDir })
    const b = fixture.connectClient(second, mapId)
    await waitForSync(b)
    expect(b.doc.getMap('meta').get('last')).toBe('words')
  })

  it('refuses an unknown map with 4404 and an invalid id with 4400', async () => {
    const test = await fixture.startServer()
    const unknown = fixture.connectClient(test, 'AAAAAAAAAAAAAAAAAAAAAA')
    const closed = new Promise<number>((resolve) =>
      unknown.on('closed', (event) => resolve(event.code)),
    )
    expect(await closed).toBe(CloseCode.mapNotFound)
    expect(unknown.shouldConnect).toBe(false)
    expect(test.server.rooms.size).toBe(0)

    const invalid = await fixture.openRawSocket(test, '/sync/bad!id')
    expect((await invalid.closed).code).toBe(CloseCode.badMapId)
    const nested = await fixture.openRawSocket(test, '/sync/AAAAAAAAAAAAAAAA/..')
    expect((await nested.closed).code).toBe(CloseCode.badMapId)
  })

  it('refuses upgrades on other paths', async () => {
    const test = await fixture.startServer()
    await expect(fixture.openRawSocket(test, '/other/AAAAAAAAAAAAAAAAAAAAAA')).rejects.toThrow(
      /404/,
    )
  })

  it('closes a misbehaving socket and keeps the map syncing for others', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])

    const garbage: [string, string | Uint8Array, number][] = [
      ['a text frame', 'hello', CloseCode.unsupportedData],
      ['random bytes', new Uint8Array([0xff, 0xff, 0xff, 0x7f, 0x01]), CloseCode.protocolError],
      ['an unknown message type', new Uint8Array([9]), CloseCode.protocolError],
      ['an empty frame', new Uint8Array([]), CloseCode.protocolError],
      ['a zero-length update', updateFrame(new Uint8Array([])), CloseCode.protocolError],
      ['a length past the end', new Uint8Array([0, 2, 50, 1, 2]), CloseCode.protocolError],
      ['a malformed update', updateFrame(new Uint8Array([5, 1, 200, 3])), CloseCode.protocolError],
      ['a bad awareness update', new Uint8Array([1, 4, 1, 7, 1, 1]), CloseCode.protocolError],
    ]
    for (const [name, frame, code] of garbage) {
      const raw = await fixture.openRawSocket(test, syncPath(test, mapId))
      raw.socket.send(frame)
      expect({ name, code: (await raw.closed).code }).toEqual({ name, code })
    }

    a.doc.getMap('meta').set('still', 'working')
    await waitFor(() => b.doc.getMap('meta').get('still') === 'working')
    expect(a.wsconnected && b.wsconnected).toBe(true)
  })

  it('terminates a socket that stops answering pings', async () => {
    const test = await fixture.startServer({}, { keepaliveIntervalMs: 50 })
    const mapId = await createMap(test)
    const healthy = fixture.connectClient(test, mapId)
    await waitForSync(healthy)
    const silent = await fixture.openRawSocket(test, syncPath(test, mapId), { autoPong: false })
    expect((await silent.closed).code).toBe(1006)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(healthy.wsconnected).toBe(true)
    expect(test.server.connectionCount).toBe(1)
  })

  it('closes a socket whose frame is too big with 1009', async () => {
    const test = await fixture.startServer({ MAX_MESSAGE_BYTES: '2048' })
    const mapId = await createMap(test)
    const raw = await fixture.openRawSocket(test, syncPath(test, mapId))
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(5000))
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)))
    expect((await raw.closed).code).toBe(CloseCode.messageTooBig)
  })
})
