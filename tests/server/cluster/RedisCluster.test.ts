/**
 * Several in-process nodes on one PostgreSQL schema and one private Redis: updates and
 * presence cross nodes, a node catches up on what it missed while Redis was away, and the
 * maintenance lock admits one node at a time.
 */
import { Redis } from 'ioredis'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { runWithLease } from '../../../server/cluster/runWithLease'
import { PostgresMapStore } from '../../../server/storage/PostgresMapStore'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import {
  apiFetch,
  createFixture,
  createMap,
  fakePeer,
  nextClose,
  waitFor,
  waitForSync,
  withAppend,
} from '../testServer'
import type { TestServer } from '../testServer'

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()

afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('cluster of in-process nodes', () => {
  const fixture = createFixture()
  afterEach(() => fixture.cleanup())

  async function startNodes(count: number): Promise<TestServer[]> {
    return Promise.all(
      Array.from({ length: count }, (_, index) =>
        fixture.startServer({
          DATABASE_URL: schema?.url ?? '',
          REDIS_URL: redis?.url ?? '',
          NODE_ID: `node-${index + 1}`,
        }),
      ),
    )
  }

  it('brings updates and presence to clients on every node', async () => {
    const nodes = await startNodes(3)
    const mapId = await createMap(nodes[0] as TestServer)
    const clients = nodes.map((node) => fixture.connectClient(node, mapId))
    await Promise.all(clients.map((client) => waitForSync(client)))
    const [first, second, third] = clients
    if (first === undefined || second === undefined || third === undefined) throw new Error()

    first.doc.getMap('stakeholders').set('s1', 'from node 1')
    third.doc.getMap('stakeholders').set('s3', 'from node 3')
    await waitFor(
      () => clients.every((client) => client.doc.getMap('stakeholders').size === 2),
      5000,
      'updates did not reach every node',
    )
    second.awareness.setLocalStateField('user', { name: 'Bea' })
    await waitFor(
      () =>
        [first, third].every((client) =>
          [...client.awareness.getStates().values()].some(
            (state) => (state['user'] as { name?: string } | undefined)?.name === 'Bea',
          ),
        ),
      5000,
      'presence did not reach every node',
    )
    // Bea leaves: her presence goes away on the other nodes too.
    const bea = second.awareness.clientID
    fixture.disconnectClient(second)
    await waitFor(
      () => !first.awareness.getStates().has(bea) && !third.awareness.getStates().has(bea),
      5000,
      'presence was not removed on the other nodes',
    )
  })

  it('carries the confidential document on a stream of its own, to its readers only', async () => {
    const nodes = await startNodes(2)
    const [first, second] = nodes as [TestServer, TestServer]
    const mapId = await createMap(first)
    const secret = { document: 'confidential' as const }
    const owner = fixture.connectClient(first, mapId, undefined, { ...secret, role: 'owner' })
    const trainer = fixture.connectClient(second, mapId, undefined, {
      ...secret,
      role: 'facilitator',
    })
    const viewer = fixture.connectClient(second, mapId, undefined, { role: 'viewer' })
    await Promise.all([owner, trainer, viewer].map((client) => waitForSync(client)))
    owner.doc.getMap<Y.Map<unknown>>('contacts').set('s1', new Y.Map([['c1', { id: 'c1' }]]))
    await waitFor(
      () => trainer.doc.getMap<Y.Map<unknown>>('contacts').get('s1')?.has('c1') === true,
      5000,
      'the contact did not reach the other node',
    )
    // The map document's clients on that node got none of it.
    expect(viewer.doc.getMap('contacts').size).toBe(0)
  })

  it('shows participants on other nodes to a node that loads the map later', async () => {
    const nodes = await startNodes(2)
    const mapId = await createMap(nodes[0] as TestServer)
    const early = fixture.connectClient(nodes[0] as TestServer, mapId)
    await waitForSync(early)
    early.awareness.setLocalStateField('user', { name: 'Ada' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    // Node 2 has not loaded the map yet; Ada's client renews her state only every 15 s.
    const late = fixture.connectClient(nodes[1] as TestServer, mapId)
    await waitFor(
      () =>
        [...late.awareness.getStates().values()].some(
          (state) => (state['user'] as { name?: string } | undefined)?.name === 'Ada',
        ),
      3000,
      'presence from the other node did not arrive',
    )
  })

  it('closes sockets on every node when a token is revoked or the map deleted', async () => {
    const nodes = await startNodes(2)
    const [first, second] = nodes as [TestServer, TestServer]
    const mapId = await createMap(first)
    const editor = fixture.connectClient(second, mapId)
    const viewer = fixture.connectClient(second, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(editor), waitForSync(viewer)])

    const revoked = nextClose(editor)
    const reissued = await apiFetch(first, mapId, 'owner', `/api/maps/${mapId}/tokens/editor`, {
      method: 'POST',
    })
    expect(reissued.status).toBe(200)
    expect(await revoked).toBe(4403)

    const deleted = nextClose(viewer)
    const deletion = await apiFetch(first, mapId, 'owner', `/api/maps/${mapId}`, {
      method: 'DELETE',
    })
    expect(deletion.status).toBe(204)
    expect(await deleted).toBe(4404)
    await waitFor(() => second.server.rooms.size === 0, 3000, 'the deleted map stayed loaded')
  })

  it('catches up on updates published while Redis was away', async () => {
    const nodes = await startNodes(2)
    const mapId = await createMap(nodes[0] as TestServer)
    const writer = fixture.connectClient(nodes[0] as TestServer, mapId)
    const reader = fixture.connectClient(nodes[1] as TestServer, mapId)
    await Promise.all([waitForSync(writer), waitForSync(reader)])

    await redis?.kill()
    writer.doc.getMap('stakeholders').set('while-away', 'stored, not published')
    await new Promise((resolve) => setTimeout(resolve, 300))
    await redis?.start()
    // The second node's reader reconnects and reads the map's rows it has not applied.
    await waitFor(
      () => reader.doc.getMap('stakeholders').get('while-away') === 'stored, not published',
      8000,
      'the update did not arrive after Redis came back',
    )
    writer.doc.getMap('stakeholders').set('after', 'published')
    await waitFor(
      () => reader.doc.getMap('stakeholders').has('after'),
      5000,
      'the stream did not resume',
    )
  })

  it('lets one node at a time hold the maintenance lock', async () => {
    const first = new Redis(redis?.url ?? '', { lazyConnect: false })
    const second = new Redis(redis?.url ?? '')
    try {
      let release: () => void = () => undefined
      const held = runWithLease(
        first,
        'sc:lock:test',
        300,
        () => new Promise<void>((resolve) => (release = resolve)),
      )
      await waitFor(async () => (await second.get('sc:lock:test')) !== null)
      expect(await runWithLease(second, 'sc:lock:test', 300, async () => {})).toBe('held-elsewhere')
      // Renewed past its lease while the task runs.
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await second.get('sc:lock:test')).not.toBeNull()
      release()
      expect(await held).toBe('ran')
      expect(await second.get('sc:lock:test')).toBeNull()
      expect(await runWithLease(second, 'sc:lock:test', 300, async () => {})).toBe('ran')
      // Someone else's lock is never released by a task that did not take it.
      await second.set('sc:lock:other', 'their-token')
      expect(await runWithLease(first, 'sc:lock:other', 300, async () => {})).toBe('held-elsewhere')
      expect(await second.get('sc:lock:other')).toBe('their-token')
    } finally {
      first.disconnect()
      second.disconnect()
    }
  })

  it('never sends a client a deletion of an edit that is not stored yet', async () => {
    // Node A's database writes wait until released: an edit on A stays uncommitted.
    const pgStore = new PostgresMapStore({ connectionString: schema?.url ?? '', poolSize: 2 })
    let release: () => void = () => undefined
    let held: Promise<void> | null = null
    const gated = withAppend(pgStore, async (mapId, updates) => {
      await held
      return pgStore.appendUpdates(mapId, updates)
    })
    const env = { DATABASE_URL: schema?.url ?? '', REDIS_URL: redis?.url ?? '' }
    const nodeA = await fixture.startServer({ ...env, NODE_ID: 'node-a' }, { store: gated })
    const nodeB = await fixture.startServer({ ...env, NODE_ID: 'node-b' })
    const mapId = await createMap(nodeA)
    // Concurrent sets of one key: the higher client id wins, so B's value replaces A's.
    const writerOnA = fixture.connectClient(nodeA, mapId, docWithClientId(1))
    const observerOnA = fixture.connectClient(nodeA, mapId, docWithClientId(2))
    const writerOnB = fixture.connectClient(nodeB, mapId, docWithClientId(3))
    await Promise.all([writerOnA, observerOnA, writerOnB].map((client) => waitForSync(client)))

    held = new Promise((resolve) => (release = resolve))
    // Released at the end at the latest: a server waits for its writes when it closes.
    try {
      writerOnA.doc.getMap('stakeholders').set('s1', 'from A')
      const roomA = await peekRoomDoc(nodeA, mapId)
      await waitFor(() => roomA.getMap('stakeholders').get('s1') === 'from A')
      writerOnB.doc.getMap('stakeholders').set('s1', 'from B')
      // Node A applies B's committed edit, which deletes A's uncommitted one.
      await waitFor(() => roomA.getMap('stakeholders').get('s1') === 'from B', 5000)
      // Whatever node A sent the observer before this presence has arrived by the time it has.
      writerOnB.awareness.setLocalStateField('user', { name: 'Bea' })
      await waitFor(() =>
        [...observerOnA.awareness.getStates().values()].some(
          (state) => (state['user'] as { name?: string } | undefined)?.name === 'Bea',
        ),
      )
      // Had the observer got that deletion now, and node A then died, the observer would hold
      // a deletion of an item nobody can send it, and no node would accept its edits again.
      expect(observerOnA.doc.store.pendingDs).toBeNull()

      release()
      await waitFor(
        () =>
          [writerOnA, observerOnA, writerOnB].every(
            (client) => client.doc.getMap('stakeholders').get('s1') === 'from B',
          ),
        5000,
      )
      expect(observerOnA.doc.store.pendingDs).toBeNull()
    } finally {
      release()
    }
  })
})

/** A document whose client id is `id`, to decide which of two concurrent edits wins. */
function docWithClientId(id: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = id
  return doc
}

/** The document of the map's room on `node`, held open by a server-side peer. */
async function peekRoomDoc(node: TestServer, mapId: string): Promise<Y.Doc> {
  const joined = await node.server.rooms.join(mapId, fakePeer('peek'))
  if (!joined.ok) throw new Error(`map ${mapId} not found`)
  return joined.room.doc
}
