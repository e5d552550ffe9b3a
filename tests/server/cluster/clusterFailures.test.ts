/**
 * Three server processes on one PostgreSQL schema and one private Redis, y-websocket clients
 * spread over them editing at random, while one node is SIGKILLed (its clients reconnect to
 * another, as behind a load balancer), Redis is killed and restarted empty, and every
 * database connection is cut; the update log is compacted all along. Afterwards every replica must converge and the database must
 * hold everything any client received from any node. The seed is printed and in the name.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { PostgresMapStore } from '../../../server/storage/PostgresMapStore'
import {
  contains,
  createRandom,
  deletionsOfMissing,
  recordingWebSocket,
  sameState,
  unknownReferences,
} from '../replicaChecks'
import { startServerProcess } from '../startServerProcess'
import type { ServerProcess } from '../startServerProcess'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import { waitFor } from '../testServer'

const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000)
const NODES = 3
const CLIENTS = 6

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(schema === null || redis === null)('cluster failures', () => {
  it(`loses nothing when a node, Redis and the database fail (seed ${SEED})`, async () => {
    if (schema === null || redis === null) return
    console.log(`cluster seed: ${SEED} (replay with FUZZ_SEED=${SEED})`)
    const random = createRandom(SEED)
    const startNode = async (index: number): Promise<ServerProcess> => {
      const node = await startServerProcess({
        PORT: '0',
        DATABASE_URL: schema.url,
        REDIS_URL: redis.url,
        NODE_ID: `node-${index + 1}`,
        DATABASE_POOL_SIZE: '4',
        // Compact often, so that merges by several nodes race with appends and failures.
        COMPACT_AFTER_UPDATES: '20',
        STATIC_DIR: '/nonexistent',
      })
      cleanups.push(() => node.kill())
      return node
    }
    const nodes: (ServerProcess | null)[] = await Promise.all(
      Array.from({ length: NODES }, (_, index) => startNode(index)),
    )
    const allNodes = [...nodes]
    const created = await fetch(`http://127.0.0.1:${nodes[0]?.port}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'cluster test' }),
    })
    const { id: mapId, tokens } = (await created.json()) as {
      id: string
      tokens: { editor: string }
    }

    // The load balancer: client i goes to node i mod 3, or the next one alive.
    const route = (preferred: number) => (url: string) => {
      for (let step = 0; step < NODES; step++) {
        const node = nodes[(preferred + step) % NODES]
        if (node) return url.replace(/:\d+\//, `:${node.port}/`)
      }
      return url
    }
    const received = Array.from({ length: CLIENTS }, (): Uint8Array[] => [])
    const closes = Array.from({ length: CLIENTS }, (): string[] => [])
    const clients = received.map((sink, index) => {
      const provider = new WebsocketProvider('ws://127.0.0.1:1/sync', mapId, new Y.Doc(), {
        WebSocketPolyfill: recordingWebSocket(
          sink,
          route(index % NODES),
        ) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: tokens.editor },
        maxBackoffTime: 200,
      })
      cleanups.push(() => {
        provider.destroy()
        provider.doc.destroy()
      })
      // How each connection ended, to tell why a replica stays behind if one does.
      provider.on('connection-close', (event) => {
        closes[index]?.push(event ? `${event.code} ${event.reason}` : 'closed by client')
      })
      return provider
    })
    await waitFor(() => clients.every((client) => client.synced), 15_000, 'clients did not sync')

    let editing = true
    let counter = 0
    const editors = clients.map(async (client) => {
      while (editing) {
        const map = client.doc.getMap('stakeholders')
        const key = `s${Math.floor(random() * 30)}`
        if (random() < 0.2 && map.has(key)) map.delete(key)
        else map.set(key, { name: `value ${counter++}`, power: Math.ceil(random() * 5) })
        await sleep(5 + Math.floor(random() * 25))
      }
    })
    const pause = () => sleep(300 + Math.floor(random() * 500))

    await pause()
    const victim = nodes[1]
    nodes[1] = null
    await victim?.kill()

    await pause()
    await redis.kill()
    await sleep(200 + Math.floor(random() * 300))
    await redis.start()

    await pause()
    expect(await schema.terminateConnections()).toBeGreaterThan(0)

    await pause()
    editing = false
    await Promise.all(editors)

    // A fresh client on each live node sees the same map as every editing client.
    const fresh = nodes.flatMap((node) =>
      node === null
        ? []
        : [
            new WebsocketProvider(`ws://127.0.0.1:${node.port}/sync`, mapId, new Y.Doc(), {
              WebSocketPolyfill: recordingWebSocket([]) as unknown as typeof globalThis.WebSocket,
              disableBc: true,
              params: { token: tokens.editor },
            }),
          ],
    )
    cleanups.push(() => fresh.forEach((provider) => provider.destroy()))
    const docs = [...clients, ...fresh].map((provider) => provider.doc)
    await waitFor(() => sameState(docs), 20_000, 'replicas did not converge').catch((error) => {
      // Say which replica is behind and what the nodes complained about, to find the cause.
      const replicas = [...clients, ...fresh].map((provider, index) => ({
        replica: index < CLIENTS ? `client ${index}` : `fresh ${index - CLIENTS}`,
        url: provider.ws?.url,
        connected: provider.wsconnected,
        synced: provider.synced,
        reconnecting: provider.shouldConnect,
        closes: closes[index]?.slice(-8),
        stateVector: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(provider.doc))),
        stakeholders: provider.doc.getMap('stakeholders').size,
        pendingStructs: provider.doc.store.pendingStructs?.missing,
        pendingDeletes: provider.doc.store.pendingDs !== null,
        // The first fresh replica shows what its node holds.
        refersToUnknown: unknownReferences(provider.doc, fresh[0]?.doc),
        deletionsOfMissing:
          index < CLIENTS ? deletionsOfMissing(provider.doc, received[index] ?? []) : [],
      }))
      console.error(JSON.stringify({ seed: SEED, replicas }, null, 1))
      allNodes.forEach((node, index) => {
        console.error(`node-${index + 1} warnings:\n${node?.warnings.join('\n')}`)
      })
      throw error
    })

    const store = new PostgresMapStore({ connectionString: schema.url, poolSize: 1 })
    cleanups.push(() => store.close())
    const stored = new Y.Doc()
    for (const update of (await store.loadUpdates(mapId)).updates) Y.applyUpdate(stored, update)
    expect(sameState([stored, ...docs])).toBe(true)
    received.forEach((updates, index) => {
      expect({ client: index, contained: contains(stored, updates) }).toEqual({
        client: index,
        contained: true,
      })
    })
    expect(stored.getMap('stakeholders').size).toBeGreaterThan(0)
    // The log was compacted along the way (each node merges after 20 rows of its own).
    expect(await store.countUpdates(mapId)).toBeLessThan(counter / 4)
  }, 60_000)
})
