/**
 * One client socket of the sync protocol.
 *
 * Flow: the socket is accepted, then authorized and joined to its room (which may first be
 * loaded from storage). Frames are decoded as they arrive; until the room is ready they
 * wait in a queue and are then handled in order. Each message goes to the room:
 * step 1 → step-2 reply (sent once durable), step 2 / update → doc, awareness → awareness,
 * query → full awareness. A bad frame closes this socket only: 1003 for text, 1002 for
 * undecodable bytes, 1008 for a spent message or byte budget and for updates the role may
 * not send, 4413 for an update or awareness state over its cost limit (checked before it
 * is decoded or applied, see wireFormat), 1011 when handling throws. Awareness
 * entries for others' client ids are dropped. A viewer's step 2 and updates are dropped silently (its client sends them as a matter of
 * course). After a frame that took more than 10 ms, the socket's next frames wait for a
 * later event-loop turn, so a burst of costly updates from one client cannot hold the
 * process for longer than one of them takes.
 *
 * Over 400 lines on purpose: the queue, the budgets, the grant (role, identity, guest link
 * expiry) and the frame handling all guard one socket's ordering; the message decoding itself
 * is in wireFormat.ts.
 */
import type { RawData, WebSocket } from 'ws'
import type { Logger } from 'pino'
import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { canEditMap } from '../../shared/protocol/roles'
import { encodeHeartbeat } from '../../shared/protocol/heartbeatMessage'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { Room } from '../rooms/Room'
import type { RoomPeer } from '../rooms/RoomPeer'
import type { ConnectionIdentity, Role, SocketUser } from './authorize'
import { TokenBucket } from './TokenBucket'
import type { UpdateFrameCache } from './UpdateFrameCache'
import { readMessage, writeMessage } from './wireFormat'
import type { ClientMessage, MessageLimits, ServerMessage } from './wireFormat'

/** A frame that took longer than this to handle makes the socket's next frames wait a turn. */
const YIELD_AFTER_MS = 10

/** Longest delay Node's timers take (about 24.8 days); a later expiry re-arms the timer. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * A page answers heartbeats from its own code, which a long task can hold up: one that missed
 * a heartbeat is kept while it sent anything this recently. With pings every 3 s, a silent
 * page is dropped 5–8 s after its last frame.
 */
const HEARTBEAT_GRACE_MS = 5_000

/** Frames kept while the room loads; a client that sends more is misbehaving. */
const MAX_QUEUED_MESSAGES = 1000

/** Per-connection budgets, see {@link TokenBucket}. */
export interface ConnectionBudgets {
  messagesPerSecond: number
  messageBurst: number
  bytesPerSecond: number
  byteBurst: number
}

/** What a {@link Connection} needs besides its socket. */
export interface ConnectionOptions {
  mapId: string
  /** Which of the map's documents the socket syncs. */
  document: MapDocumentName
  id: string
  /** Client address, for the per-address connection cap and log lines. */
  address: string
  logger: Logger
  budgets: ConnectionBudgets
  /** What one message may cost (structs of an update, bytes of an awareness state). */
  limits: MessageLimits
  metrics?: ServerMetrics
  /** Shared with the other connections, so a broadcast is encoded once. */
  frames?: UpdateFrameCache
  /**
   * The client answers heartbeats (`?heartbeat=1`): its liveness is checked with those, not
   * with pings, which a browser answers even when its page can send nothing
   * (shared/protocol/heartbeatMessage.ts).
   */
  answersHeartbeats?: boolean
}

/** A socket speaking the y-websocket protocol for one document of a map. */
export class Connection implements RoomPeer {
  readonly id: string
  readonly mapId: string
  readonly document: MapDocumentName
  readonly address: string
  /** Set once the token was accepted: only such sockets count towards a map's cap. */
  authorized = false
  /** False from a ping until its pong (or any frame) arrives; see {@link answeredLastPing}. */
  alive = true
  /**
   * When the peer last sent a frame (ms since the epoch): an open browser sends its presence
   * at least every 15 s, so this tells an active socket, which keeps its session alive.
   */
  lastReceivedAt = Date.now()
  /** Bytes still waiting to go out when the last ping was sent. */
  private bufferedAtPing = 0

  private readonly socket: WebSocket
  private readonly logger: Logger
  private room: Room | null = null
  private currentRole: Role = 'viewer'
  private signedInUser: SocketUser | undefined = undefined
  private currentGuestLinkId: string | null = null
  private expiryTimer: NodeJS.Timeout | null = null
  private sessionTimer: NodeJS.Timeout | null = null
  private currentIdentity: ConnectionIdentity | undefined = undefined
  private readonly messageBudget: TokenBucket
  private readonly byteBudget: TokenBucket
  private readonly metrics: ServerMetrics | null
  private readonly limits: MessageLimits
  private queue: ClientMessage[] | null = []
  /** Frames received after a costly one, handled from later event-loop turns. */
  private backlog: { frame: Uint8Array; isBinary: boolean }[] = []
  private backlogScheduled = false
  /** Set when the last frame took longer than {@link YIELD_AFTER_MS}. */
  private mustYield = false
  private closed = false
  private readonly openedAt = performance.now()
  private readonly closeListeners: (() => void)[] = []

  private readonly frames: UpdateFrameCache | null
  private readonly answersHeartbeats: boolean

  constructor(socket: WebSocket, options: ConnectionOptions) {
    this.frames = options.frames ?? null
    this.answersHeartbeats = options.answersHeartbeats ?? false
    this.socket = socket
    this.mapId = options.mapId
    this.document = options.document
    this.id = options.id
    this.address = options.address
    this.metrics = options.metrics ?? null
    this.limits = options.limits
    const { budgets } = options
    this.messageBudget = new TokenBucket(budgets.messagesPerSecond, budgets.messageBurst)
    this.byteBudget = new TokenBucket(budgets.bytesPerSecond, budgets.byteBurst)
    this.logger = options.logger.child({
      connection: this.id,
      mapId: this.mapId,
      document: this.document,
    })
    socket.on('message', (data, isBinary) => this.receive(data, isBinary))
    socket.on('pong', () => {
      if (!this.answersHeartbeats) this.alive = true
    })
    // Any frame is a sign of life too (a pong can queue behind a large upload).
    socket.on('message', () => {
      this.alive = true
    })
    socket.on('close', (code) => this.detach(code))
    socket.on('error', (error) => {
      this.logger.warn({ err: error }, 'socket error')
      this.close(CloseCode.protocolError, 'socket error')
    })
  }

  /** The role granted by the token; viewer until authorized. */
  get role(): Role {
    return this.currentRole
  }

  /** True once the socket closed or we started closing it. */
  get isClosed(): boolean {
    return this.closed
  }

  /** Runs `listener` once, when the connection closes (immediately if it already did). */
  onClose(listener: () => void): void {
    if (this.closed) listener()
    else this.closeListeners.push(listener)
  }

  /** The guest link whose token opened the socket; null for a map's own role tokens. */
  get guestLinkId(): string | null {
    return this.currentGuestLinkId
  }

  /** Who the socket is (issue 18); set with the role, renamed by a facilitator. */
  get identity(): ConnectionIdentity | undefined {
    return this.currentIdentity
  }

  /**
   * Records the role the socket's token grants and who it is; called before it joins the
   * room. A guest link's socket closes with 4403 when the link expires (its revocation
   * closes it through the transport).
   */
  grant(
    role: Role,
    who: { identity?: ConnectionIdentity; guestLink?: { id: string; expiresAt: string } } = {},
  ): void {
    this.authorized = true
    this.currentRole = role
    this.currentIdentity = who.identity
    if (who.guestLink === undefined) return
    this.currentGuestLinkId = who.guestLink.id
    this.closeAt(Date.parse(who.guestLink.expiresAt))
  }

  /** Gives the socket's identity a new name (the guest renamed themselves or was renamed). */
  rename(name: string): void {
    if (this.currentIdentity === undefined) return
    const { identity } = this.currentIdentity
    this.currentIdentity = { ...this.currentIdentity, identity: { ...identity, name } }
  }

  /** The room the socket joined; null before it joined. */
  get joinedRoom(): Room | null {
    return this.room
  }

  /** Closes the socket with 4403 at `time` (ms since the epoch), at once when it has passed. */
  private closeAt(time: number): void {
    this.expiryTimer = this.closeWhen(time, CloseCode.forbidden, 'guest link expired')
  }

  /**
   * Closes the socket with `code` at `time` (ms since the epoch), at once when it has
   * passed; answers the timer (null when closed at once).
   */
  private closeWhen(time: number, code: number, reason: string): NodeJS.Timeout | null {
    const delay = time - Date.now()
    if (!(delay > 0)) {
      this.close(code, reason)
      return null
    }
    const timer = setTimeout(
      () => {
        const again = this.closeWhen(time, code, reason)
        if (this.expiryTimer === timer) this.expiryTimer = again
        if (this.sessionTimer === timer) this.sessionTimer = again
      },
      Math.min(delay, MAX_TIMER_MS),
    )
    timer.unref()
    return timer
  }

  /** The signed-in user whose membership let the socket in; undefined for a token. */
  get user(): SocketUser | undefined {
    return this.signedInUser
  }

  /** Records the signed-in user behind the socket (organisation mode), with its role. */
  signIn(user: SocketUser): void {
    this.signedInUser = user
    // A session ends at its absolute expiry whatever its sockets do: they close then.
    this.sessionTimer = this.closeWhen(
      Date.parse(user.sessionEndsAt),
      CloseCode.unauthorized,
      'session ended',
    )
  }

  /** Enters the room and handles the frames that arrived meanwhile, in order. */
  attach(room: Room): void {
    this.room = room
    const queued = this.queue ?? []
    this.queue = null
    if (this.closed) {
      room.removePeer(this)
      return
    }
    for (const message of queued) {
      if (this.closed) return
      this.handle(message)
    }
  }

  sendSyncStep1(stateVector: Uint8Array): void {
    this.send({ type: 'syncStep1', stateVector })
  }

  sendSyncStep2(update: Uint8Array): void {
    this.send({ type: 'syncStep2', update })
  }

  sendUpdate(update: Uint8Array): void {
    if (!this.frames) return this.send({ type: 'update', update })
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(this.frames.frameFor(update), { binary: true })
  }

  sendAwareness(update: Uint8Array): void {
    if (!this.frames) return this.send({ type: 'awareness', update })
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(this.frames.awarenessFrameFor(update), { binary: true })
  }

  sendErasureRegister(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(frame, { binary: true })
  }

  /** Closes the socket and leaves the room at once: later frames are ignored. */
  close(code: number, reason: string): void {
    if (!this.closed) this.socket.close(code, reason)
    this.detach(code)
  }

  /** Drops the socket without a close handshake (dead peer). */
  terminate(): void {
    this.socket.terminate()
    // 1006: closed abnormally, without a close frame.
    this.detach(1006)
  }

  /**
   * True when the peer showed life since the last ping: its pong or a frame arrived, or what
   * we had queued for it was draining (a slow link still receiving a large document, whose
   * ping waits behind that data; a vanished peer's queue does not drain).
   */
  answeredLastPing(): boolean {
    return (
      this.alive ||
      (this.bufferedAtPing > 0 && this.socket.bufferedAmount < this.bufferedAtPing) ||
      (this.answersHeartbeats && Date.now() - this.lastReceivedAt < HEARTBEAT_GRACE_MS)
    )
  }

  /**
   * Sends a ping, or a heartbeat to a client that answers them; the keepalive calls this
   * after checking {@link answeredLastPing}.
   */
  ping(): void {
    this.alive = false
    this.bufferedAtPing = this.socket.bufferedAmount
    if (!this.answersHeartbeats) return this.socket.ping()
    if (!this.closed && this.socket.readyState === this.socket.OPEN) {
      this.socket.send(encodeHeartbeat(), { binary: true })
    }
  }

  private send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(writeMessage(message), { binary: true })
  }

  /** Closes the socket for something the client did wrong, with a log line and a count. */
  private refuse(code: number, reason: string, details: Record<string, unknown> = {}): void {
    this.logger.info({ ...details, code, role: this.currentRole, address: this.address }, reason)
    this.metrics?.countAbuse()
    this.close(code, reason)
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return
    this.lastReceivedAt = Date.now()
    const frame = toUint8Array(data)
    this.metrics?.countMessage(frame.byteLength)
    if (!this.messageBudget.take(1) || !this.byteBudget.take(frame.byteLength)) {
      this.refuse(CloseCode.policyViolation, 'rate limit exceeded')
      return
    }
    // ws hands over every frame of one read at once: after a costly one, let the event loop
    // serve others (health checks, other maps) before this socket's next frame.
    if (this.backlog.length > 0 || this.mustYield) {
      this.backlog.push({ frame, isBinary })
      this.scheduleBacklog()
      return
    }
    this.process(frame, isBinary)
  }

  /** Handles frames that waited behind a costly one, yielding again after each costly one. */
  private scheduleBacklog(): void {
    if (this.backlogScheduled) return
    this.backlogScheduled = true
    setImmediate(() => {
      this.backlogScheduled = false
      this.mustYield = false
      while (!this.closed && !this.mustYield) {
        const next = this.backlog.shift()
        if (next === undefined) break
        this.process(next.frame, next.isBinary)
      }
      if (this.closed) this.backlog = []
      else if (this.backlog.length > 0) this.scheduleBacklog()
    })
  }

  private process(frame: Uint8Array, isBinary: boolean): void {
    const started = performance.now()
    this.decodeAndHandle(frame, isBinary)
    if (performance.now() - started > YIELD_AFTER_MS) this.mustYield = true
  }

  private decodeAndHandle(frame: Uint8Array, isBinary: boolean): void {
    if (!isBinary) {
      this.refuse(CloseCode.unsupportedData, 'binary frames only')
      return
    }
    const decoded = readMessage(frame, this.limits)
    if (!decoded.ok && decoded.tooLarge === true) {
      this.refuse(CloseCode.tooLarge, decoded.reason)
      return
    }
    if (!decoded.ok) {
      this.refuse(CloseCode.protocolError, 'malformed message', { problem: decoded.reason })
      return
    }
    if (this.queue !== null) {
      if (this.queue.length >= MAX_QUEUED_MESSAGES) {
        this.close(CloseCode.policyViolation, 'too many messages before sync')
        return
      }
      this.queue.push(decoded.message)
      return
    }
    this.handle(decoded.message)
  }

  private handle(message: ClientMessage): void {
    const room = this.room
    if (room === null) return
    try {
      switch (message.type) {
        case 'syncStep1':
          room.handleSyncStep1(this, message.stateVector)
          break
        case 'syncStep2':
        case 'update': {
          // A viewer's client may still send its local edits; they are not accepted.
          if (!canEditMap(this.currentRole)) break
          const applied = room.applyUpdate(this, message)
          if (applied.ok) break
          if (applied.tooLarge === true) this.refuse(CloseCode.tooLarge, applied.reason)
          else this.refuse(CloseCode.policyViolation, 'update refused', { problem: applied.reason })
          break
        }
        case 'awareness':
          room.applyAwarenessUpdate(this, message)
          break
        case 'queryAwareness':
          room.sendFullAwareness(this)
          break
        case 'heartbeat':
          // Its arrival was the sign of life (see the constructor); nothing else to do.
          break
      }
    } catch (error) {
      this.logger.error({ err: error, message: message.type }, 'message handler failed')
      this.close(CloseCode.internalError, 'internal error')
    }
  }

  private detach(code: number): void {
    if (this.closed) return
    this.closed = true
    // The socket's access log line: who (role, how identified), how it ended and how long it
    // lasted. Never the token or the client's address; the map id comes from the child logger.
    this.logger.info(
      {
        role: this.authorized ? this.currentRole : null,
        identity: !this.authorized
          ? 'none'
          : this.currentIdentity?.fromSession === true
            ? 'guest-session'
            : this.currentGuestLinkId === null
              ? 'share-link'
              : 'guest-link',
        code,
        durationMs: Math.round(performance.now() - this.openedAt),
      },
      'socket closed',
    )
    this.metrics?.countSocketClose(code)
    if (this.expiryTimer !== null) clearTimeout(this.expiryTimer)
    if (this.sessionTimer !== null) clearTimeout(this.sessionTimer)
    this.queue = null
    this.room?.removePeer(this)
    for (const listener of this.closeListeners.splice(0)) listener()
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
