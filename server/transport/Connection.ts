/**
 * One client socket of the sync protocol.
 *
 * Flow: the socket is accepted, then authorized and joined to its room (which may first be
 * loaded from storage). Frames are decoded as they arrive; until the room is ready they
 * wait in a queue and are then handled in order. Each message goes to the room:
 * step 1 → step-2 reply (sent once durable), step 2 / update → doc, awareness → awareness,
 * query → full awareness. A bad frame closes this socket only: 1003 for text, 1002 for
 * undecodable bytes, 1011 when handling throws.
 */
import type { RawData, WebSocket } from 'ws'
import type { Logger } from 'pino'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { Room, RoomPeer } from '../rooms/Room'
import type { Role } from './authorize'
import { decodeClientMessage } from './decodeClientMessage'
import type { ClientMessage } from './decodeClientMessage'
import { encodeServerMessage } from './encodeServerMessage'
import type { ServerMessage } from './encodeServerMessage'

/** Frames kept while the room loads; a client that sends more is misbehaving. */
const MAX_QUEUED_MESSAGES = 1000

/** A socket speaking the y-websocket protocol for one map. */
export class Connection implements RoomPeer {
  readonly id: string
  readonly mapId: string
  /** False once a ping went unanswered; the keepalive terminates such sockets. */
  alive = true

  private readonly socket: WebSocket
  private readonly logger: Logger
  private room: Room | null = null
  private role: Role = 'viewer'
  private queue: ClientMessage[] | null = []
  private closed = false
  private readonly closeListeners: (() => void)[] = []

  constructor(socket: WebSocket, mapId: string, id: string, logger: Logger) {
    this.socket = socket
    this.mapId = mapId
    this.id = id
    this.logger = logger.child({ connection: id, mapId })
    socket.on('message', (data, isBinary) => this.receive(data, isBinary))
    socket.on('pong', () => {
      this.alive = true
    })
    socket.on('close', () => this.detach())
    socket.on('error', (error) => {
      this.logger.warn({ err: error }, 'socket error')
      this.close(CloseCode.protocolError, 'socket error')
    })
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

  /** Enters the room with `role` and handles the frames that arrived meanwhile, in order. */
  attach(room: Room, role: Role): void {
    this.room = room
    this.role = role
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
    this.send({ type: 'update', update })
  }

  sendAwareness(update: Uint8Array): void {
    this.send({ type: 'awareness', update })
  }

  /** Closes the socket and leaves the room at once: later frames are ignored. */
  close(code: number, reason: string): void {
    if (!this.closed) this.socket.close(code, reason)
    this.detach()
  }

  /** Drops the socket without a close handshake (dead peer). */
  terminate(): void {
    this.socket.terminate()
    this.detach()
  }

  /** Sends a ping; the keepalive calls this after checking {@link alive}. */
  ping(): void {
    this.alive = false
    this.socket.ping()
  }

  private send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(encodeServerMessage(message), { binary: true })
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return
    if (!isBinary) {
      this.logger.info('text frame received')
      this.close(CloseCode.unsupportedData, 'binary frames only')
      return
    }
    const decoded = decodeClientMessage(toUint8Array(data))
    if (!decoded.ok) {
      this.logger.info({ reason: decoded.reason }, 'undecodable frame')
      this.close(CloseCode.protocolError, 'malformed message')
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
        case 'update':
          // A viewer's client may still send its local edits; they are not accepted.
          if (this.role === 'editor') room.applyUpdate(this, message.update)
          break
        case 'awareness':
          room.applyAwarenessUpdate(this, message.update)
          break
        case 'queryAwareness':
          room.sendFullAwareness(this)
          break
      }
    } catch (error) {
      this.logger.error({ err: error, message: message.type }, 'message handler failed')
      this.close(CloseCode.internalError, 'internal error')
    }
  }

  private detach(): void {
    if (this.closed) return
    this.closed = true
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
