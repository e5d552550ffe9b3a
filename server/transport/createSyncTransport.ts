/**
 * WebSocket entry point of the sync protocol: `GET /sync/<mapId>` upgrades for a map's map
 * document, `GET /sync/<mapId>/confidential` for its confidential document (the y-websocket
 * client's room name `<mapId>/confidential`).
 *
 * Flow per socket: upgrade (any other path is refused with a plain 404, a foreign Origin
 * with 403) → accept → check the id (4400) → per-address cap (4429) → authorize (hook:
 * 4404, 4401, 4403; a guest link's socket closes with 4403 later, when the link expires or
 * is revoked) → the confidential document only for roles that may read it (4403,
 * before a byte of it is sent) → per-map cap (4429, both documents' sockets count) → join
 * the room, loading it if needed (4404 when the map does not exist, never created here) →
 * the {@link Connection} handles the frames. A ping every 3 s terminates a socket whose peer
 * did not answer the one before (a network cut, a closed laptop lid), so its presence is
 * gone for everyone within 6 s (issue 19; the y-websocket client itself waits 30 s). A
 * client that asks for it (`?heartbeat=1`, our browser page) gets a heartbeat instead of the
 * ping and must send it back itself: a browser answers pings even when its page can send
 * nothing (offline mode), see shared/protocol/heartbeatMessage.ts.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import type { Logger } from 'pino'
import {
  CONFIDENTIAL_DOCUMENT,
  type MapDocumentName,
} from '../../shared/document/mapDocumentLayout'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { isValidMapId } from '../../shared/protocol/mapId'
import { HEARTBEAT_PARAM } from '../../shared/protocol/heartbeatMessage'
import { canReadConfidential } from '../../shared/protocol/roles'
import type { Role } from '../../shared/protocol/roles'
import type { OriginPolicy } from '../access/createOriginPolicy'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { Authorize, SocketUser } from './authorize'
import { UpdateFrameCache } from './UpdateFrameCache'
import { Connection } from './Connection'
import type { ConnectionBudgets } from './Connection'
import type { MessageLimits } from './wireFormat'
import { clientAddress } from '../http/clientAddress'

/** URL prefix of sync sockets; the client appends the map id. */
export const SYNC_PATH_PREFIX = '/sync/'

const CONFIDENTIAL_SUFFIX = `/${CONFIDENTIAL_DOCUMENT}`

/** The map id (unchecked) and document a socket path after the prefix names. */
function documentOfPath(rest: string): { rawId: string; document: MapDocumentName } {
  return rest.endsWith(CONFIDENTIAL_SUFFIX)
    ? { rawId: rest.slice(0, -CONFIDENTIAL_SUFFIX.length), document: 'confidential' }
    : { rawId: rest, document: 'map' }
}

/** True when the client asked for heartbeats instead of pings (heartbeatMessage.ts). */
function answersHeartbeats(request: IncomingMessage): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost')
  return url.searchParams.get(HEARTBEAT_PARAM) === '1'
}

/** Ping interval: a vanished peer is terminated 3–6 s after its last sign of life. */
const KEEPALIVE_INTERVAL_MS = 3_000

interface SyncTransportOptions {
  rooms: LoadedRooms
  logger: Logger
  authorize: Authorize
  /** Largest frame accepted; ws closes the socket with 1009 above it. */
  maxMessageBytes: number
  keepaliveIntervalMs?: number
  budgets: ConnectionBudgets
  /** What one message may cost, see wireFormat. */
  limits: MessageLimits
  maxConnectionsPerMap: number
  maxConnectionsPerIp: number
  /** Behind a reverse proxy: the client's address from `X-Forwarded-For` (clientAddress.ts). */
  trustProxy?: boolean
  originPolicy: OriginPolicy
  metrics?: ServerMetrics
  /**
   * The role a signed-in user's sockets should have now (organisation mode), for
   * {@link SocketFilter.recheck}; absent: such filters close every socket they match.
   */
  recheckRole?: (mapId: string, user: SocketUser) => Promise<Role | null>
}

/** The sync endpoint of one server, attached to its HTTP server's 'upgrade' event. */
export interface SyncTransport {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Open connections (for tests and monitoring). */
  readonly connectionCount: number
  /** Refuses new sockets and closes the open ones with `code` (1001 on shutdown). */
  close(code: number, reason: string): Promise<void>
  /**
   * Closes the sockets of `mapId` (only those opened with `role`'s token when given: not
   * its guest links), e.g. with 4403 when that role's token was revoked or 4404 when the map
   * was deleted. Answers how many.
   */
  closeMapConnections(mapId: string, role: Role | null, code: number, reason: string): number
  /**
   * Closes the sockets of signed-in users that match `filter` (every field given must
   * match): 4403 when a membership was removed or changed, 4401 when a session ended.
   * Sockets opened with a token are never matched. Answers how many closed.
   */
  closeSocketsOf(filter: SocketFilter, code: number, reason?: string): number
  /**
   * The sessions of this node's open sockets of signed-in members, by session key, with when
   * one of its sockets last received a frame (ms since the epoch); for their re-check.
   */
  memberSessions(): Map<string, number>
  /** Closes the sockets of `mapId` opened with guest link `linkId` (revoked). Answers how many. */
  closeGuestLinkConnections(mapId: string, linkId: string, code: number, reason: string): number
  /**
   * Gives guest `guestId`'s sockets to `mapId` their new name, and shows it in their
   * presence at once (this node's sockets). Answers how many.
   */
  renameGuest(mapId: string, guestId: string, name: string): number
}

/** Which signed-in users' sockets {@link SyncTransport.closeSocketsOf} closes. */
export interface SocketFilter {
  userId?: string
  mapId?: string
  /** One session (sign out on one device). */
  sessionKey?: string
  /** Users in this group (a group membership changed). */
  group?: string
  /** Keeps the sockets whose role is still this (a membership changed to what they have). */
  keepRole?: Role | null
  /**
   * Asks, per matching socket, which role its user has now and keeps it when that is its
   * role (a group's membership changed: its members may hold another one).
   */
  recheck?: boolean
}

/** Whether the socket of `user` with `role` on `mapId` matches `filter`. */
export function matchesSocketFilter(
  filter: SocketFilter,
  socket: { mapId: string; role: Role; user: SocketUser | undefined },
): boolean {
  const { user } = socket
  if (user === undefined) return false
  if (filter.userId !== undefined && user.userId !== filter.userId) return false
  if (filter.mapId !== undefined && socket.mapId !== filter.mapId) return false
  if (filter.sessionKey !== undefined && user.sessionKey !== filter.sessionKey) return false
  if (filter.group !== undefined && !user.groups.includes(filter.group)) return false
  if (filter.keepRole !== undefined && filter.keepRole === socket.role) return false
  return true
}

/** Creates the sync endpoint; call `close` before closing the rooms. */
export function createSyncTransport(options: SyncTransportOptions): SyncTransport {
  const { rooms, logger, authorize } = options
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    // Yjs updates compress poorly relative to the CPU cost; keep frames as they are.
    perMessageDeflate: false,
  })
  const connections = new Set<Connection>()
  let closing = false

  const keepaliveMs = options.keepaliveIntervalMs ?? KEEPALIVE_INTERVAL_MS
  let lastKeepalive = performance.now()
  const keepalive = setInterval(() => {
    // A tick that comes late found the process busy (a costly update, a compaction): the
    // pongs that came meanwhile wait behind it, so this round terminates no one.
    const now = performance.now()
    const late = now - lastKeepalive > keepaliveMs * 1.5
    lastKeepalive = now
    for (const connection of connections) {
      if (!late && !connection.answeredLastPing()) {
        logger.info({ connection: connection.id }, 'terminating unresponsive socket')
        connection.terminate()
      } else {
        connection.ping()
      }
    }
  }, keepaliveMs)
  keepalive.unref()

  // Guest links revoked in the last minute, by id: a socket whose authorization read the link
  // just before its revocation, and was granted just after it, is refused all the same.
  const recentlyRevoked = new Map<string, number>()
  const REVOKED_MEMORY_MS = 60_000

  // A broadcast reaches every peer as the same update object: encode it once for all of them.
  const frames = new UpdateFrameCache()

  async function accept(
    socket: WebSocket,
    request: IncomingMessage,
    rawId: string,
    document: MapDocumentName,
  ): Promise<void> {
    if (!isValidMapId(rawId)) {
      socket.close(CloseCode.badMapId, 'invalid map id')
      return
    }
    const address = clientAddress(request, options.trustProxy ?? false)
    const connection = new Connection(socket, {
      answersHeartbeats: answersHeartbeats(request),
      mapId: rawId,
      document,
      id: randomUUID().slice(0, 8),
      address,
      logger,
      budgets: options.budgets,
      limits: options.limits,
      metrics: options.metrics,
      frames,
    })
    const refuse = (code: number, reason: string): void => {
      logger.info({ connection: connection.id, mapId: rawId, address, code }, reason)
      options.metrics?.countRefused()
      connection.close(code, reason)
    }
    const fromAddress = [...connections].filter((other) => other.address === address).length
    connections.add(connection)
    connection.onClose(() => connections.delete(connection))
    if (fromAddress >= options.maxConnectionsPerIp) {
      refuse(CloseCode.tooManyConnections, 'too many connections from this address')
      return
    }
    try {
      const auth = await authorize(request, rawId)
      if (!auth.ok) {
        refuse(auth.closeCode, auth.reason)
        return
      }
      if (connection.isClosed) return
      if (document === 'confidential' && !canReadConfidential(auth.role)) {
        refuse(CloseCode.forbidden, `the ${auth.role} role may not receive confidential data`)
        return
      }
      const onMap = [...connections].filter((c) => c.mapId === rawId && c.authorized).length
      if (onMap >= options.maxConnectionsPerMap) {
        refuse(CloseCode.tooManyConnections, 'too many connections to this map')
        return
      }
      if (auth.guestLink !== undefined && recentlyRevoked.has(auth.guestLink.id)) {
        refuse(CloseCode.forbidden, 'guest link revoked')
        return
      }
      connection.grant(auth.role, {
        identity: { identity: auth.identity, fromSession: auth.fromSession },
        ...(auth.guestLink === undefined ? {} : { guestLink: auth.guestLink }),
      })
      if (auth.user !== undefined) connection.signIn(auth.user)
      // Granted on a link that expired meanwhile: closed by grant already.
      if (connection.isClosed) return
      const joined = await rooms.join(rawId, connection, document)
      if (!joined.ok) {
        refuse(CloseCode.mapNotFound, 'map not found')
        return
      }
      connection.attach(joined.room)
    } catch (error) {
      logger.error({ err: error, mapId: rawId }, 'could not open map for a connection')
      connection.close(CloseCode.internalError, 'could not open map')
    }
  }

  return {
    handleUpgrade(request, socket, head) {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname
      const originAllowed = options.originPolicy(request)
      if (closing || !pathname.startsWith(SYNC_PATH_PREFIX) || !originAllowed) {
        const status = closing
          ? '503 Service Unavailable'
          : !originAllowed
            ? '403 Forbidden'
            : '404 Not Found'
        if (!originAllowed) {
          logger.info({ origin: request.headers.origin, pathname }, 'socket from foreign origin')
        }
        socket.once('finish', () => socket.destroy())
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
        return
      }
      const { rawId, document } = documentOfPath(pathname.slice(SYNC_PATH_PREFIX.length))
      wss.handleUpgrade(request, socket, head, (ws) => {
        void accept(ws, request, rawId, document)
      })
    },
    get connectionCount() {
      return connections.size
    },
    closeMapConnections(mapId, role, code, reason) {
      let closed = 0
      for (const connection of [...connections]) {
        if (connection.mapId !== mapId) continue
        if (role !== null && (!connection.authorized || connection.role !== role)) continue
        if (role !== null && connection.guestLinkId !== null) continue
        // A member's socket holds no token: reissuing one leaves it open.
        if (role !== null && connection.user !== undefined) continue
        connection.close(code, reason)
        closed += 1
      }
      return closed
    },
    closeGuestLinkConnections(mapId, linkId, code, reason) {
      const now = Date.now()
      for (const [id, at] of recentlyRevoked) {
        if (now - at > REVOKED_MEMORY_MS) recentlyRevoked.delete(id)
      }
      recentlyRevoked.set(linkId, now)
      let closed = 0
      for (const connection of [...connections]) {
        if (connection.mapId !== mapId || connection.guestLinkId !== linkId) continue
        connection.close(code, reason)
        closed += 1
      }
      return closed
    },
    closeSocketsOf(filter, code, reason = 'access ended') {
      let closed = 0
      for (const connection of [...connections]) {
        if (!connection.authorized || !matchesSocketFilter(filter, connection)) continue
        const { user } = connection
        if (filter.recheck === true && options.recheckRole !== undefined && user !== undefined) {
          options
            .recheckRole(connection.mapId, user)
            .then((role) => {
              if (role !== connection.role) connection.close(code, reason)
            })
            .catch((error: unknown) => {
              logger.warn({ err: error, mapId: connection.mapId }, 'could not recheck a role')
              connection.close(code, reason)
            })
        } else {
          connection.close(code, reason)
        }
        closed += 1
      }
      return closed
    },
    memberSessions() {
      const sessions = new Map<string, number>()
      for (const connection of connections) {
        const key = connection.user?.sessionKey
        if (key === undefined || !connection.authorized || connection.isClosed) continue
        sessions.set(key, Math.max(sessions.get(key) ?? 0, connection.lastReceivedAt))
      }
      return sessions
    },
    renameGuest(mapId, guestId, name) {
      let renamed = 0
      for (const connection of connections) {
        if (connection.mapId !== mapId || connection.identity?.identity.id !== guestId) continue
        connection.rename(name)
        connection.joinedRoom?.refreshIdentity(connection)
        renamed += 1
      }
      return renamed
    },
    async close(code, reason) {
      closing = true
      clearInterval(keepalive)
      const sockets = [...wss.clients]
      for (const connection of [...connections]) connection.close(code, reason)
      // Sockets refused before a Connection existed (bad id) may still be closing.
      await Promise.all(sockets.map((socket) => closedOrTerminated(socket)))
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/** Waits briefly for the close handshake, then drops the socket. */
function closedOrTerminated(socket: WebSocket): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), 1000)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
