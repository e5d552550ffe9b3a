/**
 * Our server's own CPU per update on the hot path, without sockets or client processes:
 * `npx tsx bench/probes/measureRoomHotPath.ts [updates] [--dir=/dev/shm] [--profile=<dir>]`.
 *
 * 100 rooms of 10 peers on a real SQLite store (LoadedRooms, Room, DurableLog,
 * SqliteUpdateLog), fed the frames the bench clients send (a card record set in the
 * `tldraw` root, see bench/sync/loadClientWorker.ts), a few rooms per event-loop turn as at
 * 1,000 edits/s: each frame is read as the transport reads it (readMessage), checked and
 * applied (Room.applyUpdate), committed and broadcast; each peer's send encodes the frame
 * (UpdateFrameCache) but writes no socket. The socket writes are the part the reference
 * server pays as well; what this measures is the part it does not. A client process
 * competing for the CPU would make the figure move with the machine's load; this one only
 * moves with the CPU's speed, so compare runs made back to back (the printed CPU speed
 * check helps).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import * as Y from 'yjs'
import { LoadedRooms } from '../../server/rooms/LoadedRooms'
import type { RoomPeer } from '../../server/rooms/RoomPeer'
import { SqliteMapStore } from '../../server/storage/SqliteMapStore'
import { UpdateFrameCache } from '../../server/transport/UpdateFrameCache'
import { readMessage, writeMessage } from '../../server/transport/wireFormat'
import { cpuSpeedCheckMs } from '../machineInfo'
import { benchMarker } from '../sync/MinimalSyncClient'

const args = process.argv.slice(2)
const total = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 30_000)
const parent = args.find((arg) => arg.startsWith('--dir='))?.slice('--dir='.length) ?? tmpdir()
const profileDir = args.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length)
const ROOMS = 100
const PEERS = 10
/** Rooms with an edit per event-loop turn: 1,000 edits/s at about 1 ms a turn. */
const ROOMS_PER_TURN = 2
const limits = { maxUpdateStructs: 10_000, maxAwarenessBytes: 64 * 1024 }

const dataDir = mkdtempSync(path.join(parent, 'hot-path-'))
const store = new SqliteMapStore(dataDir)
const rooms = new LoadedRooms({
  store,
  logger: pino({ level: 'silent' }),
  limits: { compactAfterUpdates: 500, compactAfterBytes: 1024 * 1024 },
})
const frames = new UpdateFrameCache()
let sent = 0
let frameBytes = 0

function peer(id: string): RoomPeer {
  const ignore = (): void => {}
  return {
    id,
    role: 'editor',
    sendSyncStep1: ignore,
    sendSyncStep2: ignore,
    sendAwareness: ignore,
    sendUpdate: (update) => {
      sent++
      frameBytes += frames.frameFor(update).byteLength
    },
    close: ignore,
  }
}

/** One client of a room: its own doc, whose card it moves (as loadClientWorker does). */
interface Client {
  peer: RoomPeer
  doc: Y.Doc
  cardId: string
  step: number
  frame: Uint8Array | null
}

function nextFrame(client: Client, index: number): Uint8Array {
  client.step++
  const { step, cardId } = client
  client.doc.getMap('tldraw').set(cardId, {
    id: cardId,
    typeName: 'shape',
    type: 'stakeholder-card',
    x: 100 + ((index * 37 + step * 5) % 800),
    y: 100 + ((index * 53 + step * 3) % 600),
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { stakeholderId: cardId.slice('shape:'.length), w: 170, h: 76 },
    meta: { bench: benchMarker(client.doc.clientID, performance.now()) },
  })
  const frame = client.frame
  client.frame = null
  if (frame === null) throw new Error('no update')
  return frame
}

const roomClients: { room: Awaited<ReturnType<LoadedRooms['join']>>; clients: Client[] }[] = []
for (let r = 0; r < ROOMS; r++) {
  const mapId = `bench-${r}`
  await store.createMap({ id: mapId, title: `Room ${r}`, template: 'blank' })
  const clients: Client[] = []
  let room: Awaited<ReturnType<LoadedRooms['join']>> | null = null
  for (let c = 0; c < PEERS; c++) {
    const client: Client = {
      peer: peer(`${r}-${c}`),
      doc: new Y.Doc(),
      cardId: `shape:bench-${r}-${c}`,
      step: 0,
      frame: null,
    }
    client.doc.on('update', (update: Uint8Array) => {
      client.frame = writeMessage({ type: 'update', update })
    })
    room = await rooms.join(mapId, client.peer)
    clients.push(client)
  }
  if (room === null) throw new Error('no room')
  roomClients.push({ room, clients })
}

const turn = () => new Promise((resolve) => setImmediate(resolve))
let cursor = 0
async function run(updates: number): Promise<number> {
  let cpuSpent = 0
  for (let done = 0; done < updates;) {
    // The clients' edits are made outside the measured CPU: they are the clients' work.
    const batch: { client: Client; frame: Uint8Array; room: (typeof roomClients)[number] }[] = []
    for (let k = 0; k < ROOMS_PER_TURN; k++, cursor++) {
      const entry = roomClients[cursor % ROOMS] as (typeof roomClients)[number]
      const index = Math.floor(cursor / ROOMS) % PEERS
      const client = entry.clients[index] as Client
      batch.push({ client, frame: nextFrame(client, index), room: entry })
    }
    const before = process.cpuUsage()
    for (const { client, frame, room } of batch) {
      if (!room.room.ok) throw new Error('room not joined')
      const read = readMessage(frame, limits)
      if (!read.ok || (read.message.type !== 'update' && read.message.type !== 'syncStep2')) {
        throw new Error(`frame not read: ${read.ok ? read.message.type : read.reason}`)
      }
      const applied = room.room.room.applyUpdate(client.peer, read.message)
      if (!applied.ok) throw new Error(`refused: ${applied.reason}`)
    }
    // The commit and broadcast run in the next turn (WriteTurn, SqliteUpdateLog).
    await turn()
    await turn()
    const used = process.cpuUsage(before)
    cpuSpent += used.user + used.system
    done += batch.length
  }
  return cpuSpent
}

console.log(`CPU speed check: ${cpuSpeedCheckMs().toFixed(0)} ms`)
await run(Math.min(5000, total / 4))
sent = 0
let session: Session | null = null
if (profileDir !== undefined) {
  mkdirSync(profileDir, { recursive: true })
  session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
}
const micros = await run(total)
if (session !== null && profileDir !== undefined) {
  const { profile } = await session.post('Profiler.stop')
  writeFileSync(
    path.join(profileDir, `hot-path-${process.pid}.cpuprofile`),
    JSON.stringify(profile),
  )
}
console.log(
  `${total} updates, ${sent} sends: ${(micros / total).toFixed(1)} µs CPU per update, ` +
    `${(micros / sent).toFixed(2)} µs per delivered update (frame bytes ${frameBytes})`,
)
console.log(`CPU speed check: ${cpuSpeedCheckMs().toFixed(0)} ms`)
for (const entry of roomClients) for (const client of entry.clients) client.doc.destroy()
await store.close()
rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
