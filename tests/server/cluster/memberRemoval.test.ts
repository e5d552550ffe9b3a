/**
 * A member removed on one node has their open socket to the map closed on another node
 * within a second (the Redis close notice), while the owner's socket there stays.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreateMapWithTokensResponse } from '../../../shared/protocol/accessApi'
import { ORGANISATION_ENV, cookieWebSocket, signInDirectly } from '../library/signedInUsers'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import { createFixture, nextClose, waitForSync } from '../testServer'
import type { TestServer } from '../testServer'

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()

afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('members on a cluster', () => {
  const fixture = createFixture()
  afterEach(() => fixture.cleanup())

  it('removing a member on one node closes their socket on another within a second', async () => {
    const [first, second] = (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer({
          ...ORGANISATION_ENV,
          DATABASE_URL: schema?.url ?? '',
          REDIS_URL: redis?.url ?? '',
          NODE_ID: `node-${index}`,
        }),
      ),
    )) as [TestServer, TestServer]
    const ann = await signInDirectly(first.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(first.server.store, 'bob', 'Bob Jansen')
    const send = (pathname: string, method: string, body?: unknown) =>
      fetch(`${first.httpUrl}${pathname}`, {
        method,
        headers: { cookie: ann.cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const created = await send('/api/maps', 'POST', { title: 'Cluster', template: 'blank' })
    const { id: mapId } = (await created.json()) as CreateMapWithTokensResponse
    expect(
      (await send(`/api/maps/${mapId}/members/user/${bob.user.id}`, 'PUT', { role: 'editor' }))
        .status,
    ).toBe(204)
    const connect = (cookie: string) =>
      fixture.connectClient(second, mapId, new Y.Doc(), {
        token: null,
        WebSocketPolyfill: cookieWebSocket(cookie),
      })
    const bobSocket = connect(bob.cookie)
    const annSocket = connect(ann.cookie)
    await Promise.all([waitForSync(bobSocket), waitForSync(annSocket)])
    const closed = nextClose(bobSocket)
    const started = Date.now()
    expect((await send(`/api/maps/${mapId}/members/user/${bob.user.id}`, 'DELETE')).status).toBe(
      204,
    )
    expect(await closed).toBe(4403)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(annSocket.wsconnected).toBe(true)
  })
})
