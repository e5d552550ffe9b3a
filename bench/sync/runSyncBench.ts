/**
 * The sync section of `npm run bench`: each scenario against our server and against the
 * reference `@y/websocket-server`, each in a fresh child process, one after the other.
 *
 * On a small shared machine one run's tail latency moves a lot with whatever else happens
 * to run, so a scenario can be run in several rounds that alternate which server goes
 * first; the figures are then pooled over the rounds (see {@link poolSyncResults}), and the
 * per-round results are kept to show the spread.
 */
import { type ServerKind, startBenchServer } from '../BenchServer'
import {
  type SyncLoadOptions,
  type SyncLoadResult,
  type SyncScenario,
  poolSyncResults,
  runSyncLoad,
} from './runSyncLoad'

/** Workshop room, large room, many rooms (issue 8). */
export const SYNC_SCENARIOS: readonly SyncScenario[] = [
  { name: 'workshop room (1 × 25)', rooms: 1, clientsPerRoom: 25 },
  { name: 'large room (1 × 200)', rooms: 1, clientsPerRoom: 200 },
  { name: 'many rooms (100 × 10)', rooms: 100, clientsPerRoom: 10 },
]

/** Options of {@link runSyncBench}. */
export interface SyncBenchOptions extends SyncLoadOptions {
  scenarios: readonly SyncScenario[]
  /** Runs per scenario and server, alternating which server goes first (default 1). */
  rounds?: number
  /** Write CPU profiles of our server here (one per scenario and round). */
  cpuProfileDir?: string
  log(line: string): void
}

/** Our server's and the reference's figures for one scenario. */
export interface SyncPair {
  ours: SyncLoadResult
  reference: SyncLoadResult
}

/** One scenario's figures for both servers, pooled over its rounds. */
export interface SyncComparison extends SyncPair {
  rounds: SyncPair[]
}

/** Runs every scenario against both servers; answers the figures in scenario order. */
export async function runSyncBench(options: SyncBenchOptions): Promise<SyncComparison[]> {
  const roundCount = Math.max(1, options.rounds ?? 1)
  const comparisons: SyncComparison[] = []
  for (const scenario of options.scenarios) {
    const rounds: SyncPair[] = []
    for (let round = 0; round < roundCount; round++) {
      const order: ServerKind[] = round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
      const results: Partial<Record<ServerKind, SyncLoadResult>> = {}
      for (const kind of order) {
        const of = roundCount > 1 ? ` (round ${round + 1} of ${roundCount})` : ''
        options.log(`sync: ${scenario.name} against ${kind}${of}…`)
        const server = await startBenchServer(kind, {
          cpuProfileDir: kind === 'ours' ? options.cpuProfileDir : undefined,
        })
        try {
          results[kind] = await runSyncLoad([server], scenario, options, kind)
        } finally {
          await server.stop()
        }
      }
      if (!results.ours || !results.reference) throw new Error('missing sync result')
      rounds.push({ ours: results.ours, reference: results.reference })
    }
    comparisons.push({
      ours: poolSyncResults(rounds.map((pair) => pair.ours)),
      reference: poolSyncResults(rounds.map((pair) => pair.reference)),
      rounds,
    })
  }
  return comparisons
}
