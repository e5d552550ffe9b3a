/**
 * A token bucket per client address, for requests that are cheap to send and costly to
 * serve (creating a map writes to the database and to disk for good). Buckets that have
 * filled up again are dropped when the table grows, so a crowd of addresses cannot grow it
 * without bound; a dropped bucket was full, so forgetting it changes nothing.
 */
import { TokenBucket } from '../transport/TokenBucket'

/** Addresses kept before full buckets are swept. */
const SWEEP_ABOVE = 10_000

/** Outcome of {@link AddressRateLimit.take}: allowed, or refused with seconds to wait. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

/** `perHour` requests per address on average, `burst` at once. */
export class AddressRateLimit {
  private readonly buckets = new Map<string, TokenBucket>()
  private readonly ratePerSecond: number

  constructor(
    perHour: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ratePerSecond = perHour / 3600
  }

  /** Counts one request from `address`. */
  take(address: string): RateDecision {
    let bucket = this.buckets.get(address)
    if (bucket === undefined) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep()
      bucket = new TokenBucket(this.ratePerSecond, this.burst, this.now)
      this.buckets.set(address, bucket)
    }
    if (bucket.take(1)) return { ok: true }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(bucket.secondsUntil(1))) }
  }

  private sweep(): void {
    for (const [address, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(address)
  }
}
