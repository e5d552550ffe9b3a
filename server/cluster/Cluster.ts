/**
 * What a room needs from the other server nodes when several serve maps together. Without
 * `REDIS_URL` there is no cluster and rooms run exactly as on one node.
 *
 * A node commits a batch of updates to the shared database, broadcasts it to its own peers,
 * then publishes it ({@link MapChannel.publishUpdate}). Other nodes apply what they receive
 * ({@link ClusterRoom.applyRemoteUpdate}); whenever they may have missed something (a gap,
 * a lost connection, a restarted Redis, a node that died between commit and publish) they
 * read the database instead ({@link ClusterRoom.catchUp}). The database is the truth,
 * the message bus only makes it fast.
 */

import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { Role } from '../../shared/protocol/roles'
import type { SocketFilter } from '../transport/createSyncTransport'

/**
 * Sockets of a map every node must close: its token for `role` was revoked, or it was
 * deleted; or (with `guestLinkId`, and no `role`, which nodes of before guest links ignore)
 * the sockets of one guest link, revoked; or (with `sockets` and no `mapId`, which nodes of
 * before sign-in ignore) the sockets of signed-in users whose membership or session ended.
 */
export type CloseNotice =
  | {
      mapId: string
      /** Only the sockets of this role's token; null: all of them. */
      role: Role | null
      code: number
      reason: string
    }
  | { mapId: string; guestLinkId: string; code: number; reason: string }
  | { sockets: SocketFilter; code: number; reason: string }

/**
 * A guest a facilitator renamed on one node: every node gives that guest's sockets to the
 * map the new name and re-stamps their presence at once (not only when they reconnect).
 */
export interface GuestRenameNotice {
  mapId: string
  guestId: string
  name: string
}

/**
 * The part of a loaded room that the cluster drives: one document of a map, each with its
 * own stream and lock (its updates are another document's business).
 */
export interface ClusterRoom {
  readonly mapId: string
  readonly document: MapDocumentName
  /**
   * Applies a batch another node committed as rows `(previousId, lastId]`; it is durable
   * already, so it is only broadcast to local peers. Starts a catch-up when rows before
   * it are missing.
   */
  applyRemoteUpdate(update: Uint8Array, previousId: number, lastId: number): void
  /** Applies presence of participants on other nodes (not stored; map documents only). */
  applyRemoteAwareness(update: Uint8Array): void
  /** Presence of this node's participants, for a node that just loaded the map; null: none. */
  localAwareness(): Uint8Array | null
  /** Reads and applies every row after the last one known applied; rejects when the DB fails. */
  catchUp(): Promise<void>
}

/** A room's connection to the other nodes, from {@link Cluster.join}. */
export interface MapChannel {
  /** Tells other nodes about a committed batch (rows `(previousId, lastId]`); may be lost. */
  publishUpdate(update: Uint8Array, previousId: number, lastId: number): void
  /** Tells other nodes about a change of presence of a local participant; may be lost. */
  publishAwareness(update: Uint8Array): void
  /**
   * Runs `task` (compaction, automatic snapshot) unless another node is running one on this
   * map or the lock cannot be had; answers whether it ran.
   */
  runExclusive(task: () => Promise<void>): Promise<boolean>
  /** Stops receiving for this room (it unloads). */
  leave(): void
}

/** The nodes serving maps together, as seen by one node. */
export interface Cluster {
  readonly nodeId: string
  /** Starts receiving other nodes' updates and presence for a loaded room. */
  join(room: ClusterRoom): MapChannel
  /** Tells the other nodes to close sockets (best effort: a node away from Redis misses it). */
  announceClose(notice: CloseNotice): void
  /** Called with every other node's {@link CloseNotice}. */
  onCloseNotice(listener: (notice: CloseNotice) => void): void
  /** Tells the other nodes that a guest was renamed (best effort, like a close notice). */
  announceRename(notice: GuestRenameNotice): void
  /** Called with every other node's {@link GuestRenameNotice}. */
  onRenameNotice(listener: (notice: GuestRenameNotice) => void): void
  /** Resolves when the cluster's broker (Redis) answers, rejects when it does not (`/readyz`). */
  ping?(): Promise<void>
  /** Disconnects; rooms must have left. */
  close(): Promise<void>
}
