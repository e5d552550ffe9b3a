/**
 * Per-address limits behind a reverse proxy (TRUST_PROXY). Every request reaches the server
 * from the proxy's address; without the setting all users would share one budget, and with
 * it each user is counted by the address the proxy appended to X-Forwarded-For. A server
 * without the setting ignores the header, so nobody escapes a limit by making one up.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createFixture, createMap, type TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** Creates a map as a proxy would forward it for `client` (its X-Forwarded-For entry). */
function createFor(test: TestServer, forwardedFor: string): Promise<Response> {
  return fetch(`${test.httpUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ title: 'Behind nginx' }),
  })
}

async function statuses(test: TestServer, forwardedFor: string, count: number) {
  const result: number[] = []
  for (let i = 0; i < count; i++) result.push((await createFor(test, forwardedFor)).status)
  return result
}

describe('client addresses behind a reverse proxy', () => {
  it('with TRUST_PROXY, gives each forwarded client its own map-creation budget', async () => {
    const test = await fixture.startServer({ TRUST_PROXY: 'true', CREATE_MAP_BURST: '3' })
    expect(await statuses(test, '198.51.100.7', 4)).toEqual([201, 201, 201, 429])
    // Another user behind the same proxy is not held back by the first one.
    expect(await statuses(test, '198.51.100.8', 3)).toEqual([201, 201, 201])
    // Only the entry the proxy appended counts: a made-up first entry changes nothing.
    expect((await createFor(test, '203.0.113.1, 198.51.100.7')).status).toBe(429)
  })

  it('without it, ignores X-Forwarded-For: a client cannot pick its own address', async () => {
    const test = await fixture.startServer({ CREATE_MAP_BURST: '3' })
    const made = [
      ...(await statuses(test, '198.51.100.7', 2)),
      ...(await statuses(test, '198.51.100.8', 2)),
    ]
    expect(made).toEqual([201, 201, 201, 429])
  })

  it('with TRUST_PROXY, counts sockets per forwarded address', async () => {
    const test = await fixture.startServer({ TRUST_PROXY: 'true', MAX_CONNECTIONS_PER_IP: '1' })
    const mapId = await createMap(test)
    const token = test.tokens.get(mapId)?.editor
    const open = (address: string) =>
      fixture.openRawSocket(test, `/sync/${mapId}?token=${token}`, {
        headers: { 'x-forwarded-for': address },
      })
    const first = await open('198.51.100.7')
    const other = await open('198.51.100.8')
    const again = await open('198.51.100.7')
    expect((await again.closed).code).toBe(CloseCode.tooManyConnections)
    expect(first.socket.readyState).toBe(first.socket.OPEN)
    expect(other.socket.readyState).toBe(other.socket.OPEN)
  })
})
