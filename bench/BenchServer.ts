/**
 * A server under test in its own child process (see serverChild.ts): ours (`server/main.ts`)
 * or the reference `@y/websocket-server`. Knows how to create maps on it and how clients
 * reach a room, so scenarios treat both alike.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerStats } from './ServerStats'

/** Which server implementation. */
export type ServerKind = 'ours' | 'reference'

/** Where a client connects: the y-websocket `serverUrl`, room name and URL params. */
export interface RoomAddress {
  serverUrl: string
  room: string
  params: Record<string, string>
}

/** Options of {@link startBenchServer}. */
export interface BenchServerOptions {
  /** Settings for our server on top of the bench defaults (ignored by the reference). */
  env?: Record<string, string>
  /**
   * Write V8 CPU profiles of the server into this directory, one per measured window (see
   * {@link BenchServer.startProfile}).
   */
  cpuProfileDir?: string
  /** Data directory to use (kept); default: a fresh temporary one, removed on stop. */
  dataDir?: string
}

/** A running server process. */
export interface BenchServer {
  kind: ServerKind
  port: number
  httpUrl: string
  dataDir: string
  /** Creates a room: a map through `POST /api/maps` for ours, just a fresh name otherwise. */
  createRoom(title: string): Promise<RoomAddress>
  stats(): Promise<ServerStats>
  /**
   * Starts a CPU profile of the server (when started with `cpuProfileDir`, else nothing):
   * the load calls it at the start of its measured window and {@link stopProfile} at the end.
   */
  startProfile(): Promise<void>
  /** Writes the profile begun by {@link startProfile} into `cpuProfileDir`. */
  stopProfile(): Promise<void>
  /** SIGTERM (our server flushes and closes cleanly), then waits for the exit. */
  stop(): Promise<void>
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Settings that lift our server's per-connection and per-address limits for load from one
 * address (every bench client is 127.0.0.1); durability settings stay as in production.
 */
export const BENCH_SERVER_ENV: Record<string, string> = {
  LOG_LEVEL: 'warn',
  MAX_CONNECTIONS_PER_MAP: '10000',
  MAX_CONNECTIONS_PER_IP: '100000',
  RATE_MESSAGES_PER_SECOND: '100000',
  RATE_MESSAGE_BURST: '100000',
  // Benchmarks create many maps from one address; the limit is for people, not for them.
  CREATE_MAP_BURST: '1000000',
}

/** A free TCP port on 127.0.0.1 (the reference server cannot report the one it picked). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`server did not listen on ${port} in time`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Starts a server process and resolves once it accepts connections. */
export async function startBenchServer(
  kind: ServerKind,
  options: BenchServerOptions = {},
): Promise<BenchServer> {
  const port = await freePort()
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'stakeholder-canvas-bench-'))
  const execArgv = ['--import', 'tsx', '--expose-gc']
  const child = fork(path.join(root, 'bench/serverChild.ts'), [kind], {
    cwd: root,
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...BENCH_SERVER_ENV,
      STATIC_DIR: path.join(root, 'dist/client'),
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
  })
  await waitForPort(port, child, 30_000)
  const httpUrl = `http://127.0.0.1:${port}`
  let nextId = 0
  let rooms = 0
  let profiles = 0
  /** Sends `message` to the child and resolves with its answer of the same type and id. */
  function ask<T>(message: Record<string, unknown> & { type: string }): Promise<T> {
    const id = ++nextId
    return new Promise((resolve, reject) => {
      const listener = (answer: { type: string; id: number } & T) => {
        if (answer.type !== message.type || answer.id !== id) return
        child.off('message', listener)
        resolve(answer)
      }
      child.on('message', listener)
      child.send({ ...message, id })
      setTimeout(() => {
        child.off('message', listener)
        reject(new Error(`${kind} server did not answer ${message.type}`))
      }, 30_000).unref()
    })
  }
  return {
    kind,
    port,
    httpUrl,
    dataDir,
    async createRoom(title): Promise<RoomAddress> {
      if (kind === 'reference') {
        return { serverUrl: `ws://127.0.0.1:${port}`, room: `room-${++rooms}`, params: {} }
      }
      const response = await fetch(`${httpUrl}/api/maps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      })
      if (response.status !== 201) throw new Error(`POST /api/maps answered ${response.status}`)
      const { id, tokens } = (await response.json()) as { id: string; tokens: { owner: string } }
      return { serverUrl: `ws://127.0.0.1:${port}/sync`, room: id, params: { token: tokens.owner } }
    },
    async stats() {
      return (await ask<{ stats: ServerStats }>({ type: 'stats' })).stats
    },
    async startProfile() {
      if (options.cpuProfileDir) await ask({ type: 'profile', action: 'start' })
    },
    async stopProfile() {
      if (!options.cpuProfileDir) return
      const file = path.join(
        options.cpuProfileDir,
        `${kind}-${process.pid}-${port}-${++profiles}.cpuprofile`,
      )
      await ask({ type: 'profile', action: 'stop', file })
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
        await exited
        clearTimeout(timer)
      }
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
