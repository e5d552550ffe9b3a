/**
 * The metrics of one server, rendered in the Prometheus text format for `/metrics` by
 * prom-client: its process and Node runtime metrics (CPU, memory, event-loop lag, GC, open
 * handles), HTTP requests by route and status with their durations, sync sockets and how they
 * closed, sync traffic, storage commit latency and, in a cluster, how late other nodes' updates
 * arrive. Each server has its own registry (no module state), so tests can run several.
 * Rates are derived by Prometheus from the counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Upper bounds (seconds) of the storage write latency histogram. */
const WRITE_LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** Upper bounds (seconds) of the HTTP request duration histogram. */
const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]

/** Upper bounds (seconds) of the cluster delivery lag histogram. */
const CLUSTER_LAG_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5]

/** Values read at render time from the parts that own them. */
export interface MetricGauges {
  connections: number
  mapsLoaded: number
}

/** Counters and histograms of one server; `render` reads the gauges from their owners. */
export class ServerMetrics {
  /** The Prometheus registry behind `/metrics`. */
  readonly registry = new Registry()
  /** Sockets closed for abuse so far (read by tests without rendering the page). */
  connectionsClosedForAbuse = 0
  private gauges: () => MetricGauges = () => ({ connections: 0, mapsLoaded: 0 })
  private readonly messages: Counter
  private readonly bytes: Counter
  private readonly refused: Counter
  private readonly abuse: Counter
  private readonly socketCloses: Counter<'code'>
  private readonly writes: Histogram
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>
  private readonly httpDurations: Histogram<'method' | 'route'>
  private readonly clusterLag: Histogram

  constructor() {
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry })
    const gauges = () => this.gauges()
    new Gauge({
      name: 'canvas_connections',
      help: 'Open sync sockets.',
      registers,
      collect() {
        this.set(gauges().connections)
      },
    })
    new Gauge({
      name: 'canvas_maps_loaded',
      help: 'Maps held in memory.',
      registers,
      collect() {
        this.set(gauges().mapsLoaded)
      },
    })
    this.messages = new Counter({
      name: 'canvas_messages_received_total',
      help: 'Sync messages received from clients.',
      registers,
    })
    this.bytes = new Counter({
      name: 'canvas_bytes_received_total',
      help: 'Bytes of sync messages received from clients.',
      registers,
    })
    this.refused = new Counter({
      name: 'canvas_connections_refused_total',
      help: 'Sockets refused (auth, limits, unknown map).',
      registers,
    })
    this.abuse = new Counter({
      name: 'canvas_connections_closed_for_abuse_total',
      help: 'Sockets closed for malformed input, budgets or policy violations.',
      registers,
    })
    this.socketCloses = new Counter({
      name: 'canvas_socket_closes_total',
      help: 'Sync sockets closed, by WebSocket close code (1000/1001 normal, 1006 dropped, 44xx refused).',
      labelNames: ['code'],
      registers,
    })
    this.writes = new Histogram({
      name: 'canvas_storage_write_seconds',
      help: 'Time to write a batch of updates durably (storage commit latency).',
      buckets: WRITE_LATENCY_BUCKETS,
      registers,
    })
    this.httpRequests = new Counter({
      name: 'canvas_http_requests_total',
      help: 'HTTP requests answered, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    })
    this.httpDurations = new Histogram({
      name: 'canvas_http_request_duration_seconds',
      help: 'Time from an HTTP request to the end of its answer, by method and route.',
      labelNames: ['method', 'route'],
      buckets: HTTP_DURATION_BUCKETS,
      registers,
    })
    this.clusterLag = new Histogram({
      name: 'canvas_cluster_update_lag_seconds',
      help: "Age of another node's update when this node reads it from Redis (cluster lag).",
      buckets: CLUSTER_LAG_BUCKETS,
      registers,
    })
  }

  /** Tells the metrics where the live gauges come from (the transport and the rooms). */
  readGaugesFrom(gauges: () => MetricGauges): void {
    this.gauges = gauges
  }

  /** One sync message of `bytes` received. */
  countMessage(bytes: number): void {
    this.messages.inc()
    this.bytes.inc(bytes)
  }

  /** A socket refused before it joined a room. */
  countRefused(): void {
    this.refused.inc()
  }

  /** A socket closed for malformed input, a spent budget or a policy violation. */
  countAbuse(): void {
    this.connectionsClosedForAbuse += 1
    this.abuse.inc()
  }

  /** A sync socket closed with `code`. */
  countSocketClose(code: number): void {
    this.socketCloses.inc({ code: String(code) })
  }

  /** Records one storage write that took `seconds`. */
  observeWrite(seconds: number): void {
    this.writes.observe(seconds)
  }

  /** One HTTP request answered. `route` is a route's template, never the concrete URL. */
  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) })
    this.httpDurations.observe({ method, route }, seconds)
  }

  /** Another node's update read `seconds` after it was published. */
  observeClusterLag(seconds: number): void {
    this.clusterLag.observe(Math.max(0, seconds))
  }

  /** Content type of {@link render}'s text. */
  get contentType(): string {
    return this.registry.contentType
  }

  /** The metrics page. */
  render(): Promise<string> {
    return this.registry.metrics()
  }
}
