/**
 * `npm start` as a process manager runs it: in a copy of the project (sharing node_modules),
 * a second start does not rebuild, the server is the process npm started (exec, no wrapper),
 * and a SIGTERM or SIGINT to the npm process stops the server within 10 s with every update
 * it had accepted stored.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { SqliteMapStore } from '../../server/storage/SqliteMapStore'

const root = path.resolve(import.meta.dirname, '../..')
const COPIED = [
  'package.json',
  'package-lock.json',
  'build',
  'client',
  'shared',
  'server',
  'vite.config.ts',
  'tsconfig.json',
  'dist',
]

let copy = ''

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'stakeholder-canvas-start-'))
  for (const entry of COPIED) {
    if (!fs.existsSync(path.join(root, entry))) continue
    // Timestamps kept: a copied build is as fresh as the original.
    fs.cpSync(path.join(root, entry), path.join(copy, entry), {
      recursive: true,
      preserveTimestamps: true,
    })
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'))
})

afterAll(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true })
})

interface Started {
  npm: ChildProcess
  port: number
  serverPid: number
  stderr: () => string
  /** The `msg` of every log line the server wrote so far. */
  messages: string[]
  exited: Promise<void>
}

function npmStart(dataDir: string): Promise<Started> {
  const npm = spawn('npm', ['start'], {
    cwd: copy,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  npm.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()))
  const messages: string[] = []
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: npm.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number; pid?: number }
        if (entry.msg !== undefined) messages.push(entry.msg)
        if (entry.msg?.startsWith('listening') && entry.port && entry.pid) {
          resolve({
            npm,
            port: entry.port,
            serverPid: entry.pid,
            stderr: () => stderr,
            messages,
            exited,
          })
        }
      } catch {
        // npm's own lines
      }
    })
    npm.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${stderr}`)))
  })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function writeThenSignal(signal: NodeJS.Signals): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stakeholder-canvas-start-data-'))
  const started = await npmStart(dataDir)
  try {
    // The one command serves compiled JavaScript: npm's child is node on the bundle itself.
    const command = fs.readFileSync(`/proc/${started.serverPid}/cmdline`, 'utf8').split('\0')
    expect(command.slice(1, 2)).toEqual(['dist/server/main.js'])
    expect(started.npm.pid).not.toBe(started.serverPid)
    const parent = fs.readFileSync(`/proc/${started.serverPid}/stat`, 'utf8').split(' ')[3]
    expect(Number(parent)).toBe(started.npm.pid)

    const created = await fetch(`http://127.0.0.1:${started.port}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Signals' }),
    })
    const map = (await created.json()) as { id: string; tokens: { editor: string } }
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${started.port}/sync`, map.id, doc, {
      params: { token: map.tokens.editor },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    doc.getMap('meta').set('written before', signal)
    // Signalled right away: the update is in flight or pending in the room, not yet known stored.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const signalledAt = Date.now()
    started.npm.kill(signal)
    await Promise.race([started.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    const deadline = signalledAt + 10_000
    while (isRunning(started.serverPid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(isRunning(started.serverPid), 'server still running 10 s after the signal').toBe(false)
    expect(Date.now() - signalledAt).toBeLessThan(10_000)
    // Stopped by its own shutdown (pending updates written, database closed), not killed.
    await started.exited
    expect(started.messages).toContain('shutting down')
    expect(started.messages).toContain('stopped')
    provider.destroy()

    const store = new SqliteMapStore(dataDir)
    try {
      const stored = new Y.Doc()
      for (const update of (await store.loadUpdates(map.id)).updates) Y.applyUpdate(stored, update)
      expect(stored.getMap('meta').get('written before')).toBe(signal)
    } finally {
      await store.close()
    }
  } finally {
    if (isRunning(started.serverPid)) process.kill(started.serverPid, 'SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('npm start', () => {
  it('stops the server on SIGTERM to npm within 10 s, the last update stored', async () => {
    await writeThenSignal('SIGTERM')
  }, 240_000)

  it('stops the server on SIGINT to npm too, the last update stored', async () => {
    await writeThenSignal('SIGINT')
  }, 120_000)

  it('builds nothing when the build is newer than every source', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stakeholder-canvas-start-data-'))
    const started = await npmStart(dataDir)
    try {
      expect(started.stderr()).toContain('build is up to date')
      expect(started.stderr()).not.toContain('building')
    } finally {
      started.npm.kill('SIGTERM')
      await started.exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
