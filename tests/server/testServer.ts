/**
 * Fixture for server integration tests: a real server on port 0 with a temporary data
 * directory, real y-websocket clients, and small polling helpers. Each test file makes its
 * own {@link TestFixture}, whose `cleanup` (call it in afterEach) destroys what it created.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { WebSocket } from 'ws'
import type { ClientOptions } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { MapTokens } from '../../shared/protocol/accessApi'
import type { Role } from '../../shared/protocol/roles'
import { loadConfig } from '../../server/config'
import type { ServerConfig } from '../../server/config'
import { createServer } from '../../server/createServer'
import type { RoomPeer } from '../../server/rooms/Room'
import type { MapStore } from '../../server/storage/MapStore'
import type { ServerDependencies, StakeholderCanvasServer } from '../../server/createServer'

/** A running test server. */
export interface TestServer {
  server: StakeholderCanvasServer
  config: ServerConfig
  port: number
  httpUrl: string
  syncUrl: string
  /** Tokens of the maps made through {@link createMap}, by map id. */
  tokens: Map<string, MapTokens>
}

/** Who a test client connects as: a role of a map made by {@link createMap}, or a raw token. */
export interface ClientAccess {
  role?: Role
  /** Overrides the role's token; null connects without one. */
  token?: string | null
  /** Which of the map's documents to sync; default its map document. */
  document?: MapDocumentName
  /** Replaces the WebSocket class the client uses (e.g. to record what it receives). */
  WebSocketPolyfill?: typeof globalThis.WebSocket
}

/** A raw `ws` client socket and the close it will eventually see. */
export interface RawSocket {
  socket: WebSocket
  closed: Promise<{ code: number; reason: string }>
}

/** Starts servers and clients for one test file and tears them all down in `cleanup`. */
export interface TestFixture {
  /**
   * Starts a server on port 0; `env` overrides settings (DATA_DIR: a fresh temp dir) and
   * `dependencies` replace its parts (the logger is silent unless given).
   */
  startServer(env?: Record<string, string>, dependencies?: ServerDependencies): Promise<TestServer>
  /** Closes a server started by this fixture. */
  stopServer(test: TestServer): Promise<void>
  /** A fresh temporary directory, removed by `cleanup`. */
  makeDataDir(): Promise<string>
  /**
   * Connects the published y-websocket client to a map's map document (or, with
   * `access.document`, its confidential one), as an editor unless told.
   */
  connectClient(
    test: TestServer,
    mapId: string,
    doc?: Y.Doc,
    access?: ClientAccess,
  ): WebsocketProvider
  /** Destroys a provider (closing its socket) and its doc. */
  disconnectClient(provider: WebsocketProvider): void
  /** Opens a raw socket, for sending what the real client never would. */
  openRawSocket(test: TestServer, pathname: string, options?: ClientOptions): Promise<RawSocket>
  cleanup(): Promise<void>
}

/** Creates the fixture of one test file. */
export function createFixture(): TestFixture {
  const servers = new Set<StakeholderCanvasServer>()
  const providers = new Set<WebsocketProvider>()
  const sockets = new Set<WebSocket>()
  const dataDirs = new Set<string>()
  // Shared by every server of the fixture, so a restarted server's maps keep their tokens.
  const tokens = new Map<string, MapTokens>()

  const makeDataDir = async (): Promise<string> => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-test-'))
    dataDirs.add(dir)
    return dir
  }

  return {
    makeDataDir,

    async startServer(env = {}, dependencies = {}) {
      const dataDir = env['DATA_DIR'] ?? (await makeDataDir())
      const config = loadConfig({
        STATIC_DIR: path.join(dataDir, 'no-client'),
        ...env,
        DATA_DIR: dataDir,
      })
      const server = createServer(config, { logger: pino({ level: 'silent' }), ...dependencies })
      servers.add(server)
      const { port } = await server.listen(0, '127.0.0.1')
      return {
        server,
        config,
        port,
        httpUrl: `http://127.0.0.1:${port}`,
        syncUrl: `ws://127.0.0.1:${port}/sync`,
        tokens,
      }
    },

    async stopServer(test) {
      servers.delete(test.server)
      await test.server.close()
    },

    connectClient(test, mapId, doc = new Y.Doc(), access = {}) {
      const token =
        access.token === undefined
          ? test.tokens.get(mapId)?.[access.role ?? 'editor']
          : access.token
      const room = access.document === 'confidential' ? `${mapId}/confidential` : mapId
      const provider = new WebsocketProvider(test.syncUrl, room, doc, {
        params: token == null ? {} : { token },
        WebSocketPolyfill:
          access.WebSocketPolyfill ?? (WebSocket as unknown as typeof globalThis.WebSocket),
        connect: true,
        // Clients in one process would otherwise sync over BroadcastChannel, not the server.
        disableBc: true,
      })
      providers.add(provider)
      return provider
    },

    disconnectClient(provider) {
      providers.delete(provider)
      provider.destroy()
      provider.doc.destroy()
    },

    openRawSocket(test, pathname, options) {
      const socket = new WebSocket(`ws://127.0.0.1:${test.port}${pathname}`, options)
      sockets.add(socket)
      // Listen from the start: the server may close right after the handshake.
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      )
      return new Promise((resolve, reject) => {
        socket.once('open', () => resolve({ socket, closed }))
        socket.once('error', reject)
      })
    },

    async cleanup() {
      for (const provider of providers) {
        provider.destroy()
        provider.doc.destroy()
      }
      providers.clear()
      for (const socket of sockets) socket.terminate()
      sockets.clear()
      await Promise.all([...servers].map((server) => server.close()))
      servers.clear()
      await Promise.all([...dataDirs].map((dir) => fs.rm(dir, { recursive: true, force: true })))
      dataDirs.clear()
    },
  }
}

/** Creates a map through the HTTP API, remembers its tokens in `test.tokens`, answers its id. */
export async function createMap(
  test: TestServer,
  title = 'Test map',
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${test.httpUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`create map failed: ${response.status}`)
  const { id, tokens } = (await response.json()) as { id: string; tokens?: MapTokens }
  // Organisation mode answers no role tokens: the creator is the owner member.
  if (tokens !== undefined) test.tokens.set(id, tokens)
  return id
}

/** The token of `role` for a map made by {@link createMap}. */
export function tokenOf(test: TestServer, mapId: string, role: Role = 'editor'): string {
  const token = test.tokens.get(mapId)?.[role]
  if (token === undefined) throw new Error(`no ${role} token for ${mapId}`)
  return token
}

/** Socket path of a map with the role's token, for raw sockets. */
export function syncPath(test: TestServer, mapId: string, role: Role = 'editor'): string {
  return `/sync/${mapId}?token=${tokenOf(test, mapId, role)}`
}

/** `fetch` on the test server's API with the role's Bearer token of `mapId`. */
export function apiFetch(
  test: TestServer,
  mapId: string,
  role: Role,
  pathname: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${test.httpUrl}${pathname}`, {
    ...init,
    headers: { authorization: `Bearer ${tokenOf(test, mapId, role)}`, ...init.headers },
  })
}

/** Resolves with the close code the provider sees next. */
export function nextClose(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => {
    const listener = (event: CloseEvent | null) => {
      provider.off('connection-close', listener)
      resolve(event?.code ?? -1)
    }
    provider.on('connection-close', listener)
  })
}

/** Resolves once the provider has completed its first sync with the server. */
export function waitForSync(provider: WebsocketProvider, timeoutMs = 3000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return waitFor(() => provider.synced, timeoutMs, 'provider did not sync')
}

/** Polls `condition` every few milliseconds until it holds, or fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 3000,
  message = 'condition not met in time',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await condition()) return
    if (Date.now() > deadline) throw new Error(message)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A peer that records nothing: enough to hold a room open. */
export function fakePeer(id: string): RoomPeer {
  const ignore = (): void => {}
  return {
    id,
    role: 'editor',
    sendSyncStep1: ignore,
    sendSyncStep2: ignore,
    sendUpdate: ignore,
    sendAwareness: ignore,
    close: ignore,
  }
}

/** `store` with its appendUpdates replaced, everything else delegated. */
export function withAppend(store: MapStore, append: MapStore['appendUpdates']): MapStore {
  return Object.assign(Object.create(store) as MapStore, { appendUpdates: append })
}
