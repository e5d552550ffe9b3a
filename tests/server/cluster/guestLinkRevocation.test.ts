/**
 * A guest link revoked on one node closes its sockets on the others (the Redis close
 * notice), and leaves the sockets of the role's own token and of other links open.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { CreateGuestLinkResponse } from '../../../shared/protocol/guestLinks'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import { apiFetch, createFixture, createMap, nextClose, waitForSync } from '../testServer'
import type { TestServer } from '../testServer'

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()

afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('guest links on a cluster', () => {
  const fixture = createFixture()
  afterEach(() => fixture.cleanup())

  it('revoking a link on one node closes its sockets on another within a second', async () => {
    const [first, second] = (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer({
          DATABASE_URL: schema?.url ?? '',
          REDIS_URL: redis?.url ?? '',
          NODE_ID: `node-${index}`,
        }),
      ),
    )) as [TestServer, TestServer]
    const mapId = await createMap(first)
    const make = async () => {
      const response = await apiFetch(first, mapId, 'owner', `/api/maps/${mapId}/guest-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'editor' }),
      })
      expect(response.status).toBe(201)
      return (await response.json()) as CreateGuestLinkResponse
    }
    const revoked = await make()
    const kept = await make()
    const doomed = fixture.connectClient(second, mapId, undefined, { token: revoked.token })
    const other = fixture.connectClient(second, mapId, undefined, { token: kept.token })
    const editor = fixture.connectClient(second, mapId)
    await Promise.all([doomed, other, editor].map((client) => waitForSync(client)))
    const closed = nextClose(doomed)

    const started = Date.now()
    const answer = await apiFetch(
      first,
      mapId,
      'owner',
      `/api/maps/${mapId}/guest-links/${revoked.id}`,
      { method: 'DELETE' },
    )
    expect(answer.status).toBe(200)
    expect(await closed).toBe(4403)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(other.wsconnected).toBe(true)
    expect(editor.wsconnected).toBe(true)
  })
})
