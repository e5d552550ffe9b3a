/**
 * Bad input and load: budgets, connection caps, and fuzzing of sync frames and HTTP
 * requests. Fuzz seeds are printed (and in the test names) so a failure can be replayed.
 */
import http from 'node:http'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createFixture, createMap, syncPath, tokenOf, waitFor, waitForSync } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const SYNC_SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000)
const HTTP_SEED = SYNC_SEED + 1

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function awarenessFrame(client: number, state: unknown): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, JSON.stringify(state))
  })
  return frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(e, inner)
  })
}

function syncFrame(type: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, type)
    encoding.writeVarUint8Array(e, payload)
  })
}

/** Valid frames a client could send, as seeds for mutation. */
function validFrames(): Uint8Array[] {
  const doc = new Y.Doc()
  const before = Y.encodeStateVector(doc)
  doc.getMap('stakeholders').set('s1', { name: 'NGO', power: 3 })
  doc.getMap('meta').set('schema', 'v1')
  const update = Y.encodeStateAsUpdate(doc, before)
  return [
    syncFrame(0, Y.encodeStateVector(doc)),
    syncFrame(1, update),
    syncFrame(2, update),
    awarenessFrame(77, { user: { name: 'Fuzzy' } }),
    new Uint8Array([3]),
  ]
}

/** Sends `frames`, then a sync step 1: resolves when its step 2 comes back or the socket closes. */
async function sendAndSettle(
  test: TestServer,
  mapId: string,
  frames: Uint8Array[],
): Promise<number | 'open'> {
  const raw = await fixture.openRawSocket(test, syncPath(test, mapId))
  const answered = new Promise<'open'>((resolve) => {
    raw.socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve('open')
    })
  })
  for (const bytes of frames) raw.socket.send(bytes)
  raw.socket.send(syncFrame(0, new Uint8Array([0])))
  const outcome = await Promise.race([answered, raw.closed.then((closed) => closed.code)])
  await closeQuietly(raw.socket, raw.closed)
  return outcome
}

async function closeQuietly(socket: WebSocket, closed: Promise<unknown>): Promise<void> {
  if (socket.readyState === socket.OPEN) socket.close()
  await closed
}

const mutatedFrame = fc
  .record({
    base: fc.integer({ min: 0, max: 4 }),
    kind: fc.constantFrom('flip', 'truncate', 'extend', 'zero-length'),
    position: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
    extra: fc.uint8Array({ minLength: 1, maxLength: 20 }),
  })
  .map(({ base, kind, position, bit, extra }) => {
    const original = validFrames()[base] ?? new Uint8Array([3])
    const at = position % original.length
    switch (kind) {
      case 'flip': {
        const copy = original.slice()
        copy[at] = (copy[at] ?? 0) ^ (1 << bit)
        return copy
      }
      case 'truncate':
        return original.slice(0, at)
      case 'extend':
        return new Uint8Array([...original, ...extra])
      default:
        return syncFrame(2, new Uint8Array([]))
    }
  })

describe('limits', () => {
  it('closes a connection over its message budget with 1008', async () => {
    const test = await fixture.startServer({
      RATE_MESSAGES_PER_SECOND: '5',
      RATE_MESSAGE_BURST: '10',
    })
    const mapId = await createMap(test)
    const raw = await fixture.openRawSocket(test, syncPath(test, mapId))
    for (let i = 0; i < 40; i++) raw.socket.send(new Uint8Array([3]))
    expect((await raw.closed).code).toBe(CloseCode.policyViolation)
    expect(test.server.metrics.connectionsClosedForAbuse).toBe(1)
  })

  it('closes a connection over its byte budget with 1008', async () => {
    const test = await fixture.startServer({
      RATE_BYTES_PER_SECOND: '1024',
      RATE_BYTE_BURST: '4096',
    })
    const mapId = await createMap(test)
    const raw = await fixture.openRawSocket(test, syncPath(test, mapId))
    const big = awarenessFrame(5, { user: { name: 'x'.repeat(1500) } })
    for (let i = 0; i < 4; i++) raw.socket.send(big)
    expect((await raw.closed).code).toBe(CloseCode.policyViolation)
  })

  it('caps connections per map and per address with 4429', async () => {
    const test = await fixture.startServer({ MAX_CONNECTIONS_PER_MAP: '2' })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])
    const third = await fixture.openRawSocket(test, syncPath(test, mapId))
    expect((await third.closed).code).toBe(CloseCode.tooManyConnections)
    // Refused sockets do not hold a slot.
    const bad = await fixture.openRawSocket(test, `/sync/${mapId}?token=nope`)
    expect((await bad.closed).code).toBe(CloseCode.unauthorized)

    const perIp = await fixture.startServer({ MAX_CONNECTIONS_PER_IP: '2' })
    const one = await createMap(perIp)
    const two = await createMap(perIp)
    const c = fixture.connectClient(perIp, one)
    const d = fixture.connectClient(perIp, two)
    await Promise.all([waitForSync(c), waitForSync(d)])
    const over = await fixture.openRawSocket(perIp, `/sync/${two}?token=${tokenOf(perIp, two)}`)
    expect((await over.closed).code).toBe(CloseCode.tooManyConnections)
  })
})

describe('fuzz', () => {
  it(`survives random and mutated sync frames (seed ${SYNC_SEED})`, async () => {
    console.log(`sync fuzz seed: ${SYNC_SEED} (replay with FUZZ_SEED=${SYNC_SEED})`)
    const test = await fixture.startServer({ MAX_CONNECTIONS_PER_IP: '1000' })
    const mapId = await createMap(test)
    const a = fixture.connectClient(test, mapId)
    const b = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(a), waitForSync(b)])
    a.awareness.setLocalStateField('user', { name: 'Ada' })
    let edits = 0

    const anyFrame = fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 64 }),
      mutatedFrame,
      fc.constantFrom(...validFrames()),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(anyFrame, { minLength: 1, maxLength: 3 }), async (frames) => {
        a.doc.getMap('stakeholders').set(`k${edits}`, edits)
        edits += 1
        const outcome = await sendAndSettle(test, mapId, frames)
        expect(
          outcome === 'open' ||
            // tooLarge: a random header can claim more structs than MAX_UPDATE_STRUCTS allows.
            [
              CloseCode.protocolError,
              CloseCode.policyViolation,
              CloseCode.tooLarge,
              1005,
              1006,
            ].includes(outcome),
        ).toBe(true)
      }),
      { seed: SYNC_SEED, numRuns: 120 },
    )

    const health = await fetch(`${test.httpUrl}/healthz`)
    expect(health.status).toBe(200)
    const sameState = (x: Y.Doc, y: Y.Doc) =>
      Buffer.from(Y.encodeStateVector(x)).equals(Buffer.from(Y.encodeStateVector(y)))
    await waitFor(() => sameState(a.doc, b.doc), 5000, 'a and b did not converge')
    expect(b.doc.getMap('stakeholders').get(`k${edits - 1}`)).toBe(edits - 1)
    expect(b.doc.getMap('stakeholders').toJSON()).toEqual(a.doc.getMap('stakeholders').toJSON())
    expect(a.wsconnected && b.wsconnected).toBe(true)
    const late = fixture.connectClient(test, mapId)
    await waitForSync(late)
    expect(late.doc.getMap('stakeholders').toJSON()).toEqual(a.doc.getMap('stakeholders').toJSON())
  })

  it(`survives random HTTP requests (seed ${HTTP_SEED})`, async () => {
    console.log(`HTTP fuzz seed: ${HTTP_SEED}`)
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const token = tokenOf(test, mapId, 'owner')
    const segment = fc.oneof(
      fc.constantFrom('api', 'maps', mapId, 'versions', 'audit', 'tokens', 'owner', 'diff'),
      fc.constantFrom('current', 'restore', 'erase', 'contacts', '%2F', '..', '%00', '1'),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    )
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'HEAD', 'OPTIONS'),
      segments: fc.array(segment, { maxLength: 8 }),
      query: fc.option(fc.string({ maxLength: 20 }).map(encodeURIComponent)),
      contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'x/y; charset=1')),
      auth: fc.option(fc.oneof(fc.constant(`Bearer ${token}`), fc.string({ maxLength: 40 }))),
      origin: fc.option(fc.constantFrom('http://localhost:1', 'https://evil.example', 'null')),
      body: fc.option(fc.oneof(fc.json(), fc.string({ maxLength: 200 }))),
    })
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {}
        if (r.contentType !== null) headers['content-type'] = r.contentType
        // Strings that are not valid header values are refused by the client itself.
        if (r.auth !== null && /^[\x20-\x7e]*$/.test(r.auth)) headers['authorization'] = r.auth
        if (r.origin !== null) headers['origin'] = r.origin
        const pathname = `/${r.segments.join('/')}${r.query === null ? '' : `?token=${r.query}`}`
        const status = await rawRequest(test, r.method, pathname, headers, r.body)
        expect(status).toBeGreaterThanOrEqual(200)
        expect(status).toBeLessThan(600)
        expect(status).not.toBe(500)
      }),
      { seed: HTTP_SEED, numRuns: 200 },
    )
    expect((await fetch(`${test.httpUrl}/healthz`)).status).toBe(200)
  })
})

function rawRequest(
  test: TestServer,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body: string | null,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: test.port, method, path: pathname, headers, agent: false },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    if (body !== null && method !== 'GET' && method !== 'HEAD') req.write(body)
    req.end()
  })
}
