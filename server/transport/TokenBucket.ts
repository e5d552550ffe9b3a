/**
 * A token bucket: `ratePerSecond` tokens flow in continuously up to `capacity`; taking more
 * than is there fails. Used for per-connection message and byte budgets, and per address
 * for creating maps (AddressRateLimit).
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity
    this.last = now()
  }

  /** Takes `amount` tokens; false (and nothing taken) when the bucket holds fewer. */
  take(amount: number): boolean {
    this.refill()
    if (amount > this.tokens) return false
    this.tokens -= amount
    return true
  }

  /** Seconds until `amount` tokens will be there (0 when they are now). */
  secondsUntil(amount: number): number {
    this.refill()
    return Math.max(0, (amount - this.tokens) / this.ratePerSecond)
  }

  /** True when the bucket holds its whole capacity again. */
  isFull(): boolean {
    this.refill()
    return this.tokens >= this.capacity
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.last) / 1000) * this.ratePerSecond,
    )
    this.last = now
  }
}
