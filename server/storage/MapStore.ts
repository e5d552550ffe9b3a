import type { MapMetadata } from '../../shared/protocol/api'

/** What the HTTP API hands to {@link MapStore.createMap}; timestamps are set by the store. */
export interface NewMap {
  id: string
  title: string
  template: MapMetadata['template']
}

/** A map's update log as loaded by {@link MapStore.loadUpdates}. */
export interface StoredUpdates {
  /** Yjs updates in the order they were appended; apply all of them to rebuild the document. */
  updates: Uint8Array[]
  /** Id of the newest row, or 0 when the log is empty; the `uptoId` for a later compaction. */
  lastId: number
  /** Sum of the updates' sizes, so the room can decide when to compact. */
  bytes: number
}

/**
 * Persistence of maps and their Yjs update logs. Every method is async so that a
 * network database (PostgreSQL) can implement the same interface as SQLite.
 *
 * A map's document is the merge of its update log: rows are only appended, except that
 * {@link MapStore.compact} replaces a prefix of the log by one merged update.
 */
export interface MapStore {
  /** Stores a new map; rejects when the id is already taken. */
  createMap(map: NewMap): Promise<MapMetadata>
  /** The map's metadata, or null when no such map exists. */
  getMap(id: string): Promise<MapMetadata | null>
  /** Sets the map's `updatedAt` to now. */
  touchMap(id: string): Promise<void>
  /**
   * Appends updates to the map's log in one transaction (all or none) and touches the map.
   * Resolves only once the rows are durable; answers the id of the last row written.
   */
  appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<{ lastId: number }>
  /** The map's whole update log, oldest first. */
  loadUpdates(mapId: string): Promise<StoredUpdates>
  /**
   * Replaces every row of the map with an id ≤ `uptoId` by `mergedUpdate`, in one
   * transaction. `mergedUpdate` must contain at least everything those rows contain.
   */
  compact(mapId: string, mergedUpdate: Uint8Array, uptoId: number): Promise<void>
  /** Number of rows in the map's update log (for monitoring and tests). */
  countUpdates(mapId: string): Promise<number>
  /** Deletes the map and its update log. */
  deleteMap(id: string): Promise<void>
  /** Releases the database; no method may be called afterwards. */
  close(): Promise<void>
}
