import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { CloseCode } from '../shared/protocol/closeCodes'
import type { ServerConfig } from './config'
import { createLogger } from './logger'
import { createOriginPolicy } from './access/createOriginPolicy'
import { type ReadSession, createSessionReader, sessionPolicyOf } from './access/readSession'
import { createTokenAuthorizer } from './access/createTokenAuthorizer'
import { watchMemberSessions } from './access/watchMemberSessions'
import { createGuestLinkPolicy } from './access/GuestLinkPolicy'
import type { Cluster } from './cluster/Cluster'
import { RedisCluster } from './cluster/RedisCluster'
import { clusterWideTransport } from './cluster/clusterWideTransport'
import { createApiRoutes } from './http/createApiRoutes'
import { createAuditRoutes } from './http/createAuditRoutes'
import { createAuthRoutes } from './http/createAuthRoutes'
import { createGuestLinkRoutes } from './http/createGuestLinkRoutes'
import { createHistoryRoutes } from './http/createHistoryRoutes'
import { createErasureRoutes } from './http/createErasureRoutes'
import { createGuestRoutes } from './http/createGuestRoutes'
import { createMapSettingsRoutes } from './http/createMapSettingsRoutes'
import { createBallotRoutes } from './http/createBallotRoutes'
import { createRoleBriefRoutes } from './http/createRoleBriefRoutes'
import { createImportedResultsRoutes } from './http/createImportedResultsRoutes'
import { BallotBox } from './rooms/BallotBox'
import { createConfirmationLinkRoutes } from './http/createConfirmationLinkRoutes'
import { createConfirmationPageRoutes } from './http/createConfirmationPageRoutes'
import { StakeholderAnswerDesk } from './rooms/StakeholderAnswerDesk'
import { createHttpHandler } from './http/createHttpHandler'
import { createLibraryRoutes } from './http/createLibraryRoutes'
import { createPeopleRoutes } from './http/createPeopleRoutes'
import { backfillLibrarySummaries } from './rooms/backfillLibrarySummaries'
import { createStaticHandler } from './http/createStaticHandler'
import { ServerMetrics } from './operations/ServerMetrics'
import { checkReadiness } from './operations/checkReadiness'
import { LoadedRooms } from './rooms/LoadedRooms'
import type { MapStore } from './storage/MapStore'
import { PostgresMapStore } from './storage/PostgresMapStore'
import { SqliteMapStore } from './storage/SqliteMapStore'
import type { Authorize } from './transport/authorize'
import { createSyncTransport } from './transport/createSyncTransport'

/** Optional parts of a server; tests and later issues plug in their own. */
export interface ServerDependencies {
  /** Defaults to a logger at `config.logLevel`. */
  logger?: Logger
  /**
   * Defaults to a {@link PostgresMapStore} when `config.databaseUrl` is set, else a
   * {@link SqliteMapStore} in `config.dataDir`.
   */
  store?: MapStore
  /** Defaults to a {@link RedisCluster} when `config.redisUrl` is set, else none. */
  cluster?: Cluster
  /** Decides who may open a map, with which role; defaults to the map's share tokens. */
  authorize?: Authorize
  /** Ping interval of the keepalive; defaults to 3 s (tests shorten it). */
  keepaliveIntervalMs?: number
  /** The time sessions expire by, in ms since the epoch; defaults to `Date.now` (tests move it). */
  clock?: () => number
  /** How often each node re-checks its open sockets' sessions; defaults to 2 s. */
  sessionCheckIntervalMs?: number
  /** How far the clock used to check ID tokens is off, in seconds (tests of clock skew). */
  signInClockSkewSeconds?: number
}

/** A wired but not yet listening server, see {@link createServer}. */
export interface StakeholderCanvasServer {
  /** Starts listening (port 0 picks a free port); defaults to `config.port` and `config.host`. */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>
  /**
   * Stops accepting, closes sockets with 1001, writes every room's pending updates and
   * closes the store. Safe to call twice.
   */
  close(): Promise<void>
  readonly rooms: LoadedRooms
  readonly store: MapStore
  /** Number of open sync sockets. */
  readonly connectionCount: number
  readonly metrics: ServerMetrics
}

/** Wires storage, rooms, the sync transport and the HTTP API into one server. */
export function createServer(
  config: ServerConfig,
  dependencies: ServerDependencies = {},
): StakeholderCanvasServer {
  const logger = dependencies.logger ?? createLogger(config.logLevel)
  const store = dependencies.store ?? createStore(config, logger)
  // No Redis code runs on a single node: without REDIS_URL there is no cluster at all.
  const metrics = new ServerMetrics()
  const cluster =
    dependencies.cluster ??
    (config.redisUrl === null
      ? undefined
      : new RedisCluster({
          redisUrl: config.redisUrl,
          nodeId: config.nodeId,
          logger,
          onRemoteUpdate: (lag) => metrics.observeClusterLag(lag),
        }))
  const originPolicy = createOriginPolicy(config.allowedOrigins)
  // Open mode has no sessions: nobody is ever signed in.
  const readSession: ReadSession =
    config.organisation === undefined
      ? async () => null
      : createSessionReader(
          store.identities,
          sessionPolicyOf(config.organisation),
          dependencies.clock,
        )
  // Organisation mode: the session cookie grants what the user's membership holds.
  const organisation = config.organisation ?? null
  const memberSessions = organisation === null ? null : readSession
  // Open mode: guest links always work, and the policy reads nothing.
  const guestLinks = createGuestLinkPolicy(
    store.mapSettings,
    config.organisation?.guestLinksDefault ?? null,
  )
  let stopping = false
  // Organisation mode: maps nobody opened since the library came get their counts, once.
  const summariesBackfilled =
    organisation === null
      ? undefined
      : backfillLibrarySummaries(store, logger, () => stopping).catch((error: unknown) =>
          logger.warn({ err: error }, 'could not summarise the stored maps for the library'),
        )
  const rooms = new LoadedRooms({
    store,
    logger,
    metrics,
    cluster,
    limits: {
      compactAfterUpdates: config.compactAfterUpdates,
      compactAfterBytes: config.compactAfterBytes,
      snapshotIntervalMs: config.snapshotIntervalMs,
      auditWindowMs: config.auditWindowMs,
      maxUpdateDepth: config.maxUpdateDepth,
    },
  })
  const transport = createSyncTransport({
    rooms,
    logger,
    authorize:
      dependencies.authorize ??
      createTokenAuthorizer({ store, guestLinks, readSession: memberSessions }),
    maxMessageBytes: config.maxMessageBytes,
    keepaliveIntervalMs: dependencies.keepaliveIntervalMs,
    budgets: {
      messagesPerSecond: config.rateMessagesPerSecond,
      messageBurst: config.rateMessageBurst,
      bytesPerSecond: config.rateBytesPerSecond,
      byteBurst: config.rateByteBurst,
    },
    limits: {
      maxUpdateStructs: config.maxUpdateStructs,
      maxAwarenessBytes: config.maxAwarenessBytes,
    },
    maxConnectionsPerMap: config.maxConnectionsPerMap,
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    trustProxy: config.trustProxy,
    originPolicy,
    metrics,
    recheckRole: async (mapId, user) =>
      user.isAdmin ? 'owner' : store.library.roleOf(mapId, user.userId, user.groups),
  })
  // Sessions can end where this node does not see it (a deleted row, the idle expiry).
  const stopSessionWatch =
    config.organisation === undefined
      ? () => {}
      : watchMemberSessions({
          identities: store.identities,
          policy: sessionPolicyOf(config.organisation),
          transport,
          logger,
          intervalMs: dependencies.sessionCheckIntervalMs,
          now: dependencies.clock,
        })
  metrics.readGaugesFrom(() => ({
    connections: transport.connectionCount,
    mapsLoaded: rooms.size,
  }))
  // On a cluster, closing a map's sockets (revoked token, deleted map) reaches every node.
  const apiTransport =
    cluster === undefined ? transport : clusterWideTransport(transport, cluster, rooms, logger)
  const answerDesk = new StakeholderAnswerDesk(store, rooms)
  const routes = [
    ...createApiRoutes({
      store,
      guestLinks,
      rooms,
      clientConfig: { tldrawLicenseKey: config.tldrawLicenseKey },
      createMapToken: config.createMapToken,
      createMapRate: { perHour: config.createMapsPerHour, burst: config.createMapBurst },
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      metrics,
      readiness: () => checkReadiness(store, cluster),
      logger,
      transport: () => apiTransport,
      readSession: memberSessions,
    }),
    ...createHistoryRoutes({ store, guestLinks, rooms, logger, readSession: memberSessions }),
    ...createGuestLinkRoutes({
      store,
      guestLinks,
      logger,
      transport: () => apiTransport,
      readSession: memberSessions,
    }),
    ...createMapSettingsRoutes({
      store,
      guestLinks,
      logger,
      transport: () => apiTransport,
      readSession: memberSessions,
    }),
    ...createBallotRoutes({
      store,
      guestLinks,
      rooms,
      ballots: new BallotBox(store),
      readSession: memberSessions,
    }),
    ...createRoleBriefRoutes({ store, guestLinks, rooms, readSession: memberSessions }),
    ...createImportedResultsRoutes({ store, guestLinks, rooms, readSession: memberSessions }),
    ...createConfirmationLinkRoutes({
      store,
      guestLinks,
      desk: answerDesk,
      logger,
      readSession: memberSessions,
    }),
    ...createConfirmationPageRoutes({
      store,
      desk: answerDesk,
      logger,
      now: clockDate(dependencies.clock),
    }),
    ...createErasureRoutes({
      store,
      guestLinks,
      rooms,
      afterErasure: () => store.purgeFreedSpace(),
      logger,
      readSession: memberSessions,
    }),
    ...createAuditRoutes({ store, guestLinks, rooms, readSession: memberSessions }),
    ...createGuestRoutes({
      store,
      guestLinks,
      readSession: memberSessions,
      renameLive: (mapId, guestId, name) => apiTransport.renameGuest(mapId, guestId, name),
      trustProxy: config.trustProxy,
    }),
    ...(organisation === null
      ? []
      : createLibraryRoutes({
          store,
          guestLinks,
          readSession,
          adminGroup: organisation.adminGroup,
          transport: () => apiTransport,
          summariesBackfilled,
        })),
    ...(organisation === null
      ? []
      : createPeopleRoutes({
          identities: store.identities,
          readSession,
          logger,
          transport: () => apiTransport,
        })),
    ...createAuthRoutes({
      identities: store.identities,
      organisation: config.organisation,
      readSession,
      logger,
      closeSockets: (filter, code, reason) => apiTransport.closeSocketsOf(filter, code, reason),
      clockSkewSeconds: dependencies.signInClockSkewSeconds,
      now: dependencies.clock,
    }),
  ]
  const httpServer = http.createServer(
    createHttpHandler({
      routes,
      serveStatic: createStaticHandler(config.staticDir, {
        serveSourceMaps: config.serveSourceMaps,
      }),
      logger,
      originPolicy,
      metrics,
    }),
  )
  httpServer.on('upgrade', (request, socket, head) =>
    transport.handleUpgrade(request, socket, head),
  )
  let closing: Promise<void> | null = null

  async function shutdown(): Promise<void> {
    stopping = true
    await summariesBackfilled
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
    httpServer.closeIdleConnections()
    stopSessionWatch()
    await transport.close(CloseCode.goingAway, 'server shutting down')
    await rooms.close()
    await cluster?.close()
    await store.close()
    httpServer.closeAllConnections()
    if (httpServer.listening) await stopped
  }

  return {
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject)
          const address = httpServer.address() as AddressInfo
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host
          resolve({ port: address.port, url: `http://${shownHost}:${address.port}` })
        })
      })
    },
    close() {
      closing ??= shutdown()
      return closing
    },
    rooms,
    store,
    get connectionCount() {
      return transport.connectionCount
    },
    metrics,
  }
}

function createStore(config: ServerConfig, logger: Logger): MapStore {
  if (config.databaseUrl === null) return new SqliteMapStore(config.dataDir)
  return new PostgresMapStore({
    connectionString: config.databaseUrl,
    poolSize: config.databasePoolSize,
    onConnectionError: (error) =>
      logger.warn({ err: error.message }, 'database connection lost; the pool replaces it'),
  })
}

/** The test clock as dates, when one is given. */
function clockDate(clock: (() => number) | undefined): (() => Date) | undefined {
  return clock === undefined ? undefined : () => new Date(clock())
}
