/**
 * Crash durability: the real server runs as a child process and is killed with SIGKILL at
 * random moments while y-websocket clients edit at random. Whatever a client had received
 * from the server before the kill must be in the map after a restart on the same DATA_DIR
 * and port, and all replicas must converge. The seed is printed and in the test name.
 */
import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { isDeepStrictEqual } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitFor } from './testServer'

const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000)
const ROUNDS = 3
const CLIENTS = 3

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface ChildServer {
  process: ChildProcessWithoutNullStreams
  port: number
}

const children = new Set<ChildProcessWithoutNullStreams>()
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  for (const child of children) child.kill('SIGKILL')
  children.clear()
})

/** Starts `server/main.ts`; resolves with the port from its "listening" log line. */
function startChild(dataDir: string, port: number): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      STATIC_DIR: path.join(dataDir, 'no-client'),
    },
  })
  children.add(child)
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number; msg?: string }
        if (entry.port !== undefined && entry.msg?.startsWith('listening')) {
          resolve({ process: child, port: entry.port })
        }
      } catch {
        // Not a log line.
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)))
  })
}

function killChild(server: ChildServer): Promise<void> {
  return new Promise((resolve) => {
    server.process.once('exit', () => resolve())
    server.process.kill('SIGKILL')
    children.delete(server.process)
  })
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

/**
 * A `ws` WebSocket that also hands the Yjs payload of every sync step 2 and update the
 * server sends to `sink`: exactly what the client received, before its doc mixes it with
 * local changes.
 */
function recordingWebSocket(
  sink: Uint8Array[],
): new (...args: ConstructorParameters<typeof WebSocket>) => WebSocket {
  return class RecordingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) !== 0) return
        if (decoding.readVarUint(decoder) === 0) return
        sink.push(decoding.readVarUint8Array(decoder))
      })
    }
  }
}

/**
 * True when `doc` holds everything in the updates a client received: every struct (by
 * clock) and every deletion. The updates are merged, not applied: applied alone they would
 * wait for the client's own items they build on.
 */
function contains(doc: Y.Doc, received: Uint8Array[]): boolean {
  if (received.length === 0) return true
  const { structs, ds } = Y.decodeUpdate(Y.mergeUpdates(received))
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    if ((have.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) {
      return false
    }
  }
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; at++) {
        if (!Y.isDeleted(deleted, Y.createID(client, at))) {
          return false
        }
      }
    }
  }
  return true
}

/** Same clocks and same content (a deletion alone changes no clock). */
function sameState(docs: Y.Doc[]): boolean {
  const first = docs[0]
  if (first === undefined) return true
  const vector = Buffer.from(Y.encodeStateVector(first))
  const content = first.getMap('stakeholders').toJSON()
  return docs.every(
    (doc) =>
      vector.equals(Buffer.from(Y.encodeStateVector(doc))) &&
      isDeepStrictEqual(doc.getMap('stakeholders').toJSON(), content),
  )
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
