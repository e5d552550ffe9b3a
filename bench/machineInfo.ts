import { readFileSync } from 'node:fs'
import os from 'node:os'

/** The machine a benchmark ran on, for the report. */
export interface MachineInfo {
  cores: number
  cpuModel: string
  memoryGiB: number
  node: string
  platform: string
}

/** Core count (as `nproc`), CPU model from /proc/cpuinfo, memory and Node version. */
export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (match?.[1]) cpuModel = match[1].trim()
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    cores: os.availableParallelism(),
    cpuModel,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  }
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg()
  return [one, five, fifteen]
}

/**
 * How fast this machine runs plain JavaScript right now: the best of five sorts of the same
 * 1,000,000 pseudo-random numbers, in ms. Independent of our code, so runs on different
 * hosts (or on a host whose neighbours are busy) can be compared: figures scale with it.
 */
export function cpuSpeedCheckMs(): number {
  let seed = 42
  const numbers = Float64Array.from({ length: 1_000_000 }, () => {
    // xorshift32: the same sequence on every run.
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return (seed >>> 0) / 2 ** 32
  })
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < 5; round++) {
    const copy = Array.from(numbers)
    const started = performance.now()
    copy.sort((a, b) => a - b)
    best = Math.min(best, performance.now() - started)
  }
  return best
}
