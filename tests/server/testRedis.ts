/**
 * A private `redis-server` for one test file, on a free port, without persistence, so
 * tests may restart it while the machine's shared Redis is left alone.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'
import { unreachable } from './testPostgres'

/** A running private Redis. */
export interface TestRedis {
  port: number
  url: string
  /** Stops it with SIGKILL (everything in it is lost, as in a crash). */
  kill(): Promise<void>
  /** Starts an empty one on the same port again. */
  start(): Promise<void>
}

/** Starts `redis-server`; null (after a warning) when it cannot run outside CI. */
export async function startTestRedis(): Promise<TestRedis | null> {
  const port = await freePort()
  let child: ChildProcess | null = null

  const start = async (): Promise<void> => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = started
    await new Promise<void>((resolve, reject) => {
      let output = ''
      started.once('error', reject)
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)))
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      })
    })
  }

  const kill = async (): Promise<void> => {
    const running = child
    child = null
    if (running === null || running.exitCode !== null) return
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      running.kill('SIGKILL')
    })
  }

  try {
    await start()
  } catch (error) {
    await kill()
    return unreachable('Redis', `redis-server --port ${port}`, error)
  }
  return { port, url: `redis://127.0.0.1:${port}`, kill, start }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}
