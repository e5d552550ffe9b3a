/**
 * {@link Cluster} over Redis (ioredis), for several nodes on one PostgreSQL database.
 *
 * Each document of a map (mapDocumentLayout.ts) is a member of its own, keyed by
 * documentKey: `<mapId>` for the map document, `<mapId>/confidential` for the other.
 *
 * Message flow:
 * - Updates: a node XADDs each committed batch to the document's stream `sc:updates:<key>`
 *   (fields `node`, `prev`, `last`, `update`; MAXLEN ~ trims old entries). One blocking
 *   XREAD per node reads the streams of all its loaded maps from the last entry it saw and
 *   hands other nodes' batches to the rooms.
 * - Catch-up: when a room joins, and again whenever the reader's connection comes back
 *   (Redis restarted, streams gone, or entries missed while away), the node notes the
 *   stream's newest entry id, reads the map's rows after the room's last applied row from
 *   the database, and reads the stream on from the noted id. Whatever was committed before
 *   the database read is in it; whatever was published after the noted id is in the stream.
 *   Besides, every `reconcileIntervalMs` each room reads rows after its last applied one
 *   (normally none): that covers a node that died between commit and publish, and a
 *   publisher whose own Redis connection was down.
 * - Presence: awareness updates of map documents go over pub/sub (`sc:awareness:<mapId>`,
 *   framed by wireFormat's writePresenceMessage);
 *   lost messages are acceptable, clients renew their state every 15 s. A node that loads a
 *   map asks (a query message) and the others answer with their participants' presence.
 *   The confidential document has no presence.
 * - Close notices (a token or guest link revoked, a map deleted) go over pub/sub (`sc:control`), so that
 *   every node closes its sockets of that map.
 * - Locks: compaction and automatic snapshots of a document run under `sc:lock:<key>`
 *   ({@link runWithLease}).
 * Messages carry the sender's node id, so a node ignores its own.
 *
 * Over 400 lines on purpose: joining, leaving, the read loop, gap catch-up, presence and
 * close notices share one connection and one stream position, and split apart each would
 * need the others' state.
 */
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { isRole } from '../../shared/protocol/roles'
import { documentKey } from '../rooms/documentKey'
import { readPresenceMessage, writePresenceMessage } from '../transport/wireFormat'
import type { SocketFilter } from '../transport/createSyncTransport'
import type { Cluster, ClusterRoom, CloseNotice, GuestRenameNotice, MapChannel } from './Cluster'
import { runWithLease } from './runWithLease'

/** Settings of a {@link RedisCluster}. */
export interface RedisClusterOptions {
  redisUrl: string
  nodeId: string
  logger: Logger
  /** How often each room reads rows it may have missed from the database; default 5 s. */
  reconcileIntervalMs?: number
  /** Lease of the per-map maintenance lock; default 30 s (renewed while held). */
  lockLeaseMs?: number
  /** Entries kept per map stream (approximately); default 1000. */
  streamLength?: number
  /** Called with the age in seconds of each update read from another node (cluster lag). */
  onRemoteUpdate?: (lagSeconds: number) => void
}

interface Member {
  /** The room's documentKey: its stream, lock and entry in `members`. */
  key: string
  room: ClusterRoom
  /** Stream id of the last entry read; null while the member (re)synchronises. */
  position: string | null
  resyncing: boolean
  resyncAgain: boolean
}

const BLOCK_MS = 5000
const READ_COUNT = 500
const RETRY_MS = 250
/** Idle map streams expire; a node that finds one gone reads the database anyway. */
const STREAM_TTL_MS = 24 * 60 * 60 * 1000

/** Every node of a cluster runs one, created by `createServer` when `REDIS_URL` is set. */
export class RedisCluster implements Cluster {
  readonly nodeId: string
  private readonly logger: Logger
  /** Commands that must not wait for a reconnect: publishing, locks. */
  private readonly commands: Redis
  /** Blocking XREAD only. */
  private readonly reader: Redis
  /** SUBSCRIBE only (a subscribed connection can do nothing else). */
  private readonly subscriber: Redis
  private readonly members = new Map<string, Member>()
  private readonly closeListeners: ((notice: CloseNotice) => void)[] = []
  private readonly renameListeners: ((notice: GuestRenameNotice) => void)[] = []
  private readonly wakeKey: string
  /** Last wake entry seen; an explicit id, so a wake between two reads is not missed. */
  private wakePosition = '0-0'
  private readonly lockLeaseMs: number
  private readonly streamLength: number
  private readonly onRemoteUpdate: ((lagSeconds: number) => void) | undefined
  private readonly reconcileTimer: NodeJS.Timeout
  private readonly readLoop: Promise<void>
  private closed = false

  constructor(options: RedisClusterOptions) {
    this.nodeId = options.nodeId
    this.logger = options.logger.child({ nodeId: options.nodeId })
    this.lockLeaseMs = options.lockLeaseMs ?? 30_000
    this.streamLength = options.streamLength ?? 1000
    this.onRemoteUpdate = options.onRemoteUpdate
    this.wakeKey = `sc:wake:${options.nodeId}`
    const connection = {
      // Reconnect quickly and for ever; commands fail at once while away (the database
      // carries the truth, so a lost publish is made good by a catch-up).
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectionName: `stakeholder-canvas:${options.nodeId}`,
    }
    this.commands = new Redis(options.redisUrl, connection)
    this.reader = new Redis(options.redisUrl, connection)
    // Subscriptions made while away are queued and sent (and resent) on connect.
    this.subscriber = new Redis(options.redisUrl, { ...connection, enableOfflineQueue: true })
    for (const client of [this.commands, this.reader, this.subscriber]) {
      client.on('error', (error: Error) =>
        this.logger.warn({ err: error.message }, 'redis connection error'),
      )
    }
    // Back from a disconnect: streams may be trimmed or gone, resynchronise every room.
    this.reader.on('ready', () => {
      for (const member of this.members.values()) this.resync(member)
    })
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString()
      if (name === CONTROL_CHANNEL) this.handleControl(message)
      else this.handleAwareness(name, message)
    })
    this.subscriber.subscribe(CONTROL_CHANNEL).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not subscribe to close notices')
    })
    this.reconcileTimer = setInterval(() => this.reconcile(), options.reconcileIntervalMs ?? 5000)
    this.reconcileTimer.unref()
    this.readLoop = this.read()
  }

  join(room: ClusterRoom): MapChannel {
    const { mapId } = room
    const key = documentKey(mapId, room.document)
    const member: Member = { key, room, position: null, resyncing: false, resyncAgain: false }
    this.members.set(key, member)
    const awarenessChannel = room.document === 'map' ? `sc:awareness:${mapId}` : null
    if (awarenessChannel !== null) {
      this.subscriber.subscribe(awarenessChannel).then(
        () => this.publishPresence(mapId, PRESENCE_QUERY, new Uint8Array()),
        (error: unknown) =>
          this.logger.warn({ err: error, mapId }, 'could not subscribe to presence'),
      )
    }
    this.resync(member)
    return {
      publishUpdate: (update, previousId, lastId) => {
        this.commands
          .pipeline()
          .xadd(
            streamKey(key),
            'MAXLEN',
            '~',
            this.streamLength,
            '*',
            'node',
            this.nodeId,
            'prev',
            previousId,
            'last',
            lastId,
            'update',
            Buffer.from(update),
          )
          .pexpire(streamKey(key), STREAM_TTL_MS)
          .exec()
          .catch((error: unknown) => {
            // Stored already: other nodes find it in the database (reconcile or next gap).
            this.logger.debug({ err: error, mapId }, 'could not publish update')
          })
      },
      publishAwareness: (update) => {
        if (awarenessChannel !== null) this.publishPresence(mapId, PRESENCE_UPDATE, update)
      },
      runExclusive: async (task) => {
        const result = await runWithLease(this.commands, lockKey(key), this.lockLeaseMs, task)
        return result === 'ran'
      },
      leave: () => {
        if (this.members.get(key) !== member) return
        this.members.delete(key)
        if (awarenessChannel !== null) {
          this.subscriber.unsubscribe(awarenessChannel).catch(() => undefined)
        }
      },
    }
  }

  announceClose(notice: CloseNotice): void {
    const message = JSON.stringify({ node: this.nodeId, ...notice })
    this.commands.publish(CONTROL_CHANNEL, message).catch((error: unknown) => {
      this.logger.warn(
        { err: error, mapId: 'mapId' in notice ? notice.mapId : notice.sockets.mapId },
        'could not tell other nodes to close',
      )
    })
  }

  announceRename(notice: GuestRenameNotice): void {
    // On the control channel too; nodes of before this ignore it (it has no close code).
    const message = JSON.stringify({ node: this.nodeId, rename: notice })
    this.commands.publish(CONTROL_CHANNEL, message).catch((error: unknown) => {
      this.logger.warn({ err: error, mapId: notice.mapId }, 'could not tell other nodes a rename')
    })
  }

  onRenameNotice(listener: (notice: GuestRenameNotice) => void): void {
    this.renameListeners.push(listener)
  }

  onCloseNotice(listener: (notice: CloseNotice) => void): void {
    this.closeListeners.push(listener)
  }

  /** PING on the command connection, which fails at once while Redis is away. */
  async ping(): Promise<void> {
    await this.commands.ping()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.reconcileTimer)
    this.members.clear()
    // disconnect() also ends the blocked XREAD, so the read loop finishes.
    for (const client of [this.commands, this.reader, this.subscriber]) client.disconnect()
    await this.readLoop
  }

  /**
   * Brings a member up to date: notes the stream's newest id, reads the database, then
   * reads the stream from the noted id. Retries until it succeeds or the member leaves.
   */
  private resync(member: Member): void {
    member.position = null
    if (member.resyncing) {
      member.resyncAgain = true
      return
    }
    member.resyncing = true
    const run = async (): Promise<void> => {
      do {
        member.resyncAgain = false
        for (;;) {
          if (!this.isMember(member)) return
          try {
            const newest = await this.commands.xrevrange(
              streamKey(member.key),
              '+',
              '-',
              'COUNT',
              1,
            )
            await member.room.catchUp()
            member.position = newest[0]?.[0] ?? '0-0'
            break
          } catch (error) {
            this.logger.debug({ err: error, mapId: member.room.mapId }, 'resync failed; retrying')
            await sleep(RETRY_MS)
          }
        }
      } while (member.resyncAgain)
      // The blocked XREAD does not know this stream yet: wake it up. (Node ids are random
      // per start by default, so the wake stream expires rather than piling up.)
      this.commands
        .pipeline()
        .xadd(this.wakeKey, 'MAXLEN', 1, '*', 'w', 1)
        .pexpire(this.wakeKey, STREAM_TTL_MS)
        .exec()
        .catch(() => undefined)
    }
    void run().finally(() => (member.resyncing = false))
  }

  private isMember(member: Member): boolean {
    return !this.closed && this.members.get(member.key) === member
  }

  private async read(): Promise<void> {
    while (!this.closed) {
      const active = [...this.members.values()].filter((member) => member.position !== null)
      const reading = new Set(active)
      const keys = [this.wakeKey, ...active.map((member) => streamKey(member.key))]
      const positions = [this.wakePosition, ...active.map((member) => member.position ?? '$')]
      let reply: [Buffer, [Buffer, Buffer[]][]][] | null
      try {
        reply = await this.reader.xreadBuffer(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...keys,
          ...positions,
        )
      } catch (error) {
        if (this.closed) return
        this.logger.debug({ err: error }, 'stream read failed; retrying')
        await sleep(RETRY_MS)
        continue
      }
      for (const [key, entries] of reply ?? []) {
        if (key.toString() === this.wakeKey) {
          this.wakePosition = entries[entries.length - 1]?.[0].toString() ?? this.wakePosition
          continue
        }
        const member = this.members.get(key.toString().slice(STREAM_PREFIX.length))
        // Left, or resynchronising: the resync reads the database and the stream anew.
        if (member === undefined || member.position === null || !reading.has(member)) continue
        for (const [id, fields] of entries) {
          member.position = id.toString()
          this.handleEntry(member, id.toString(), fields)
        }
      }
    }
  }

  private handleEntry(member: Member, id: string, fields: Buffer[]): void {
    const entry = new Map<string, Buffer>()
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]
      const value = fields[i + 1]
      if (name !== undefined && value !== undefined) entry.set(name.toString(), value)
    }
    const update = entry.get('update')
    if (update === undefined || entry.get('node')?.toString() === this.nodeId) return
    const previousId = Number(entry.get('prev')?.toString())
    const lastId = Number(entry.get('last')?.toString())
    if (!Number.isSafeInteger(previousId) || !Number.isSafeInteger(lastId)) return
    // A stream id starts with Redis' clock in ms when the entry was added.
    const addedAt = Number(id.split('-')[0])
    if (Number.isFinite(addedAt)) this.onRemoteUpdate?.((Date.now() - addedAt) / 1000)
    try {
      member.room.applyRemoteUpdate(new Uint8Array(update), previousId, lastId)
    } catch (error) {
      // Not ours to trust blindly: a bad entry costs a database read, never the node.
      this.logger.error({ err: error, mapId: member.room.mapId }, 'bad stream entry')
      this.resync(member)
    }
  }

  /** Presence messages (wireFormat): sender node id, kind, an awareness update or nothing. */
  private publishPresence(mapId: string, kind: number, payload: Uint8Array): void {
    const message = writePresenceMessage({ node: this.nodeId, kind, payload })
    this.commands.publish(`sc:awareness:${mapId}`, Buffer.from(message)).catch(() => undefined)
  }

  private handleAwareness(channel: string, message: Buffer): void {
    const mapId = channel.slice('sc:awareness:'.length)
    const member = this.members.get(mapId)
    if (member === undefined) return
    try {
      const { node, kind, payload } = readPresenceMessage(new Uint8Array(message))
      if (node === this.nodeId) return
      if (kind === PRESENCE_QUERY) {
        const local = member.room.localAwareness()
        if (local !== null) this.publishPresence(mapId, PRESENCE_UPDATE, local)
      } else if (kind === PRESENCE_UPDATE) {
        member.room.applyRemoteAwareness(payload)
      }
    } catch (error) {
      this.logger.warn({ err: error, mapId: member.room.mapId }, 'bad presence message')
    }
  }

  private handleControl(message: Buffer): void {
    let parsed: unknown
    try {
      parsed = JSON.parse(message.toString())
    } catch {
      return
    }
    if (typeof parsed !== 'object' || parsed === null) return
    const { node, mapId, role, guestLinkId, sockets, code, reason, rename } = parsed as Record<
      string,
      unknown
    >
    if (node === this.nodeId) return
    if (isGuestRename(rename)) {
      for (const listener of this.renameListeners) listener(rename)
      return
    }
    if (typeof reason !== 'string' || typeof code !== 'number') return
    let notice: CloseNotice
    if (typeof mapId === 'string' && typeof guestLinkId === 'string') {
      notice = { mapId, guestLinkId, code, reason }
    } else if (typeof mapId === 'string' && (role === null || isRole(role))) {
      notice = { mapId, role, code, reason }
    } else if (mapId === undefined && isSocketFilter(sockets)) {
      notice = { sockets, code, reason }
    } else return
    for (const listener of this.closeListeners) listener(notice)
  }

  private reconcile(): void {
    for (const member of this.members.values()) {
      member.room.catchUp().catch((error: unknown) => {
        this.logger.warn({ err: error, mapId: member.room.mapId }, 'could not read missed rows')
      })
    }
  }
}

const STREAM_PREFIX = 'sc:updates:'
const CONTROL_CHANNEL = 'sc:control'
const PRESENCE_UPDATE = 0
const PRESENCE_QUERY = 1

function streamKey(key: string): string {
  return `${STREAM_PREFIX}${key}`
}

function lockKey(key: string): string {
  return `sc:lock:${key}`
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Whether a notice's `rename` (from another node) is a {@link GuestRenameNotice}. */
function isGuestRename(value: unknown): value is GuestRenameNotice {
  if (typeof value !== 'object' || value === null) return false
  const { mapId, guestId, name } = value as Record<string, unknown>
  return typeof mapId === 'string' && typeof guestId === 'string' && typeof name === 'string'
}

/** Whether a notice's `sockets` (from another node) is a {@link SocketFilter}. */
function isSocketFilter(value: unknown): value is SocketFilter {
  if (typeof value !== 'object' || value === null) return false
  const filter = value as Record<string, unknown>
  const optionalText = (key: string) => filter[key] === undefined || typeof filter[key] === 'string'
  const keepRole = filter.keepRole
  return (
    (filter.recheck === undefined || typeof filter.recheck === 'boolean') &&
    ['userId', 'mapId', 'sessionKey', 'group'].every(optionalText) &&
    (filter.userId !== undefined ||
      filter.sessionKey !== undefined ||
      filter.group !== undefined) &&
    (keepRole === undefined || keepRole === null || isRole(keepRole))
  )
}
