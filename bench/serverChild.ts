/**
 * Entry point of a benchmarked server process: `node --import tsx bench/serverChild.ts ours`
 * runs `server/main.ts` (settings from the environment, as in production), `... reference`
 * runs the reference server `@y/websocket-server` (its own `server.js`, PORT and HOST from
 * the environment). Either way the parent asks over IPC for this process' CPU time and
 * memory, so that the clients' work is never counted as the server's.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerStats } from './ServerStats'

const kind = process.argv[2]
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The inspector session of a CPU profile being taken (see the `profile` messages). */
let profiler: Session | null = null

/**
 * `profile start` / `profile stop <file>`: a V8 CPU profile of the measured window only, so
 * start-up, map creation and shutdown do not dilute the hot path's shares.
 */
async function handleProfile(message: { id: number; action: string; file?: string }) {
  if (message.action === 'start' && profiler === null) {
    profiler = new Session()
    profiler.connect()
    await profiler.post('Profiler.enable')
    // 200 µs between samples: enough samples of a few seconds' window to rank functions.
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 })
    await profiler.post('Profiler.start')
  } else if (message.action === 'stop' && profiler !== null && message.file !== undefined) {
    const { profile } = await profiler.post('Profiler.stop')
    profiler.disconnect()
    profiler = null
    writeFileSync(message.file, JSON.stringify(profile))
  }
  process.send?.({ type: 'profile', id: message.id })
}

process.on('message', (message: { type: string; id: number; action: string; file?: string }) => {
  if (message.type === 'profile') return void handleProfile(message)
  if (message.type !== 'stats') return
  // With --expose-gc the parent can ask for a collection first, for a steady RSS reading.
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) gc()
  const cpu = process.cpuUsage()
  const stats: ServerStats = {
    cpuMicros: cpu.user + cpu.system,
    rssBytes: process.memoryUsage().rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
  }
  process.send?.({ type: 'stats', id: message.id, stats })
})

if (kind === 'ours') {
  await import(path.join(root, 'server/main.ts'))
} else if (kind === 'reference') {
  await import(path.join(root, 'node_modules/@y/websocket-server/src/server.js'))
} else {
  throw new Error(`usage: serverChild.ts ours|reference (got ${kind})`)
}
