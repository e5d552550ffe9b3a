/**
 * A map's guest links forbidden on one node (organisation mode) close their sockets on the
 * others (the Redis close notice of each link), and leave a member's socket open.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { CreateGuestLinkResponse } from '../../../shared/protocol/guestLinks'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import { createFixture, nextClose, waitForSync } from '../testServer'
import { cookieWebSocket, createMemberMap } from '../library/signedInUsers'
import type { TestServer } from '../testServer'

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()

afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('forbidden guest links on a cluster', () => {
  const fixture = createFixture()
  afterEach(() => fixture.cleanup())

  it('forbidding on one node closes every guest-link socket on another within a second', async () => {
    const [first, second] = (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer({
          DATABASE_URL: schema?.url ?? '',
          REDIS_URL: redis?.url ?? '',
          NODE_ID: `node-${index}`,
          // Organisation mode; the owner's session is stored directly: the provider is never asked.
          OIDC_ISSUER: 'http://127.0.0.1:9/never-asked',
          OIDC_CLIENT_ID: 'canvas',
          OIDC_CLIENT_SECRET: 's3cret',
          PUBLIC_URL: 'http://127.0.0.1:8080',
        }),
      ),
    )) as [TestServer, TestServer]
    const { mapId, cookies } = await createMemberMap(first.httpUrl, first.server.store)
    const make = async (role: string) => {
      const response = await fetch(`${first.httpUrl}/api/maps/${mapId}/guest-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.owner },
        body: JSON.stringify({ role }),
      })
      expect(response.status).toBe(201)
      return (await response.json()) as CreateGuestLinkResponse
    }
    const [editorLink, viewerLink] = [await make('editor'), await make('viewer')]
    const guests = [editorLink, viewerLink].map((link) =>
      fixture.connectClient(second, mapId, undefined, { token: link.token }),
    )
    const editor = fixture.connectClient(second, mapId, undefined, {
      token: null,
      WebSocketPolyfill: cookieWebSocket(cookies.editor),
    })
    await Promise.all([...guests, editor].map((client) => waitForSync(client)))
    const closed = Promise.all(guests.map((guest) => nextClose(guest)))

    const started = Date.now()
    const answer = await fetch(`${first.httpUrl}/api/maps/${mapId}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies.owner },
      body: JSON.stringify({ guestLinks: 'forbidden' }),
    })
    expect(answer.status).toBe(200)
    expect(await closed).toEqual([4403, 4403])
    expect(Date.now() - started).toBeLessThan(1000)
    expect(editor.wsconnected).toBe(true)
  })
})
