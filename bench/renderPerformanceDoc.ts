import type { BrowserResult } from './browser/runBrowserBench'
import type { TransferResult } from './browser/runTransferBench'
import type { ColdLoadResult } from './cold/runColdLoad'
import type { MachineInfo } from './machineInfo'
import type { BundleResult, ScreenBundle } from './runBundleBench'
import type { ScoringResult } from './runScoringBench'
import type { CpuProfileSummary } from './summariseCpuProfiles'
import type { SyncLoadOptions, SyncLoadResult } from './sync/runSyncLoad'
import type { SyncComparison } from './sync/runSyncBench'

/** Everything one `npm run bench` measured. */
export interface BenchReport {
  machine: MachineInfo
  command: string
  date: string
  loadAtStart: [number, number, number]
  quietReached: boolean
  /** `cpuSpeedCheckMs()` (machineInfo.ts) at the start and at the end of the run. */
  cpuSpeedMs: number[]
  syncOptions: SyncLoadOptions
  /** Rounds per sync scenario; the sync figures are pooled over them. */
  syncRounds: number
  sync: SyncComparison[]
  /** Our server again with its data directory on tmpfs: what the disk costs. */
  syncOnTmpfs: SyncLoadResult[]
  cluster: SyncLoadResult[]
  clusterNote: string | null
  cold: ColdLoadResult[]
  browser: BrowserResult[]
  scoring: ScoringResult | null
  bundle: BundleResult | null
  transfer: TransferResult[]
  profile: CpuProfileSummary | null
}

/** Budgets of issue 8; a memory multiple of 10 counts as "a small multiple". */
const BUDGET = {
  workshopP99: 50,
  largeP99: 150,
  interactive1000: 2000,
  memoryMultiple: 10,
  /** The room's own memory on top of a plain Y.Doc holding the same document. */
  roomOverhead: 1.1,
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a')
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
const ratio = (ours: number, reference: number) =>
  reference > 0 ? (ours / reference).toFixed(2) : 'n/a'
const yes = (met: boolean) => (met ? 'yes' : '**no**')

function roundsNote(rounds: number): string {
  if (rounds <= 1) return ''
  return `, in ${rounds} rounds that alternate which server goes first; the table pools the rounds
(percentiles over all their samples, rates and CPU averaged, the highest peak RSS), and the
ratios below show each round's p99 ratio too, for the spread`
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function syncRows(results: SyncLoadResult[]): string[][] {
  return results.map((r) => [
    r.scenario,
    r.server,
    String(r.clients),
    ms(r.p50Ms),
    ms(r.p95Ms),
    ms(r.p99Ms),
    ms(r.maxMs),
    r.deliveredPerSecond.toFixed(0),
    `${(r.deliveredFraction * 100).toFixed(1)} %`,
    `${r.serverCpuPercent.toFixed(0)} %`,
    `${r.serverPeakRssMiB.toFixed(0)} MiB`,
    `${r.clientCpuPercent.toFixed(0)} %`,
  ])
}

const SYNC_HEADER = [
  'scenario',
  'server',
  'clients',
  'p50',
  'p95',
  'p99',
  'max',
  'delivered/s',
  'delivered',
  'server CPU (1 core)',
  'server peak RSS',
  'client CPU',
]

function budgetRows(report: BenchReport): string[][] {
  const rows: string[][] = []
  const scenario = (prefix: string) => report.sync.find((c) => c.ours.scenario.startsWith(prefix))
  const workshop = scenario('workshop')
  const large = scenario('large')
  if (workshop) {
    rows.push([
      `workshop room p99 < ${BUDGET.workshopP99} ms`,
      ms(workshop.ours.p99Ms),
      yes(workshop.ours.p99Ms < BUDGET.workshopP99),
    ])
  }
  if (large) {
    rows.push([
      `large room p99 < ${BUDGET.largeP99} ms`,
      ms(large.ours.p99Ms),
      yes(large.ours.p99Ms < BUDGET.largeP99),
    ])
  }
  for (const { ours, reference } of report.sync) {
    const latency = ours.p99Ms / reference.p99Ms
    const throughput = ours.deliveredPerSecond / reference.deliveredPerSecond
    rows.push([`${ours.scenario}: p99 ours/reference ≤ 1`, latency.toFixed(2), yes(latency <= 1)])
    rows.push([
      `${ours.scenario}: delivered/s ours/reference ≥ 1`,
      throughput.toFixed(3),
      yes(throughput >= 0.995),
    ])
  }
  const browser1000 = report.browser.find((b) => b.cards === 1000)
  if (browser1000) {
    rows.push([
      `1,000-card map interactive < ${BUDGET.interactive1000} ms`,
      ms(browser1000.interactiveMs),
      yes(browser1000.interactiveMs < BUDGET.interactive1000),
    ])
  }
  const largest = report.cold.at(-1)
  if (largest) {
    // Heap, not RSS: RSS still holds pages from writing the map, so its delta can be negative.
    const multiple = largest.loadedHeapDeltaBytes / largest.documentBytes
    rows.push([
      `idle loaded map (${largest.stakeholders}): server heap ≤ ${BUDGET.memoryMultiple}× document size`,
      `${multiple.toFixed(1)}× (${kib(largest.loadedHeapDeltaBytes)} for ${kib(largest.documentBytes)})`,
      yes(multiple <= BUDGET.memoryMultiple),
    ])
    const overhead = largest.loadedHeapDeltaBytes / largest.bareDocHeapBytes
    rows.push([
      `idle loaded map (${largest.stakeholders}): server heap ≤ ${BUDGET.roomOverhead}× a plain Y.Doc of it`,
      `${overhead.toFixed(2)}× (plain Y.Doc: ${kib(largest.bareDocHeapBytes)}, ${(largest.bareDocHeapBytes / largest.documentBytes).toFixed(1)}× document size)`,
      yes(overhead <= BUDGET.roomOverhead),
    ])
  }
  return rows
}

/** The Markdown of docs/performance.md: figures only from `report`. */
export function renderPerformanceDoc(report: BenchReport): string {
  const { machine } = report
  const parts: string[] = []
  parts.push(`# Performance

Figures from one run of \`${report.command}\` (bench/run.ts). Every number below comes from
that run; rerun the command to refresh this file. Why the misses miss, and what to do
about them: [performance-analysis.md](performance-analysis.md).

- Date: ${report.date}
- Machine: ${machine.cores} cores (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGiB} GiB,
  ${machine.platform}, Node ${machine.node}
- Load average at start (1/5/15 min): ${report.loadAtStart.map((n) => n.toFixed(2)).join(' / ')}${report.quietReached ? '' : ' (the machine did not get quiet within 15 minutes: figures are noisier)'}
- CPU speed check (sorting the same 1,000,000 numbers in plain JavaScript, best of 5; compare
  it before comparing figures of two runs, they scale with it): ${report.cpuSpeedMs.map((n) => `${n.toFixed(0)} ms`).join(' at the start, ')}${report.cpuSpeedMs.length > 1 ? ' at the end' : ''}
`)
  parts.push(`## Budget\n\n${table(['budget', 'measured', 'met?'], budgetRows(report))}\n`)
  if (report.sync.length > 0) {
    const o = report.syncOptions
    parts.push(`## Sync server under load

Each scenario runs against our server and against the reference \`@y/websocket-server\` 0.1.1,
each in a fresh child process (CPU from its own \`process.cpuUsage\`, peak RSS from
\`process.resourceUsage\`)${roundsNote(report.syncRounds)}. ${o.workers} client worker processes; each client edits its own card
(one \`Y.Map\` set of a full card record in the \`tldraw\` root) every ${o.editIntervalMs} ms with a
random phase. ${o.warmupMs / 1000} s warm-up, ${o.durationMs / 1000} s window, ${o.drainMs / 1000} s drain. Latency: edit → its frame read
from the socket at every other client of the room. Client kind: \`${o.clientMode}\`.

${table(SYNC_HEADER, syncRows(report.sync.flatMap((c) => [c.ours, c.reference])))}

Ours / reference:

${table(
  [
    'scenario',
    'p50',
    'p95',
    'p99',
    'delivered/s',
    'server CPU',
    'peak RSS',
    ...(report.syncRounds > 1 ? ['p99 in each round'] : []),
  ],
  report.sync.map(({ ours, reference, rounds }) => [
    ours.scenario,
    ratio(ours.p50Ms, reference.p50Ms),
    ratio(ours.p95Ms, reference.p95Ms),
    ratio(ours.p99Ms, reference.p99Ms),
    ratio(ours.deliveredPerSecond, reference.deliveredPerSecond),
    ratio(ours.serverCpuPercent, reference.serverCpuPercent),
    ratio(ours.serverPeakRssMiB, reference.serverPeakRssMiB),
    ...(report.syncRounds > 1
      ? [rounds.map((pair) => ratio(pair.ours.p99Ms, pair.reference.p99Ms)).join(', ')]
      : []),
  ]),
)}
`)
  }
  if (report.syncOnTmpfs.length > 0) {
    parts.push(`Our server once more with its data directory on tmpfs (\`/dev/shm\`), where an fsync
costs nothing and everything else is unchanged: the difference to the rows above is what the
disk's fsync adds, the difference to the reference is the work of checking, storing and
attributing each update.

${table(SYNC_HEADER, syncRows(report.syncOnTmpfs))}
`)
  }
  if (report.cluster.length > 0 || report.clusterNote) {
    parts.push(`## Cluster (PostgreSQL + Redis)

${report.cluster.length > 0 ? `${table(SYNC_HEADER, syncRows(report.cluster))}\n\nServer CPU is summed over the nodes; peak RSS is the largest node's.\n` : ''}${report.clusterNote ?? ''}
`)
  }
  if (report.cold.length > 0) {
    parts.push(`## Cold load (our server, SQLite)

${table(
  [
    'stakeholders',
    'document (encodeStateAsUpdate)',
    'on disk',
    'load from storage → synced',
    'join loaded room → synced',
    'server RSS Δ loaded',
    'server heap Δ loaded',
    'plain Y.Doc heap',
  ],
  report.cold.map((c) => [
    String(c.stakeholders),
    kib(c.documentBytes),
    kib(c.diskBytes),
    ms(c.loadFromStorageMs),
    ms(c.joinLoadedMs),
    kib(c.loadedRssDeltaBytes),
    kib(c.loadedHeapDeltaBytes),
    kib(c.bareDocHeapBytes),
  ]),
)}
`)
  }
  if (report.browser.length > 0) {
    parts.push(`## Browser (headless Chromium, built client)

1280 × 800 page, zoomed to fit the whole map. Frame times are requestAnimationFrame
intervals: while panning (the camera moves in every recorded frame) and while dragging a
card (the mouse moves, one awaited step after the other, for the whole recording). A pointer
move is how long one awaited mouse move takes to be handled: the lag a user feels when
dragging. Headless Chromium here has no GPU: it rasterises on the CPU.

${table(
  [
    'cards',
    'interactive',
    'pan p50',
    'pan p95',
    'drag frame p50',
    'drag frame p95',
    'pointer move p50',
    'pointer move p95',
  ],
  report.browser.map((b) => [
    String(b.cards),
    ms(b.interactiveMs),
    ms(b.pan.p50Ms),
    ms(b.pan.p95Ms),
    ms(b.drag.p50Ms),
    ms(b.drag.p95Ms),
    ms(b.dragMove.p50Ms),
    ms(b.dragMove.p95Ms),
  ]),
)}
`)
  }
  if (report.scoring) {
    const s = report.scoring
    parts.push(`## Scoring

${s.stakeholders.toLocaleString('en')} stakeholders (best of 3): classify + score + quadrant ${ms(s.classifyMs)}, prioritise ${ms(s.prioritiseMs)}, total ${ms(s.totalMs)} = ${ms(s.perThousandMs)} per 1,000.
`)
  }
  if (report.bundle) {
    const b = report.bundle
    const screen = (name: string, bundle: ScreenBundle) =>
      `| ${name} | ${kib(bundle.gzipBytes)} | ${kib(bundle.rawBytes)} | ${bundle.chunks.length} | ${bundle.onDemandCode.length === 0 ? 'none' : bundle.onDemandCode.join(', ')} |`
    parts.push(`## Bundle

JavaScript a screen needs before it shows anything (its chunks and their static imports, from
Vite's manifest), gzipped with zlib's default level:

| first screen | gzipped | raw | chunks | report/export/import code in it |
| --- | --- | --- | --- | --- |
${screen('home page', b.home)}
${screen('a map opened from a link', b.map)}

All JavaScript (${b.chunkCount} chunks): ${kib(b.totalGzipBytes)} gzipped (${kib(b.totalRawBytes)} raw). Report/export/import code is loaded on demand, from ${b.onDemandChunks.join(', ')}.
`)
  }
  if (report.transfer.length > 0) {
    parts.push(renderTransferSection(report.transfer))
  }
  if (report.profile) {
    parts.push(`## CPU profile of our server (sync scenarios, measured windows only)

Self time of the busiest functions, and their share of the ${ms(report.profile.totalMs)} the server
processes were busy in the measured windows (idle time, start-up and shutdown left out).

${table(
  ['function', 'where', 'self', 'share of busy time'],
  report.profile.top.map((t) => [t.name, t.where, ms(t.selfMs), `${t.percent.toFixed(1)} %`]),
)}
`)
  }
  return parts.join('\n')
}

/** Before compression and lazy fonts (commit a33f8c5, same script): the map page's figures. */
const TRANSFER_BEFORE = { encodedBytes: 3_768_609, requests: 52, fonts: 16, embedIcons: 19 }

/** The transfer table; the map page is also held against issue 20's target (half of before). */
export function renderTransferSection(results: TransferResult[]): string {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
  const map = results.find((r) => r.page.startsWith('map'))
  const target = TRANSFER_BEFORE.encodedBytes / 2
  return `## Transfer (headless Chromium, built client, cache disabled)

What a first visit costs on the wire: bytes as Chromium's Network domain counts them
(\`encodedDataLength\`, headers included), until the page is connected and the network has
been quiet for a second (\`bench/browser/runTransferBench.ts\`). Before compression and lazy
fonts (commit a33f8c5) the map page took ${mib(TRANSFER_BEFORE.encodedBytes)} in
${TRANSFER_BEFORE.requests} requests, ${TRANSFER_BEFORE.fonts} of them fonts and
${TRANSFER_BEFORE.embedIcons} embed icons, nothing compressed.

${table(
  [
    'page',
    'on the wire',
    'decoded',
    'requests',
    'compressed answers',
    'fonts',
    'embed icons',
    'largest kinds',
  ],
  results.map((r) => [
    r.page,
    mib(r.encodedBytes),
    mib(r.decodedBytes),
    String(r.requests),
    String(r.compressedResponses),
    String(r.fontFiles),
    String(r.embedIconFiles),
    r.byType
      .slice(0, 3)
      .map((t) => `${t.type} ${kib(t.encodedBytes)} (${t.requests})`)
      .join(', '),
  ]),
)}
${
  map
    ? `
Map page: ${mib(map.encodedBytes)}, ${((map.encodedBytes / TRANSFER_BEFORE.encodedBytes) * 100).toFixed(0)} % of before; target at most half (${mib(target)}): ${yes(map.encodedBytes <= target)}.
`
    : ''
}`
}
