import { describe, expect, it } from 'vitest'
import { LatencyHistogram } from '../../bench/LatencyHistogram'
import { runSyncBench } from '../../bench/sync/runSyncBench'

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
        log: () => {},
      })
      for (const result of [comparison?.ours, comparison?.reference]) {
        expect(result?.deliveredFraction, `${clientMode} ${result?.server}`).toBe(1)
        expect(result?.p99Ms).toBeGreaterThan(0)
      }
    }
  }, 60_000)
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
