/**
 * A token bucket: `ratePerSecond` tokens flow in continuously up to `capacity`; taking more
 * than is there fails. Used for per-connection message and byte budgets.
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
    const now = this.now()
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.last) / 1000) * this.ratePerSecond,
    )
    this.last = now
    if (amount > this.tokens) return false
    this.tokens -= amount
    return true
  }
}
