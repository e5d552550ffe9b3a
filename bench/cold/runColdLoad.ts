/**
 * Cold load: a generated map (buildMapDocument) is written through our server by a client,
 * the room unloads, and then: the first client's connect → synced (the room loads from
 * storage), a second client's connect → synced (room already in memory), bytes on disk and
 * the server's memory for the idle loaded map.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import { type BenchServer, type RoomAddress, startBenchServer } from '../BenchServer'
import { buildMapDocument } from './buildMapDocument'

/** Figures for one map size. */
export interface ColdLoadResult {
  stakeholders: number
  /** Y.encodeStateAsUpdate of the whole document. */
  documentBytes: number
  /** Growth of the SQLite files (database + WAL) from storing the map and unloading it. */
  diskBytes: number
  /** First client: connect → synced with the whole map, the room loading from storage. */
  loadFromStorageMs: number
  /** A second client while the room is loaded: connect → synced with the whole map. */
  joinLoadedMs: number
  /** Server RSS with the map loaded and idle, minus before (after a full GC both times). */
  loadedRssDeltaBytes: number
  /** Server heap in use with the map loaded, minus before. */
  loadedHeapDeltaBytes: number
  /** Heap of a plain Y.Doc holding the same document, alone in a process (Yjs' own share). */
  bareDocHeapBytes: number
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Runs measureBareDoc.ts in a fresh process on `update`. */
function bareDocHeapBytes(update: Uint8Array): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'bare-doc-'))
  try {
    const file = path.join(dir, 'update.bin')
    writeFileSync(file, update)
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/cold/measureBareDoc.ts'), file],
      { cwd: root, encoding: 'utf8' },
    )
    return (JSON.parse(output) as { heapBytes: number }).heapBytes
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function connect(address: RoomAddress, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(address.serverUrl, address.room, doc, {
    params: address.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

function close(provider: WebsocketProvider): void {
  provider.destroy()
  provider.doc.destroy()
}

/** Bytes of every file in the data directory (SQLite database, WAL, shared memory). */
export function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0)
}

async function mapsLoaded(server: BenchServer): Promise<number> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text()
  const match = /^canvas_maps_loaded (\d+)/m.exec(text)
  return match?.[1] === undefined ? -1 : Number(match[1])
}

/** Client connect → synced with all `n` stakeholders, in ms. */
async function timeToSync(address: RoomAddress, n: number): Promise<[number, WebsocketProvider]> {
  const started = performance.now()
  const provider = connect(address)
  await until(
    () => provider.synced && stakeholdersMap(provider.doc).size === n,
    120_000,
    'client sync',
  )
  return [performance.now() - started, provider]
}

/** Measures one map of `stakeholders` on a fresh server of ours. */
export async function runColdLoad(stakeholders: number): Promise<ColdLoadResult> {
  const server = await startBenchServer('ours', {
    env: {
      MAX_MESSAGE_BYTES: String(256 * 1024 * 1024),
      RATE_BYTE_BURST: String(1024 ** 3),
      RATE_BYTES_PER_SECOND: String(1024 ** 3),
      // The writer seeds the whole map in one sync message, as no browser does (an import
      // goes out in parts of CLIENT_UPDATE_STRUCT_BUDGET); the loads measured are unaffected.
      MAX_UPDATE_STRUCTS: String(10_000_000),
    },
  })
  try {
    const address = await server.createRoom(`Cold load ${stakeholders}`)
    const diskBefore = directoryBytes(server.dataDir)
    const source = new Y.Doc()
    buildMapDocument(source, stakeholders)
    const documentUpdate = Y.encodeStateAsUpdate(source)
    const documentBytes = documentUpdate.byteLength
    const writer = connect(address, source)
    const [, checker] = await timeToSync(address, stakeholders)
    close(writer)
    close(checker)
    await until(async () => (await mapsLoaded(server)) === 0, 60_000, 'room unload')
    const diskBytes = directoryBytes(server.dataDir) - diskBefore

    const idle = await server.stats()
    const [loadFromStorageMs, first] = await timeToSync(address, stakeholders)
    const [joinLoadedMs, second] = await timeToSync(address, stakeholders)
    close(second)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const loaded = await server.stats()
    close(first)
    return {
      stakeholders,
      documentBytes,
      diskBytes,
      loadFromStorageMs,
      joinLoadedMs,
      loadedRssDeltaBytes: loaded.rssBytes - idle.rssBytes,
      loadedHeapDeltaBytes: loaded.heapUsedBytes - idle.heapUsedBytes,
      bareDocHeapBytes: bareDocHeapBytes(documentUpdate),
    }
  } finally {
    await server.stop()
  }
}
