/**
 * Counters of one server process, rendered in the Prometheus text format for `/metrics`.
 * Rates (messages per second) are derived by Prometheus from the counters.
 */

/** Upper bounds (seconds) of the storage write latency histogram. */
const WRITE_LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** Values read at render time from the parts that own them. */
export interface MetricGauges {
  connections: number
  mapsLoaded: number
}

/** Counters and the write-latency histogram; one instance per server. */
export class ServerMetrics {
  messagesReceived = 0
  bytesReceived = 0
  connectionsRefused = 0
  connectionsClosedForAbuse = 0
  private readonly writeBuckets = WRITE_LATENCY_BUCKETS.map(() => 0)
  private writeCount = 0
  private writeSumSeconds = 0

  /** Records one storage write that took `seconds`. */
  observeWrite(seconds: number): void {
    this.writeCount += 1
    this.writeSumSeconds += seconds
    WRITE_LATENCY_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) this.writeBuckets[index] = (this.writeBuckets[index] ?? 0) + 1
    })
  }

  /** The metrics page. */
  render(gauges: MetricGauges): string {
    const lines: string[] = []
    const metric = (name: string, type: string, help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`)
    }
    metric('canvas_connections', 'gauge', 'Open sync sockets.', gauges.connections)
    metric('canvas_maps_loaded', 'gauge', 'Maps held in memory.', gauges.mapsLoaded)
    metric(
      'canvas_messages_received_total',
      'counter',
      'Sync messages received from clients.',
      this.messagesReceived,
    )
    metric(
      'canvas_bytes_received_total',
      'counter',
      'Bytes of sync messages received from clients.',
      this.bytesReceived,
    )
    metric(
      'canvas_connections_refused_total',
      'counter',
      'Sockets refused (auth, limits, unknown map).',
      this.connectionsRefused,
    )
    metric(
      'canvas_connections_closed_for_abuse_total',
      'counter',
      'Sockets closed for malformed input, budgets or policy violations.',
      this.connectionsClosedForAbuse,
    )
    const name = 'canvas_storage_write_seconds'
    lines.push(`# HELP ${name} Time to write a batch of updates durably.`)
    lines.push(`# TYPE ${name} histogram`)
    WRITE_LATENCY_BUCKETS.forEach((bound, index) => {
      lines.push(`${name}_bucket{le="${bound}"} ${this.writeBuckets[index] ?? 0}`)
    })
    lines.push(`${name}_bucket{le="+Inf"} ${this.writeCount}`)
    lines.push(`${name}_sum ${this.writeSumSeconds}`)
    lines.push(`${name}_count ${this.writeCount}`)
    return `${lines.join('\n')}\n`
  }
}
