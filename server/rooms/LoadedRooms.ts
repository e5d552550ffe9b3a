/**
 * Keeps at most one {@link Room} per document of a map in memory: one for its map document
 * and one for its confidential document (mapDocumentLayout.ts), keyed by (map, document).
 *
 * Lifecycle of a room: `join` loads it from storage (concurrent joins share the load), peers
 * come and go, and when the last one leaves the room is unloaded: pending writes are
 * flushed, the log compacted if needed, the doc destroyed. A join that arrives while the
 * room unloads waits for the unload to finish and then loads a fresh room. If the final
 * flush fails the room stays in memory and its retry unloads it later. A room that changed
 * since its last snapshot gets an automatic one when it unloads.
 *
 * Before a room is loaded, a map stored before the confidential document existed is moved
 * to the current layout (migrateConfidentialData); a map document that still turns out to
 * hold confidential content (contacts, confidential log entries or plans), or scores and votes from before ballots went to the server
 * (removeLegacyBallots), is migrated again (which purges them from its log and versions) and
 * reloaded, before any peer joins. Stored ballots of rounds it shows ended are deleted then
 * (discardEndedRounds).
 *
 * A version holds both documents: each is read from its room when loaded here (after its
 * pending writes), else from storage.
 *
 * HTTP actions on a map's documents (restore, erasure, exports) go through
 * {@link LoadedRooms.withRoom}, which joins the room as a server-side peer, so loading and
 * unloading work as for sockets.
 */
import type { Logger } from 'pino'
import { autoVersionName } from '../../shared/protocol/versionNames'
import * as Y from 'yjs'
import {
  COMMITMENTS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
  DIALOGUE_PLANS_MAP,
  type MapDocumentName,
} from '../../shared/document/mapDocumentLayout'
import { holdsLegacyConfidentialContent } from '../../shared/document/moveConfidentialContent'
import { holdsLegacyBallots } from '../../shared/document/removeLegacyBallots'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import type { Cluster } from '../cluster/Cluster'
import type { ServerMetrics } from '../operations/ServerMetrics'
import type { MapStore } from '../storage/MapStore'
import { Room } from './Room'
import type { RoomOptions } from './Room'
import type { CompactionLimits } from './Compactor'
import type { VersionInput } from './MapHistory'
import type { RoomPeer } from './RoomPeer'
import { PlanRecordMover } from './PlanRecordMover'
import { WriteTurn } from './WriteTurn'
import { discardEndedRounds } from './discardEndedRounds'
import { documentKey } from './documentKey'
import { migrateConfidentialData } from './migrateConfidentialData'

/**
 * True when a loaded map document holds what its stored layout should not (see the module);
 * `confidential` is the map's confidential document, to tell which plans are confidential.
 */
function holdsLegacyContent(doc: Y.Doc, confidential: Y.Doc | null): boolean {
  return holdsLegacyConfidentialContent(doc, confidential) || holdsLegacyBallots(doc)
}

/**
 * True when a commitment or evaluation of the map document names a plan the map document
 * does not hold: only then can it belong to a confidential plan, and loading the
 * confidential document to tell is worth it.
 */
function namesPlanElsewhere(doc: Y.Doc): boolean {
  const plans = doc.getMap<unknown>(DIALOGUE_PLANS_MAP)
  return [COMMITMENTS_MAP, DIALOGUE_EVALUATIONS_MAP].some((root) =>
    [...doc.getMap<unknown>(root).values()].some((fields) => {
      const planId = fields instanceof Y.Map ? fields.get('dialogueId') : null
      return typeof planId === 'string' && !plans.has(planId)
    }),
  )
}

/** The map's other document. */
function otherDocument(document: MapDocumentName): MapDocumentName {
  return document === 'map' ? 'confidential' : 'map'
}

/** Outcome of {@link LoadedRooms.join}: the room the peer is now part of, or why not. */
export type JoinResult = { ok: true; room: Room } | { ok: false; reason: 'not-found' }

interface LoadedRoomsOptions {
  store: MapStore
  logger: Logger
  limits: CompactionLimits
  metrics?: ServerMetrics
  /** The other nodes serving maps; absent on a single node. */
  cluster?: Cluster
}

/** The set of loaded maps of one server. */
export class LoadedRooms {
  private readonly store: MapStore
  private readonly logger: Logger
  private readonly limits: CompactionLimits
  private readonly metrics: ServerMetrics | undefined
  private readonly cluster: Cluster | undefined
  private readonly writeTurn = new WriteTurn()
  /** Rooms that are loading or loaded, by documentKey; null means the map does not exist. */
  private readonly rooms = new Map<string, Promise<Room | null>>()
  /** Rooms that are loaded and not destroyed, by documentKey, for checks that cannot wait. */
  private readonly loaded = new Map<string, Room>()
  /** Stops following each loaded room's plans (PlanRecordMover), by documentKey. */
  private readonly unfollow = new Map<string, () => void>()
  private readonly planRecords: PlanRecordMover
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(options: LoadedRoomsOptions) {
    this.store = options.store
    this.logger = options.logger
    this.limits = options.limits
    this.metrics = options.metrics
    this.cluster = options.cluster
    this.planRecords = new PlanRecordMover(
      {
        loadedRoom: (mapId, document) => {
          const room = this.loaded.get(documentKey(mapId, document))
          return room === undefined || room.isDestroyed ? null : room
        },
        withRoom: (mapId, peer, action, document) => this.withRoom(mapId, peer, action, document),
      },
      this.logger,
    )
  }

  /** Number of maps currently in memory (a document of it loading, loaded or unloading). */
  get size(): number {
    return this.mapIds().length
  }

  /** Ids of the maps currently in memory. */
  mapIds(): string[] {
    const keys = [...this.rooms.keys(), ...this.unloading.keys()]
    return [...new Set(keys.map((key) => key.split('/')[0]!))]
  }

  /**
   * Adds `peer` to the room of one of the map's documents, loading it first if needed.
   * Rejects when storage fails; the caller then closes the peer's connection.
   */
  async join(
    mapId: string,
    peer: RoomPeer,
    document: MapDocumentName = 'map',
  ): Promise<JoinResult> {
    const key = documentKey(mapId, document)
    for (;;) {
      const unloading = this.unloading.get(key)
      if (unloading !== undefined) {
        await unloading
        continue
      }
      let loading = this.rooms.get(key)
      if (loading === undefined) {
        loading = this.load(mapId, document)
        this.rooms.set(key, loading)
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
   * Runs `action` on the room of one of the map's documents (default its map document) with
   * `peer` (a server-side peer standing for an HTTP caller) joined for the duration; answers
   * null when the map does not exist.
   */
  async withRoom<T>(
    mapId: string,
    peer: RoomPeer,
    action: (room: Room) => Promise<T>,
    document: MapDocumentName = 'map',
  ): Promise<{ value: T } | null> {
    const joined = await this.join(mapId, peer, document)
    if (!joined.ok) return null
    try {
      return { value: await action(joined.room) }
    } finally {
      joined.room.removePeer(peer)
    }
  }

  /**
   * Drops the map's rooms without writing anything more, then deletes the map from storage
   * (cascading to both logs, tokens, versions and audit). Answers the peers that were
   * connected, for the caller to close (with 4404).
   */
  async deleteMap(mapId: string): Promise<RoomPeer[]> {
    const keys = [documentKey(mapId, 'map'), documentKey(mapId, 'confidential')]
    await Promise.all(keys.map((key) => this.unloading.get(key)))
    const rooms = await Promise.all(keys.map((key) => this.rooms.get(key)?.catch(() => null)))
    // From here to the store call nothing yields: no join can load the map in between.
    const peers = rooms.flatMap((room) => room?.peerList() ?? [])
    for (const room of rooms) room?.discard()
    for (const key of keys) {
      this.rooms.delete(key)
      this.forget(key)
    }
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
    for (const key of [...this.loaded.keys()]) this.forget(key)
  }

  private async load(mapId: string, document: MapDocumentName): Promise<Room | null> {
    const key = documentKey(mapId, document)
    const options: RoomOptions = {
      mapId,
      document,
      store: this.store,
      logger: this.logger,
      limits: this.limits,
      metrics: this.metrics,
      cluster: this.cluster,
      writeTurn: this.writeTurn,
      onIdle: (idle) => this.unload(idle),
      takeVersion: (input) => this.takeVersion(mapId, input),
      sibling: () => {
        const other = this.loaded.get(documentKey(mapId, otherDocument(document)))
        return other === undefined || other.isDestroyed ? null : other.doc
      },
    }
    try {
      await migrateConfidentialData(this.store, mapId, false)
      let room = await Room.load(options)
      if (
        room !== null &&
        document === 'map' &&
        (await this.withConfidentialOf(mapId, room.doc, (secret) =>
          holdsLegacyContent(room!.doc, secret),
        ))
      ) {
        // Written since the map was migrated (by a client of an earlier version): move it
        // out too (ballots: purge them from log and versions), and load again, before anyone
        // is sent any of it.
        room.destroy()
        const migrated = await migrateConfidentialData(this.store, mapId, true)
        this.logger.info(
          { mapId, ...migrated },
          'moved confidential content or ballots out of a map',
        )
        room = await Room.load(options)
        const confidential = this.rooms.get(documentKey(mapId, 'confidential'))
        void confidential?.then((loaded) => loaded?.catchUp()).catch(() => undefined)
      }
      if (room !== null && document === 'map') {
        // Only rounds the document shows ended: a newer one may be open on another node.
        await discardEndedRounds(this.store.ballots, mapId, room.doc)
      }
      if (room === null) this.rooms.delete(key)
      else {
        this.loaded.set(key, room)
        this.unfollow.set(key, this.planRecords.follow(room))
        this.logger.debug({ mapId, document }, 'room loaded')
      }
      return room
    } catch (error) {
      this.rooms.delete(key)
      this.logger.error({ err: error, mapId, document }, 'could not load map')
      throw error
    }
  }

  /**
   * Runs `check` with the map's confidential document when the map document `doc` may need
   * it (namesPlanElsewhere): its room's when loaded here, else read from storage; else null.
   */
  private async withConfidentialOf<T>(
    mapId: string,
    doc: Y.Doc,
    check: (confidential: Y.Doc | null) => T,
  ): Promise<T> {
    if (!namesPlanElsewhere(doc)) return check(null)
    const loaded = this.loaded.get(documentKey(mapId, 'confidential'))
    if (loaded !== undefined && !loaded.isDestroyed) return check(loaded.doc)
    const secret = new Y.Doc()
    try {
      const stored = await this.store.loadUpdates(mapId, 'confidential')
      Y.transact(secret, () => {
        for (const update of stored.updates) Y.applyUpdate(secret, update)
      })
      return check(secret)
    } finally {
      secret.destroy()
    }
  }

  /**
   * Stores a version of the whole map: each document's state from its room when it is
   * loaded here (its pending writes first; on a cluster after reading what other nodes
   * stored), else from storage.
   */
  private async takeVersion(mapId: string, input: VersionInput): Promise<VersionSummary> {
    const map = await this.stateForVersion(mapId, 'map')
    const confidential = await this.stateForVersion(mapId, 'confidential')
    return this.store.addVersion({
      mapId,
      ...input,
      state: map.state,
      confidentialState: confidential.state,
      stakeholderCount: map.stakeholderCount,
    })
  }

  private async stateForVersion(
    mapId: string,
    document: MapDocumentName,
  ): Promise<{ state: Uint8Array; stakeholderCount: number }> {
    const key = documentKey(mapId, document)
    const room = await this.rooms.get(key)?.catch(() => null)
    if (room != null && !room.isDestroyed) {
      if (this.cluster !== undefined) await room.catchUp().catch(() => undefined)
      const state = await room.history.stateForVersion()
      if (!room.isDestroyed) {
        return { state, stakeholderCount: stakeholdersMap(room.doc).size }
      }
    }
    // Not loaded here (or just unloaded, after storing everything): the log is the document.
    const doc = new Y.Doc()
    try {
      const stored = await this.store.loadUpdates(mapId, document)
      Y.transact(doc, () => {
        for (const update of stored.updates) Y.applyUpdate(doc, update)
      })
      return { state: Y.encodeStateAsUpdate(doc), stakeholderCount: stakeholdersMap(doc).size }
    } finally {
      doc.destroy()
    }
  }

  /** Drops a room from the loaded ones and stops following its plans. */
  private forget(key: string): void {
    this.unfollow.get(key)?.()
    this.unfollow.delete(key)
    this.loaded.delete(key)
  }

  private unload(room: Room): void {
    const key = documentKey(room.mapId, room.document)
    if (this.unloading.has(key) || room.peerCount > 0) return
    room.beginClosing()
    const done = this.finishUnload(room).finally(() => this.unloading.delete(key))
    this.unloading.set(key, done)
  }

  private async finishUnload(room: Room): Promise<void> {
    if (!(await room.flush())) {
      // Keep the doc: it holds the only copy. Its write retry calls onIdle again.
      this.logger.warn({ mapId: room.mapId }, 'room kept in memory: updates not yet stored')
      room.reopen()
      return
    }
    await this.snapshotIfChanged(room, autoVersionName('last-participant-left'))
    await room.compactIfNeeded()
    this.rooms.delete(documentKey(room.mapId, room.document))
    this.forget(documentKey(room.mapId, room.document))
    room.destroy()
    this.logger.debug({ mapId: room.mapId, document: room.document }, 'room unloaded')
  }

  private async snapshotIfChanged(room: Room, name: string): Promise<void> {
    if (!room.history.hasUnsnapshottedChanges) return
    try {
      await room.history.createAutomaticVersion(name)
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
