/**
 * Runs `server/main.ts` as a child process (for SIGKILL tests and for benchmarks that need
 * several nodes): `startServerProcess({ PORT: '0', DATABASE_URL, REDIS_URL })`.
 */
import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'

/** A running server process. */
export interface ServerProcess {
  process: ChildProcessWithoutNullStreams
  /** The port it listens on (from its "listening" log line; PORT=0 picks one). */
  port: number
  /**
   * Its warnings, errors and refused connections so far (the newest 200 log lines), for a
   * failing test to print.
   */
  warnings: string[]
  /** SIGKILL: no shutdown, no flush; resolves when it is gone. */
  kill(): Promise<void>
}

/** Starts a server with `env` on top of this process' environment; resolves once it listens. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  })
  let stderr = ''
  const warnings: string[] = []
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const kill = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as {
          port?: number
          msg?: string
          level?: number
          code?: number
        }
        const notable = (entry.level ?? 0) >= 40 || entry.code !== undefined
        if (notable && warnings.push(line) > 200) warnings.shift()
        if (entry.port !== undefined && entry.msg?.startsWith('listening')) {
          resolve({ process: child, port: entry.port, warnings, kill })
        }
      } catch {
        // Not a log line.
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)))
  })
}
