import { describe, expect, it } from 'vitest'
import { LatencyHistogram } from '../../bench/LatencyHistogram'
import { runSyncBench } from '../../bench/sync/runSyncBench'
import { type SyncLoadResult, poolSyncResults } from '../../bench/sync/runSyncLoad'

describe('the sync benchmark at smoke size', () => {
  it('delivers every edit to every other client, on our server and on the reference', async () => {
    for (const clientMode of ['provider', 'minimal'] as const) {
      const [comparison] = await runSyncBench({
        scenarios: [{ name: 'smoke', rooms: 1, clientsPerRoom: 3 }],
        warmupMs: 300,
        durationMs: 1000,
        drainMs: 700,
        editIntervalMs: 200,
        workers: 1,
        clientMode,
        rounds: clientMode === 'minimal' ? 2 : 1,
        log: () => {},
      })
      const rounds = comparison?.rounds ?? []
      expect(rounds).toHaveLength(clientMode === 'minimal' ? 2 : 1)
      for (const result of [comparison, ...rounds].flatMap((pair) => [
        pair?.ours,
        pair?.reference,
      ])) {
        expect(result?.deliveredFraction, `${clientMode} ${result?.server}`).toBe(1)
        expect(result?.p99Ms).toBeGreaterThan(0)
      }
    }
  }, 60_000)
})

describe('pooling sync runs', () => {
  function run(latencies: number[], cpu: number, rss: number): SyncLoadResult {
    const histogram = new LatencyHistogram()
    for (const ms of latencies) histogram.add(ms)
    return {
      scenario: 'pooled',
      server: 'ours',
      clients: 2,
      p50Ms: histogram.quantile(0.5),
      p95Ms: histogram.quantile(0.95),
      p99Ms: histogram.quantile(0.99),
      maxMs: histogram.max,
      deliveredPerSecond: latencies.length,
      deliveredFraction: 1,
      serverCpuPercent: cpu,
      serverPeakRssMiB: rss,
      clientCpuPercent: 1,
      histogram: histogram.toSparse(),
    }
  }

  it('takes percentiles over every sample of every round, not an average of percentiles', () => {
    // One calm round and one with a slow tail: the pooled p99 is the tail of all samples.
    const calm = run(
      Array.from({ length: 100 }, () => 1),
      10,
      100,
    )
    const spiky = run(
      [...Array.from({ length: 90 }, () => 1), ...Array.from({ length: 10 }, () => 30)],
      30,
      120,
    )
    const pooled = poolSyncResults([calm, spiky])
    expect(pooled.p50Ms).toBeCloseTo(1.1, 5)
    // 10 slow samples of 200: the pooled p99 is slow (an average of the two p99s would be 15.6).
    expect(pooled.p99Ms).toBeCloseTo(30.1, 5)
    expect(pooled.maxMs).toBe(30)
    expect(pooled.serverCpuPercent).toBe(20)
    expect(pooled.serverPeakRssMiB).toBe(120)
    expect(pooled.deliveredPerSecond).toBe(100)
  })
})

describe('LatencyHistogram', () => {
  it('gives percentiles to 0.1 ms, also after merging', () => {
    const a = new LatencyHistogram()
    const b = new LatencyHistogram()
    for (let i = 1; i <= 50; i++) a.add(i)
    for (let i = 51; i <= 100; i++) b.add(i)
    a.merge(b.toSparse(), b.max)
    expect(a.count).toBe(100)
    expect(a.quantile(0.5)).toBeCloseTo(50.1, 5)
    expect(a.quantile(0.99)).toBeCloseTo(99.1, 5)
    expect(a.max).toBe(100)
  })
})
