/**
 * Crash durability: the real server runs as a child process and is killed with SIGKILL at
 * random moments while y-websocket clients edit at random. Whatever a client had received
 * from the server before the kill must be in the map after a restart on the same DATA_DIR
 * and port, and all replicas must converge. The seed is printed and in the test name.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { contains, createRandom, recordingWebSocket, sameState } from './replicaChecks'
import { startServerProcess } from './startServerProcess'
import type { ServerProcess } from './startServerProcess'
import { waitFor } from './testServer'

const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000)
const ROUNDS = 3
const CLIENTS = 3

const servers = new Set<ServerProcess>()
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await Promise.all([...servers].map((server) => server.kill()))
  servers.clear()
})

/** Starts `server/main.ts` on `dataDir`; port 0 picks a free port. */
async function startChild(dataDir: string, port: number): Promise<ServerProcess> {
  const server = await startServerProcess({
    PORT: String(port),
    DATA_DIR: dataDir,
    STATIC_DIR: path.join(dataDir, 'no-client'),
  })
  servers.add(server)
  return server
}

async function killChild(server: ServerProcess): Promise<void> {
  servers.delete(server)
  await server.kill()
}

function connect(
  port: number,
  mapId: string,
  token: string,
  sink: Uint8Array[] = [],
): WebsocketProvider {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, mapId, new Y.Doc(), {
    WebSocketPolyfill: recordingWebSocket(sink) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    // Reconnect fast after the restart.
    maxBackoffTime: 100,
  })
  cleanups.push(() => {
    provider.destroy()
    provider.doc.destroy()
  })
  return provider
}

describe('durability', () => {
  it(`loses nothing a client received when the server is SIGKILLed (seed ${SEED})`, async () => {
    console.log(`durability seed: ${SEED} (replay with FUZZ_SEED=${SEED})`)
    const random = createRandom(SEED)
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-crash-'))
    cleanups.push(() => void fs.rm(dataDir, { recursive: true, force: true }))
    let server = await startChild(dataDir, 0)
    const port = server.port
    const created = await fetch(`http://127.0.0.1:${port}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'crash test' }),
    })
    const { id: mapId, tokens } = (await created.json()) as {
      id: string
      tokens: { editor: string }
    }

    // Per client: exactly the updates it received from the server.
    const received = Array.from({ length: CLIENTS }, (): Uint8Array[] => [])
    const clients = received.map((sink) => connect(port, mapId, tokens.editor, sink))
    await waitFor(() => clients.every((client) => client.synced), 10_000, 'clients did not sync')

    let counter = 0
    for (let round = 0; round < ROUNDS; round++) {
      let editing = true
      const editors = clients.map(async (client) => {
        while (editing) {
          const map = client.doc.getMap('stakeholders')
          const key = `s${Math.floor(random() * 20)}`
          if (random() < 0.2 && map.has(key)) map.delete(key)
          else map.set(key, { name: `value ${counter++}`, power: Math.ceil(random() * 5) })
          await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 15)))
        }
      })
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(random() * 400)))
      await killChild(server)
      editing = false
      await Promise.all(editors)
      // Keep the old clients away until the restarted server has been checked on its own.
      for (const client of clients) client.disconnect()

      server = await startChild(dataDir, port)
      const fresh = connect(port, mapId, tokens.editor)
      await waitFor(() => fresh.synced, 10_000, 'fresh client did not sync')
      received.forEach((updates, index) => {
        expect({
          round,
          client: index,
          contained: contains(fresh.doc, updates),
        }).toEqual({
          round,
          client: index,
          contained: true,
        })
      })

      for (const client of clients) client.connect()
      const docs = [...clients.map((client) => client.doc), fresh.doc]
      await waitFor(() => sameState(docs), 10_000, `round ${round}: replicas did not converge`)
      const expected = fresh.doc.getMap('stakeholders').toJSON()
      for (const doc of docs) expect(doc.getMap('stakeholders').toJSON()).toEqual(expected)
      fresh.destroy()
    }
    await killChild(server)
  }, 30_000)
})
