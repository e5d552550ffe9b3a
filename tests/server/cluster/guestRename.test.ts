/**
 * A facilitator renames a guest through one node while the guest's socket is on another:
 * every participant, on either node, sees the new name at once (the Redis rename notice;
 * the guest's own node re-stamps their presence), not only after the guest reconnects.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { CreateGuestResponse } from '../../../shared/protocol/guestApi'
import type { Role } from '../../../shared/protocol/roles'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import { apiFetch, createFixture, createMap, tokenOf, waitFor, waitForSync } from '../testServer'
import type { TestServer } from '../testServer'

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()
const providers = new Set<WebsocketProvider>()

afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('renaming a guest on a cluster', () => {
  const fixture = createFixture()
  afterEach(async () => {
    for (const provider of providers) provider.destroy()
    providers.clear()
    await fixture.cleanup()
  })

  it('reaches the participants of both nodes at once', async () => {
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
    const started = await apiFetch(first, mapId, 'editor', `/api/maps/${mapId}/guests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada' }),
    })
    const ada = (await started.json()) as CreateGuestResponse
    const connect = (node: TestServer, role: Role, guestToken: string | null) => {
      const params: Record<string, string> = { token: tokenOf(first, mapId, role) }
      if (guestToken !== null) params['guest'] = guestToken
      const provider = new WebsocketProvider(node.syncUrl, mapId, new Y.Doc(), {
        params,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      providers.add(provider)
      return provider
    }
    const guest = connect(second, 'editor', ada.guestToken)
    const observers = [connect(first, 'viewer', null), connect(second, 'viewer', null)]
    await Promise.all([guest, ...observers].map((provider) => waitForSync(provider)))
    guest.awareness.setLocalStateField('user', { name: 'Ada', color: '#00f' })
    const client = guest.doc.clientID
    const nameSeen = (observer: WebsocketProvider) =>
      (observer.awareness.getStates().get(client)?.['user'] as { name?: string } | undefined)?.name
    await waitFor(() => observers.every((observer) => nameSeen(observer) === 'Ada'))

    const renamed = await apiFetch(
      first,
      mapId,
      'facilitator',
      `/api/maps/${mapId}/guests/${ada.guest.id}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Minister of Finance' }),
      },
    )
    expect(renamed.status).toBe(200)
    await waitFor(
      () => observers.every((observer) => nameSeen(observer) === 'Minister of Finance'),
      2000,
      'the rename did not reach both nodes',
    )
    expect(guest.wsconnected).toBe(true)
  })
})
