/** Resource use of a benchmarked server process, as it reports it over IPC. */
export interface ServerStats {
  /** User + system CPU time since the process started (process.cpuUsage). */
  cpuMicros: number
  rssBytes: number
  /** Peak resident set size so far (process.resourceUsage().maxRSS). */
  maxRssBytes: number
  heapUsedBytes: number
}
