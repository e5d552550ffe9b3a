/**
 * A latency histogram with 0.1 ms buckets up to 10 s (one overflow bucket above), small enough
 * to send between processes as a sparse list and merge exactly: percentiles of the merged
 * histogram equal those of all samples, to 0.1 ms.
 */
const BUCKET_MS = 0.1
const BUCKETS = 100_000

/** Nonzero buckets as `[bucket, count]` pairs, for sending over IPC. */
export type SparseHistogram = [number, number][]

/** Counts latencies in milliseconds; see the file header. */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS + 1)
  private total = 0
  private maxMs = 0

  /** Records one latency in milliseconds (negative clock skew counts as 0). */
  add(ms: number): void {
    const bucket = Math.min(BUCKETS, Math.max(0, Math.floor(ms / BUCKET_MS)))
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1
    this.total++
    if (ms > this.maxMs) this.maxMs = ms
  }

  get count(): number {
    return this.total
  }

  get max(): number {
    return this.maxMs
  }

  /** The latency below which a fraction `q` (0–1) of the samples lie, in ms; NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN
    const rank = Math.ceil(q * this.total)
    let seen = 0
    for (let bucket = 0; bucket <= BUCKETS; bucket++) {
      seen += this.counts[bucket] ?? 0
      if (seen >= rank) return bucket === BUCKETS ? this.maxMs : (bucket + 1) * BUCKET_MS
    }
    return this.maxMs
  }

  toSparse(): SparseHistogram {
    const sparse: SparseHistogram = []
    this.counts.forEach((count, bucket) => {
      if (count > 0) sparse.push([bucket, count])
    })
    return sparse
  }

  /** Adds the counts of another histogram (from {@link toSparse}) and its maximum. */
  merge(sparse: SparseHistogram, maxMs: number): void {
    for (const [bucket, count] of sparse) {
      this.counts[bucket] = (this.counts[bucket] ?? 0) + count
      this.total += count
    }
    if (maxMs > this.maxMs) this.maxMs = maxMs
  }
}
