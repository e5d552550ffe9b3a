/**
 * Keeps at most one {@link Room} per map in memory.
 *
 * Lifecycle of a map's room: `join` loads it from storage (concurrent joins share the
 * load), peers come and go, and when the last one leaves the room is unloaded: pending
 * writes are flushed, the log compacted if needed, the doc destroyed. A join that arrives
 * while the room unloads waits for the unload to finish and then loads a fresh room.
 * If the final flush fails the room stays in memory and its retry unloads it later. A room
 * that changed since its last snapshot gets an automatic one when it unloads.
 *
 * HTTP actions on a map's document (restore, erasure) go through {@link RoomRegistry.withRoom},
 * which joins the room as a server-side peer, so loading and unloading work as for sockets.
 */
import type { Logger } from 'pino'
import { autoVersionName } from '../../shared/protocol/versionNames'
import type { Cluster } from '../cluster/Cluster'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { MapStore } from '../storage/MapStore'
import { Room } from './Room'
import type { CompactionLimits, RoomPeer } from './Room'
import { WriteTurn } from './WriteTurn'

/** Outcome of {@link RoomRegistry.join}: the room the peer is now part of, or why not. */
export type JoinResult = { ok: true; room: Room } | { ok: false; reason: 'not-found' }

interface RoomRegistryOptions {
  store: MapStore
  logger: Logger
  limits: CompactionLimits
  metrics?: ServerMetrics
  /** The other nodes serving maps; absent on a single node. */
  cluster?: Cluster
}

/** The set of loaded maps of one server. */
export class RoomRegistry {
  private readonly store: MapStore
  private readonly logger: Logger
  private readonly limits: CompactionLimits
  private readonly metrics: ServerMetrics | undefined
  private readonly cluster: Cluster | undefined
  private readonly writeTurn = new WriteTurn()
  /** Rooms that are loading or loaded; a null result means the map does not exist. */
  private readonly rooms = new Map<string, Promise<Room | null>>()
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(options: RoomRegistryOptions) {
    this.store = options.store
    this.logger = options.logger
    this.limits = options.limits
    this.metrics = options.metrics
    this.cluster = options.cluster
  }

  /** Number of maps currently in memory (loading, loaded or unloading). */
  get size(): number {
    return new Set([...this.rooms.keys(), ...this.unloading.keys()]).size
  }

  /** Ids of the maps currently in memory. */
  mapIds(): string[] {
    return [...new Set([...this.rooms.keys(), ...this.unloading.keys()])]
  }

  /**
   * Adds `peer` to the map's room, loading the map first if needed. Rejects when storage
   * fails; the caller then closes the peer's connection.
   */
  async join(mapId: string, peer: RoomPeer): Promise<JoinResult> {
    for (;;) {
      const unloading = this.unloading.get(mapId)
      if (unloading !== undefined) {
        await unloading
        continue
      }
      let loading = this.rooms.get(mapId)
      if (loading === undefined) {
        loading = this.load(mapId)
        this.rooms.set(mapId, loading)
      }
      const room = await loading
      if (room === null) return { ok: false, reason: 'not-found' }
      // It may have started unloading while we waited; go round and wait for that.
      if (room.closing) continue
      room.addPeer(peer)
      return { ok: true, room }
    }
  }

  /**
   * Runs `action` on the map's room with `peer` (a server-side peer standing for an HTTP
   * caller) joined for the duration; answers null when the map does not exist.
   */
  async withRoom<T>(
    mapId: string,
    peer: RoomPeer,
    action: (room: Room) => Promise<T>,
  ): Promise<{ value: T } | null> {
    const joined = await this.join(mapId, peer)
    if (!joined.ok) return null
    try {
      return { value: await action(joined.room) }
    } finally {
      joined.room.removePeer(peer)
    }
  }

  /**
   * Drops the map's room without writing anything more, then deletes the map from storage
   * (cascading to its log, tokens, versions and audit). Answers the peers that were
   * connected, for the caller to close (with 4404).
   */
  async deleteMap(mapId: string): Promise<RoomPeer[]> {
    await this.unloading.get(mapId)
    const room = await this.rooms.get(mapId)?.catch(() => null)
    // From here to the store call nothing yields: no join can load the map in between.
    const peers = room?.peerList() ?? []
    room?.discard()
    this.rooms.delete(mapId)
    await this.store.deleteMap(mapId)
    return peers
  }

  /** Writes every room's pending updates; resolves when all writes were attempted. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.unloading.values()])
    const rooms = await this.loadedRooms()
    await Promise.all(rooms.map((room) => room.flush()))
  }

  /**
   * Shutdown: flushes and unloads every room. Peers should be gone already (the transport
   * closes them first); updates that still cannot be written are logged as lost.
   */
  async close(): Promise<void> {
    await this.flushAll()
    for (const room of await this.loadedRooms()) {
      if (!(await room.flush())) {
        this.logger.error({ mapId: room.mapId }, 'shutting down with unsaved updates')
      } else await this.snapshotIfChanged(room, autoVersionName('server-shutdown'))
      await room.compactIfNeeded()
      room.destroy()
    }
    this.rooms.clear()
  }

  private async load(mapId: string): Promise<Room | null> {
    try {
      const room = await Room.load({
        mapId,
        store: this.store,
        logger: this.logger,
        limits: this.limits,
        metrics: this.metrics,
        cluster: this.cluster,
        writeTurn: this.writeTurn,
        onIdle: (idle) => this.unload(idle),
      })
      if (room === null) this.rooms.delete(mapId)
      else this.logger.debug({ mapId }, 'room loaded')
      return room
    } catch (error) {
      this.rooms.delete(mapId)
      this.logger.error({ err: error, mapId }, 'could not load map')
      throw error
    }
  }

  private unload(room: Room): void {
    const { mapId } = room
    if (this.unloading.has(mapId) || room.peerCount > 0) return
    room.closing = true
    const done = this.finishUnload(room).finally(() => this.unloading.delete(mapId))
    this.unloading.set(mapId, done)
  }

  private async finishUnload(room: Room): Promise<void> {
    if (!(await room.flush())) {
      // Keep the doc: it holds the only copy. Its write retry calls onIdle again.
      this.logger.warn({ mapId: room.mapId }, 'room kept in memory: updates not yet stored')
      room.closing = false
      return
    }
    await this.snapshotIfChanged(room, autoVersionName('last-participant-left'))
    await room.compactIfNeeded()
    this.rooms.delete(room.mapId)
    room.destroy()
    this.logger.debug({ mapId: room.mapId }, 'room unloaded')
  }

  private async snapshotIfChanged(room: Room, name: string): Promise<void> {
    if (!room.hasUnsnapshottedChanges) return
    try {
      await room.createAutomaticVersion(name)
    } catch (error) {
      // History is a convenience on top of the log: the map itself is stored.
      this.logger.error({ err: error, mapId: room.mapId }, 'could not take automatic snapshot')
    }
  }

  private async loadedRooms(): Promise<Room[]> {
    const settled = await Promise.allSettled([...this.rooms.values()])
    return settled.flatMap((result) =>
      result.status === 'fulfilled' && result.value !== null ? [result.value] : [],
    )
  }
}
