/**
 * The sync section of `npm run bench`: each scenario against our server and against the
 * reference `@y/websocket-server`, each in a fresh child process, one after the other.
 */
import { type ServerKind, startBenchServer } from '../BenchServer'
import {
  type SyncLoadOptions,
  type SyncLoadResult,
  type SyncScenario,
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
  /** Write CPU profiles of our server here (one per scenario). */
  cpuProfileDir?: string
  log(line: string): void
}

/** One scenario's figures for both servers. */
export interface SyncComparison {
  ours: SyncLoadResult
  reference: SyncLoadResult
}

/** Runs every scenario against both servers; answers the figures in scenario order. */
export async function runSyncBench(options: SyncBenchOptions): Promise<SyncComparison[]> {
  const comparisons: SyncComparison[] = []
  for (const scenario of options.scenarios) {
    const results: Partial<Record<ServerKind, SyncLoadResult>> = {}
    for (const kind of ['ours', 'reference'] as const) {
      options.log(`sync: ${scenario.name} against ${kind}…`)
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
    comparisons.push({ ours: results.ours, reference: results.reference })
  }
  return comparisons
}
