/**
 * The sync load scenario: rooms × clients on one or more server processes, clients in
 * separate worker processes (loadClientWorker.ts), each client moving its card at a steady
 * rate. Measures, over a window after a warm-up, the latency from an edit to its arrival at
 * every other client of the room, deliveries per second, and the server processes' CPU and
 * peak memory.
 */
import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchServer, RoomAddress } from '../BenchServer'
import { LatencyHistogram, type SparseHistogram } from '../LatencyHistogram'
import type { ClientMode, WorkerCommand, WorkerReply } from './workerMessages'

/** A load shape: `rooms` maps with `clientsPerRoom` editing clients each. */
export interface SyncScenario {
  name: string
  rooms: number
  clientsPerRoom: number
}

/** Timing and process layout of a run. */
export interface SyncLoadOptions {
  warmupMs: number
  durationMs: number
  /** Time after the window for edits still in flight to arrive. */
  drainMs: number
  /** Each client edits once per this many ms. */
  editIntervalMs: number
  /** Client worker processes. */
  workers: number
  /** Kind of client (see loadClientWorker.ts). */
  clientMode: ClientMode
}

/** Figures of one scenario against one server (or cluster). */
export interface SyncLoadResult {
  scenario: string
  server: string
  clients: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Edits delivered to other clients per second of the window. */
  deliveredPerSecond: number
  /** Deliveries seen / deliveries expected (edits sent × other clients in the room). */
  deliveredFraction: number
  /** Server CPU time over the window as % of one core (summed over cluster nodes). */
  serverCpuPercent: number
  /** Peak resident set size of the server process (largest node of a cluster), MiB. */
  serverPeakRssMiB: number
  /** Client workers' CPU over the run, % of one core (summed): near 100 % per worker = saturated. */
  clientCpuPercent: number
  /** Every latency sample, so that several runs can be pooled ({@link poolSyncResults}). */
  histogram: SparseHistogram
}

/**
 * One result for several runs of the same scenario against the same server: percentiles
 * over all their latency samples, rates and CPU averaged, the highest peak RSS.
 */
export function poolSyncResults(runs: readonly SyncLoadResult[]): SyncLoadResult {
  const [first] = runs
  if (!first) throw new Error('no runs to pool')
  if (runs.length === 1) return first
  const histogram = new LatencyHistogram()
  for (const run of runs) histogram.merge(run.histogram, run.maxMs)
  const mean = (figure: (run: SyncLoadResult) => number) =>
    runs.reduce((sum, run) => sum + figure(run), 0) / runs.length
  return {
    ...first,
    p50Ms: histogram.quantile(0.5),
    p95Ms: histogram.quantile(0.95),
    p99Ms: histogram.quantile(0.99),
    maxMs: histogram.max,
    deliveredPerSecond: mean((run) => run.deliveredPerSecond),
    deliveredFraction: mean((run) => run.deliveredFraction),
    serverCpuPercent: mean((run) => run.serverCpuPercent),
    serverPeakRssMiB: Math.max(...runs.map((run) => run.serverPeakRssMiB)),
    clientCpuPercent: mean((run) => run.clientCpuPercent),
    histogram: histogram.toSparse(),
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function now(): number {
  return performance.timeOrigin + performance.now()
}

function nextReply<T extends WorkerReply['type']>(
  worker: ChildProcess,
  type: T,
): Promise<Extract<WorkerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReply) => {
      if (message.type !== type) return
      worker.off('message', onMessage)
      worker.off('exit', onExit)
      resolve(message as Extract<WorkerReply, { type: T }>)
    }
    const onExit = (code: number | null) => reject(new Error(`client worker exited (${code})`))
    worker.on('message', onMessage)
    worker.once('exit', onExit)
  })
}

function send(worker: ChildProcess, command: WorkerCommand): void {
  worker.send(command)
}

/** The same room on another node of a cluster (nodes differ only in their port). */
function onNode(address: RoomAddress, node: BenchServer): RoomAddress {
  const url = new URL(address.serverUrl)
  url.port = String(node.port)
  return { ...address, serverUrl: url.toString().replace(/\/$/, '') }
}

/**
 * Runs `scenario` against `nodes` (one server, or the nodes of a cluster sharing storage;
 * clients are spread over them round-robin) and answers the figures.
 */
export async function runSyncLoad(
  nodes: BenchServer[],
  scenario: SyncScenario,
  options: SyncLoadOptions,
  label: string,
): Promise<SyncLoadResult> {
  const [first] = nodes
  if (!first) throw new Error('no server to load')
  const rooms: RoomAddress[] = []
  for (let r = 0; r < scenario.rooms; r++) {
    rooms.push(await first.createRoom(`${scenario.name} ${r + 1}`))
  }
  const perWorker: RoomAddress[][] = Array.from({ length: options.workers }, () => [])
  let k = 0
  for (const room of rooms) {
    for (let c = 0; c < scenario.clientsPerRoom; c++, k++) {
      perWorker[k % options.workers]?.push(onNode(room, nodes[k % nodes.length] ?? first))
    }
  }
  const workers = perWorker.map(() =>
    fork(path.join(root, 'bench/sync/loadClientWorker.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  try {
    const connected = await Promise.all(
      workers.map((worker, w) => {
        const reply = nextReply(worker, 'connected')
        send(worker, {
          type: 'connect',
          clients: perWorker[w] ?? [],
          firstIndex: w * 100_000,
          timeoutMs: 120_000,
          mode: options.clientMode,
        })
        return reply
      }),
    )
    const failed = connected.reduce((sum, reply) => sum + reply.failed, 0)
    if (failed > 0) throw new Error(`${failed} clients did not sync with ${label}`)

    const windowStart = now() + options.warmupMs
    const windowEnd = windowStart + options.durationMs
    const stopAt = windowEnd + options.drainMs
    const results = workers.map((worker) => nextReply(worker, 'result'))
    for (const worker of workers) {
      send(worker, {
        type: 'run',
        editIntervalMs: options.editIntervalMs,
        warmupMs: options.warmupMs,
        windowStart,
        windowEnd,
        stopAt,
      })
    }
    await new Promise((resolve) => setTimeout(resolve, windowStart - now()))
    const before = await Promise.all(nodes.map((node) => node.stats()))
    await Promise.all(nodes.map((node) => node.startProfile()))
    await new Promise((resolve) => setTimeout(resolve, windowEnd - now()))
    const after = await Promise.all(nodes.map((node) => node.stats()))
    await Promise.all(nodes.map((node) => node.stopProfile()))
    const replies = await Promise.all(results)

    const histogram = new LatencyHistogram()
    let delivered = 0
    let sent = 0
    let clientCpuMicros = 0
    let clientElapsedMs = 0
    for (const reply of replies) {
      histogram.merge(reply.histogram, reply.maxMs)
      delivered += reply.delivered
      sent += reply.sentInWindow
      clientCpuMicros += reply.cpuMicros
      clientElapsedMs = Math.max(clientElapsedMs, reply.elapsedMs)
    }
    const serverCpuMicros = after.reduce(
      (sum, s, i) => sum + s.cpuMicros - (before[i]?.cpuMicros ?? 0),
      0,
    )
    const expected = sent * (scenario.clientsPerRoom - 1)
    return {
      scenario: scenario.name,
      server: label,
      clients: scenario.rooms * scenario.clientsPerRoom,
      p50Ms: histogram.quantile(0.5),
      p95Ms: histogram.quantile(0.95),
      p99Ms: histogram.quantile(0.99),
      maxMs: histogram.max,
      deliveredPerSecond: delivered / (options.durationMs / 1000),
      deliveredFraction: expected === 0 ? Number.NaN : delivered / expected,
      serverCpuPercent: (serverCpuMicros / 1000 / options.durationMs) * 100,
      serverPeakRssMiB: Math.max(...after.map((s) => s.maxRssBytes)) / 1024 ** 2,
      clientCpuPercent: (clientCpuMicros / 1000 / clientElapsedMs) * 100,
      histogram: histogram.toSparse(),
    }
  } finally {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null) return resolve()
            worker.once('exit', () => resolve())
            send(worker, { type: 'close' })
            setTimeout(() => worker.kill('SIGKILL'), 10_000).unref()
          }),
      ),
    )
  }
}
