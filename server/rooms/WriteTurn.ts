/**
 * Runs the write steps of every room that changed during one event-loop turn from a single
 * `setImmediate`, after the turn's I/O callbacks. All rooms' appends then reach the store
 * in the same microtask checkpoint, so it can commit them in one transaction (group commit)
 * without another hop through the event loop.
 */
export class WriteTurn {
  private steps: (() => void)[] = []

  /** Runs `step` once this turn's I/O callbacks are done. */
  schedule(step: () => void): void {
    this.steps.push(step)
    if (this.steps.length === 1) setImmediate(this.run)
  }

  private readonly run = (): void => {
    const steps = this.steps
    this.steps = []
    for (const step of steps) step()
  }
}
