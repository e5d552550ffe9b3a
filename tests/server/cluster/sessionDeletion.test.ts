/**
 * A session deleted in the shared database (an operator's SQL, no node told) closes its
 * member's open sockets on every node of a cluster with 4401: each node re-checks the
 * sessions of its own sockets. An admin's sign-out of a person on one node closes the
 * person's socket on the other within a second (the Redis close notice).
 */
import { createHash } from 'node:crypto'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreateMapWithTokensResponse } from '../../../shared/protocol/accessApi'
import { personSignOutPath } from '../../../shared/protocol/peopleApi'
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

describe.skipIf(schema === null || redis === null)('sessions on a cluster', () => {
  const fixture = createFixture()
  afterEach(() => fixture.cleanup())

  it('deleting a session row closes its sockets on both nodes with 4401', async () => {
    const nodes = (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer(
          {
            ...ORGANISATION_ENV,
            DATABASE_URL: schema?.url ?? '',
            REDIS_URL: redis?.url ?? '',
            NODE_ID: `node-${index}`,
          },
          { sessionCheckIntervalMs: 200 },
        ),
      ),
    )) as [TestServer, TestServer]
    const [first] = nodes
    const ann = await signInDirectly(first.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(first.server.store, 'bob', 'Bob Jansen')
    const created = await fetch(`${first.httpUrl}/api/maps`, {
      method: 'POST',
      headers: { cookie: ann.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Cluster', template: 'blank' }),
    })
    const { id: mapId } = (await created.json()) as CreateMapWithTokensResponse
    await fetch(`${first.httpUrl}/api/maps/${mapId}/members/user/${bob.user.id}`, {
      method: 'PUT',
      headers: { cookie: ann.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    })
    const connect = (node: TestServer, cookie: string) =>
      fixture.connectClient(node, mapId, new Y.Doc(), {
        token: null,
        WebSocketPolyfill: cookieWebSocket(cookie),
      })
    const annSockets = nodes.map((node) => connect(node, ann.cookie))
    const bobSocket = connect(nodes[1], bob.cookie)
    await Promise.all([...annSockets, bobSocket].map((socket) => waitForSync(socket)))
    const closed = annSockets.map((socket) => nextClose(socket))
    const idHash = createHash('sha256').update(ann.cookie.slice('sc_session='.length)).digest()
    await first.server.store.identities.deleteSession(idHash)
    expect(await Promise.all(closed)).toEqual([4401, 4401])
    expect(bobSocket.wsconnected).toBe(true)
  })

  it("an admin's sign-out on one node closes the person's socket on the other", async () => {
    const nodes = (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer(
          {
            ...ORGANISATION_ENV,
            DATABASE_URL: schema?.url ?? '',
            REDIS_URL: redis?.url ?? '',
            NODE_ID: `node-${index}`,
          },
          // No periodic re-check within the test: the notice alone must do it.
          { sessionCheckIntervalMs: 60_000 },
        ),
      ),
    )) as [TestServer, TestServer]
    const [first, second] = nodes
    const admin = await signInDirectly(first.server.store, 'ada', 'Ada Admin', ['canvas-admins'])
    const bob = await signInDirectly(first.server.store, 'bob', 'Bob Jansen')
    const created = await fetch(`${first.httpUrl}/api/maps`, {
      method: 'POST',
      headers: { cookie: bob.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bobs kaart', template: 'blank' }),
    })
    const { id: mapId } = (await created.json()) as CreateMapWithTokensResponse
    const socket = fixture.connectClient(second, mapId, new Y.Doc(), {
      token: null,
      WebSocketPolyfill: cookieWebSocket(bob.cookie),
    })
    await waitForSync(socket)
    const closed = nextClose(socket)
    const started = Date.now()
    const answer = await fetch(`${first.httpUrl}${personSignOutPath(bob.user.id)}`, {
      method: 'POST',
      headers: { cookie: admin.cookie },
    })
    expect(answer.status).toBe(200)
    expect(await closed).toBe(4401)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
