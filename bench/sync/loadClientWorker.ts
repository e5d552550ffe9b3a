/**
 * A process hosting many y-websocket clients, driven by the parent over IPC (see
 * runSyncLoad.ts). Clients are the published `WebsocketProvider` over `ws` (no
 * BroadcastChannel), or the lighter {@link MinimalSyncClient} that speaks the same protocol
 * but does not apply what it receives.
 *
 * 1. `connect`: opens one provider per client and answers `connected` once all have synced.
 * 2. `run`: every client moves its own card (one Y.Map set of a full tldraw card record in the
 *    `tldraw` root, like a drag) every `editIntervalMs`, with a random phase. Each record
 *    carries its send time; every other client's map observer records the latency on
 *    arrival. Edits sent inside the window `[windowStart, windowEnd)` are counted; after the
 *    window the clients stop editing and wait until `stopAt` for stragglers, then answer
 *    `result`.
 * 3. `close`: destroys the providers and exits.
 *
 * Times are wall-clock milliseconds with sub-millisecond precision (timeOrigin + now), which
 * every process on the machine shares.
 */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { RoomAddress } from '../BenchServer'
import { LatencyHistogram } from '../LatencyHistogram'
import { MinimalSyncClient, benchMarker, parseBenchMarker } from './MinimalSyncClient'
import type { ClientMode, WorkerCommand, WorkerReply } from './workerMessages'

interface Client {
  doc: Y.Doc
  isSynced(): boolean
  destroy(): void
  cardId: string
  index: number
}

const clients: Client[] = []
const histogram = new LatencyHistogram()
let window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY }
let delivered = 0
let sentInWindow = 0

function now(): number {
  return performance.timeOrigin + performance.now()
}

function reply(message: WorkerReply): void {
  process.send?.(message)
}

/** A stakeholder card record as the canvas writes it, with the send time in `meta`. */
function cardRecord(cardId: string, clientId: number, x: number, y: number, sentAt: number) {
  return {
    id: cardId,
    typeName: 'shape',
    type: 'stakeholder-card',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { stakeholderId: cardId.slice('shape:'.length), w: 170, h: 76 },
    meta: { bench: benchMarker(clientId, sentAt) },
  }
}

function recordArrival(sentAt: number, arrivedAt: number): void {
  if (sentAt < window.start || sentAt >= window.end) return
  histogram.add(arrivedAt - sentAt)
  delivered++
}

function connectClient(address: RoomAddress, index: number, mode: ClientMode): Client {
  const cardId = `shape:bench-${process.pid}-${index}`
  if (mode === 'minimal') {
    const client = new MinimalSyncClient(address, (sentAt) => recordArrival(sentAt, now()))
    return {
      doc: client.doc,
      isSynced: () => client.synced,
      destroy: () => client.destroy(),
      cardId,
      index,
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(address.serverUrl, address.room, doc, {
    params: address.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  doc.getMap<{ meta?: { bench?: string } }>('tldraw').observe((event, transaction) => {
    if (transaction.local) return
    const arrivedAt = now()
    for (const key of event.keysChanged) {
      const marker = event.target.get(key)?.meta?.bench
      if (marker !== undefined)
        recordArrival(parseBenchMarker(marker.slice(6, -1)).sentAt, arrivedAt)
    }
  })
  return {
    doc,
    isSynced: () => provider.synced,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
    cardId,
    index,
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

function startEditing(client: Client, intervalMs: number, until: number): void {
  let step = 0
  const edit = () => {
    const sentAt = now()
    if (sentAt >= until) return
    step++
    const x = 100 + ((client.index * 37 + step * 5) % 800)
    const y = 100 + ((client.index * 53 + step * 3) % 600)
    client.doc
      .getMap('tldraw')
      .set(client.cardId, cardRecord(client.cardId, client.doc.clientID, x, y, sentAt))
    if (sentAt >= window.start && sentAt < window.end) sentInWindow++
    setTimeout(edit, intervalMs)
  }
  setTimeout(edit, Math.random() * intervalMs)
}

process.on('message', (command: WorkerCommand) => {
  void handle(command)
})

async function handle(command: WorkerCommand): Promise<void> {
  if (command.type === 'connect') {
    command.clients.forEach((address, index) => {
      clients.push(connectClient(address, command.firstIndex + index, command.mode))
    })
    const ok = await waitUntil(
      () => clients.every((client) => client.isSynced()),
      command.timeoutMs,
    )
    const synced = clients.filter((client) => client.isSynced()).length
    reply({ type: 'connected', synced, failed: ok ? 0 : clients.length - synced })
  } else if (command.type === 'run') {
    window = { start: command.windowStart, end: command.windowEnd }
    const cpuBefore = process.cpuUsage()
    for (const client of clients) startEditing(client, command.editIntervalMs, command.windowEnd)
    await new Promise((resolve) => setTimeout(resolve, command.stopAt - now()))
    const cpu = process.cpuUsage(cpuBefore)
    reply({
      type: 'result',
      histogram: histogram.toSparse(),
      maxMs: histogram.max,
      delivered,
      sentInWindow,
      cpuMicros: cpu.user + cpu.system,
      elapsedMs: command.stopAt - (command.windowStart - command.warmupMs),
    })
  } else {
    for (const client of clients) client.destroy()
    // Let the close frames go out before the process ends.
    setTimeout(() => process.exit(0), 200)
  }
}
