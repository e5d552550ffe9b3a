/**
 * Issue 19: a participant whose network goes away (a cut cable, a closed laptop lid) must
 * show as gone for everyone within 10 s, though their socket never closes and their
 * y-websocket client would wait 30 s. Their client talks to the server through a TCP proxy
 * that, on `cut`, stops passing bytes either way without closing anything
 * (networkCutProxy.ts): the server's pings go unanswered. Once on one node, and on a cluster with the observer on another node.
 * A browser page that can send nothing any more while the browser still answers pings
 * (Chromium's offline mode) is dropped too: the page asked for heartbeats, which its own code
 * must send back.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { answerHeartbeats } from '../../client/sync/answerHeartbeats'
import { HEARTBEAT_PARAM } from '../../shared/protocol/heartbeatMessage'
import { startNetworkCutProxy } from './networkCutProxy'
import { createTestSchema } from './testPostgres'
import { startTestRedis } from './testRedis'
import {
  type TestServer,
  createFixture,
  createMap,
  tokenOf,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await fixture.cleanup()
})

/** A proxy whose network can be cut; closed after the test. */
async function startProxy(port: number) {
  const proxy = await startNetworkCutProxy(port)
  cleanups.push(() => proxy.close())
  return proxy
}

/** The published client on `mapId` at `port` (the proxy's or a node's), with the editor link. */
function connect(test: TestServer, mapId: string, port: number): WebsocketProvider {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, mapId, new Y.Doc(), {
    params: { token: tokenOf(test, mapId, 'editor') },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  cleanups.push(() => provider.destroy())
  return provider
}

/** Cuts `leaver`'s network once `observer` sees them, and waits (at most 10 s) until they are gone. */
async function cutAndWatch(
  observer: WebsocketProvider,
  leaver: WebsocketProvider,
  cut: () => void,
) {
  await Promise.all([waitForSync(observer), waitForSync(leaver)])
  leaver.awareness.setLocalStateField('user', { name: 'Lid closed', color: '#123456' })
  const id = leaver.awareness.clientID
  await waitFor(() => observer.awareness.getStates().get(id)?.['user'] !== undefined)
  cut()
  await waitFor(() => !observer.awareness.getStates().has(id), 10_000, 'still shown after 10 s')
  // The leaver never heard of it: for their client the socket is still open.
  expect(leaver.wsconnected).toBe(true)
  expect(observer.wsconnected).toBe(true)
}

describe('a participant whose network vanishes', () => {
  it('is gone from the others’ presence within 10 s', { timeout: 20_000 }, async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const proxy = await startProxy(test.port)
    await cutAndWatch(connect(test, mapId, test.port), connect(test, mapId, proxy.port), proxy.cut)
  })
})

describe('a page that asked for heartbeats', () => {
  it(
    'stays while it answers them, and is gone within 10 s once only the browser answers pings',
    { timeout: 30_000 },
    async () => {
      const test = await fixture.startServer()
      const mapId = await createMap(test)
      const observer = connect(test, mapId, test.port)
      const page = connect(test, mapId, test.port)
      page.disconnect()
      answerHeartbeats(page)
      page.connect()
      await Promise.all([waitForSync(observer), waitForSync(page)])
      page.awareness.setLocalStateField('user', { name: 'Answers', color: '#123456' })
      await waitFor(() => observer.awareness.getStates().get(page.awareness.clientID) !== undefined)
      // Several keepalive rounds (3 s each) with nothing else sent: the answers keep it here.
      await new Promise((resolve) => setTimeout(resolve, 7000))
      expect(page.wsconnected).toBe(true)
      expect(observer.awareness.getStates().has(page.awareness.clientID)).toBe(true)

      // A socket that promised heartbeats and only answers pings (ws does so by itself).
      const silent = new WebSocket(
        `ws://127.0.0.1:${test.port}/sync/${mapId}?token=${tokenOf(test, mapId, 'editor')}&${HEARTBEAT_PARAM}=1`,
      )
      cleanups.push(() => silent.terminate())
      await new Promise((resolve) => silent.on('open', resolve))
      const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)))
      const started = Date.now()
      expect(await closed).toBe(1006)
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(page.wsconnected).toBe(true)
    },
  )
})

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()
afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('on a cluster', () => {
  it('is gone within 10 s for a participant on another node', { timeout: 30_000 }, async () => {
    if (schema === null || redis === null) return
    const env = { DATABASE_URL: schema.url, REDIS_URL: redis.url }
    const nodeA = await fixture.startServer({ ...env, NODE_ID: 'node-a' })
    const nodeB = await fixture.startServer({ ...env, NODE_ID: 'node-b' })
    const mapId = await createMap(nodeA)
    const proxy = await startProxy(nodeA.port)
    await cutAndWatch(
      connect(nodeB, mapId, nodeB.port),
      connect(nodeA, mapId, proxy.port),
      proxy.cut,
    )
  })
})
