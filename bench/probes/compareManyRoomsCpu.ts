/**
 * Server CPU per delivered update, ours against the reference, in the many-rooms scenario
 * (100 × 10) only: `npx tsx bench/probes/compareManyRoomsCpu.ts [rounds] [seconds]
 * [--rooms=N] [--profile]` (default 4 rounds of 10 s, alternating which server goes first;
 * `--rooms=20` keeps the shape of a room, 10 clients, but spares a loaded machine's client
 * workers, which at 100 rooms fall behind and then measure themselves). On a loaded
 * shared machine latency says little; CPU time per delivered update is what stays
 * comparable within one run. `--profile` writes our server's `.cpuprofile` files of the
 * measured windows into .tmp/bench/cpu-profiles-many-rooms and prints the functions with the
 * most self and inclusive time (the profiler's own cost then counts in our CPU figure).
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { type ServerKind, startBenchServer } from '../BenchServer'
import { summariseCpuProfiles } from '../summariseCpuProfiles'
import { runSyncLoad } from '../sync/runSyncLoad'
import { SYNC_SCENARIOS } from '../sync/runSyncBench'

const numbers = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg))
const rounds = Number(numbers[0] ?? 4)
const seconds = Number(numbers[1] ?? 10)
const profileDir = process.argv.includes('--profile')
  ? path.resolve('.tmp/bench/cpu-profiles-many-rooms')
  : undefined
if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true })
  mkdirSync(profileDir, { recursive: true })
}
const manyRooms = SYNC_SCENARIOS.find((s) => s.rooms === 100)
if (!manyRooms) throw new Error('no many-rooms scenario')
const roomsArg = process.argv.find((arg) => arg.startsWith('--rooms='))
const rooms = roomsArg === undefined ? manyRooms.rooms : Number(roomsArg.slice('--rooms='.length))
const scenario = { ...manyRooms, name: `many rooms (${rooms} × 10)`, rooms }
const options = {
  warmupMs: 3000,
  durationMs: seconds * 1000,
  drainMs: 2000,
  editIntervalMs: 1000,
  workers: 2,
  clientMode: 'minimal' as const,
}

/** Server CPU microseconds per delivered update of each round, per server kind. */
const perUpdate: Record<ServerKind, number[]> = { ours: [], reference: [] }
/** Rounds in which both servers delivered nearly everything: client workers kept up. */
const complete: boolean[] = []
for (let round = 0; round < rounds; round++) {
  const order: ServerKind[] = round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
  let delivered = true
  for (const kind of order) {
    const server = await startBenchServer(kind, {
      cpuProfileDir: kind === 'ours' ? profileDir : undefined,
    })
    try {
      const result = await runSyncLoad([server], scenario, options, kind)
      const cpuMicros = (result.serverCpuPercent / 100) * options.durationMs * 1000
      const micros = cpuMicros / (result.deliveredPerSecond * seconds)
      perUpdate[kind].push(micros)
      delivered &&= result.deliveredFraction >= 0.99
      console.log(
        `round ${round + 1} ${kind}: ${micros.toFixed(2)} µs CPU per delivered update, ` +
          `CPU ${result.serverCpuPercent.toFixed(1)} %, p99 ${result.p99Ms.toFixed(1)} ms, ` +
          `delivered ${(result.deliveredFraction * 100).toFixed(1)} %`,
      )
    } finally {
      await server.stop()
    }
  }
  complete.push(delivered)
}
// A round in which a server's clients fell behind measures the clients: left out.
const kept = (values: number[]) => values.filter((_, i) => complete[i] === true)
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const ratios = perUpdate.ours.map((ours, i) => ours / (perUpdate.reference[i] ?? Number.NaN))
console.log(
  `CPU per delivered update, ours / reference: ` +
    `${(sum(kept(perUpdate.ours)) / sum(kept(perUpdate.reference))).toFixed(2)} over ` +
    `${kept(ratios).length} of ${rounds} rounds with ≥ 99 % delivered ` +
    `(each round: ${ratios.map((r, i) => `${r.toFixed(2)}${complete[i] ? '' : ' left out'}`).join(', ')})`,
)
if (profileDir) {
  const summary = summariseCpuProfiles(profileDir, 60)
  console.log(`profiled busy time ${summary.totalMs.toFixed(0)} ms`)
  console.log('self time:')
  for (const row of summary.top) {
    console.log(`${row.percent.toFixed(1).padStart(5)} %  ${row.name}  ${row.where}`)
  }
  console.log('inclusive time:')
  for (const row of summary.inclusive) {
    console.log(`${row.percent.toFixed(1).padStart(5)} %  ${row.name}  ${row.where}`)
  }
}
process.exit(0)
