/** IPC messages between the sync benchmark and its client worker processes. */
import type { RoomAddress } from '../BenchServer'
import type { SparseHistogram } from '../LatencyHistogram'

/** The published `WebsocketProvider`, or the lighter `MinimalSyncClient`. */
export type ClientMode = 'provider' | 'minimal'

/** Parent → worker. */
export type WorkerCommand =
  | {
      type: 'connect'
      clients: RoomAddress[]
      firstIndex: number
      timeoutMs: number
      mode: ClientMode
    }
  | {
      type: 'run'
      editIntervalMs: number
      warmupMs: number
      windowStart: number
      windowEnd: number
      stopAt: number
    }
  | { type: 'close' }

/** Worker → parent. */
export type WorkerReply =
  | { type: 'connected'; synced: number; failed: number }
  | {
      type: 'result'
      histogram: SparseHistogram
      maxMs: number
      delivered: number
      sentInWindow: number
      cpuMicros: number
      elapsedMs: number
    }
