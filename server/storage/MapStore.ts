import type { MapMetadata } from '../../shared/protocol/api'
import type {
  AuditEntry,
  Participant,
  VersionKind,
  VersionSummary,
} from '../../shared/protocol/accessApi'
import { type Role, isRole } from '../../shared/protocol/roles'

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

/** What {@link MapStore.appendUpdates} answers. */
export interface AppendedUpdates {
  /**
   * Id of the map's newest row before this append (0 when none). A reader that had applied
   * every row up to at least this id has now applied every row up to `lastId`; otherwise
   * another writer's rows lie between and must be read (multi-node catch-up).
   */
  previousId: number
  /** Id of the last row written. */
  lastId: number
}

/** A stored share token: its SHA-256 hash, never the token itself. */
export interface StoredToken {
  hash: Uint8Array
  role: Role
  revoked: boolean
}

/** A `map_tokens` row as both databases return it. */
export interface TokenRow {
  token_hash: Uint8Array
  role: string
  revoked_at: string | null
}

/** The tokens of `rows`, leaving out any whose role this version does not know. */
export function storedTokens(rows: readonly TokenRow[]): StoredToken[] {
  return rows.flatMap((row) =>
    isRole(row.role)
      ? [{ hash: new Uint8Array(row.token_hash), role: row.role, revoked: row.revoked_at !== null }]
      : [],
  )
}

/** What {@link MapStore.addVersion} stores. */
export interface NewVersion {
  mapId: string
  name: string
  kind: VersionKind
  createdBy: Participant
  state: Uint8Array
  stakeholderCount: number
}

/** One observed change for {@link MapStore.recordAudit}: field names only, never values. */
export interface AuditChange {
  mapId: string
  stakeholderId: string
  participant: Participant
  fields: readonly string[]
  /** ISO 8601 time of the change. */
  at: string
}

/**
 * Persistence of maps and their Yjs update logs. Every method is async so that a
 * network database (PostgreSQL) can implement the same interface as SQLite.
 *
 * A map's document is the merge of its update log: rows are only appended, except that
 * {@link MapStore.compact} replaces a prefix of the log by one merged update.
 */
export interface MapStore {
  /**
   * Stores a new map with the hashes of its first tokens, in one transaction; rejects when
   * the id is already taken.
   */
  createMap(map: NewMap, tokenHashes?: Partial<Record<Role, Uint8Array>>): Promise<MapMetadata>
  /** The map's metadata, or null when no such map exists. */
  getMap(id: string): Promise<MapMetadata | null>
  /** Sets the map's `updatedAt` to now. */
  touchMap(id: string): Promise<void>
  /**
   * Appends updates to the map's log in one transaction (all or none) and touches the map.
   * Resolves only once the rows are durable. Appends to one map are serialised, so its row
   * ids grow in commit order.
   */
  appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<AppendedUpdates>
  /** The map's whole update log, oldest first. */
  loadUpdates(mapId: string): Promise<StoredUpdates>
  /**
   * The map's rows with an id above `afterId`, oldest first: what a node that has applied
   * every row up to `afterId` is missing. `lastId` is `afterId` when there are none.
   */
  loadUpdatesSince(mapId: string, afterId: number): Promise<StoredUpdates>
  /**
   * Replaces every row of the map with an id ≤ `uptoId` by `mergedUpdate`, in one
   * transaction. `mergedUpdate` must contain at least everything those rows contain.
   */
  compact(mapId: string, mergedUpdate: Uint8Array, uptoId: number): Promise<void>
  /** Number of rows in the map's update log (for monitoring and tests). */
  countUpdates(mapId: string): Promise<number>
  /** Deletes the map with its update log, tokens, versions and audit trail. */
  deleteMap(id: string): Promise<void>
  /** Every token of the map, revoked ones included. */
  listTokens(mapId: string): Promise<StoredToken[]>
  /** The map a token hash belongs to (revoked or not), or null when no map knows it. */
  findTokenMap(hash: Uint8Array): Promise<string | null>
  /** Revokes the role's current token and stores `hash` as its replacement, atomically. */
  replaceToken(mapId: string, role: Role, hash: Uint8Array): Promise<void>
  /** Stores a snapshot of the map's document. */
  addVersion(version: NewVersion): Promise<VersionSummary>
  /** The map's versions, newest first. */
  listVersions(mapId: string): Promise<VersionSummary[]>
  /** One version's summary and Yjs state, or null when the map has no such version. */
  getVersion(
    mapId: string,
    versionId: number,
  ): Promise<{ summary: VersionSummary; state: Uint8Array } | null>
  /**
   * Rewrites every stored version of the map in one transaction: `rewrite` answers the new
   * state, or null to keep it. Used to erase personal data from history.
   */
  rewriteVersions(
    mapId: string,
    rewrite: (state: Uint8Array) => { state: Uint8Array; stakeholderCount: number } | null,
  ): Promise<number>
  /**
   * Adds changes to the audit trail in one transaction, each merged into the participant's
   * latest row for that stakeholder when it ended less than `windowMs` before.
   */
  recordAudit(changes: readonly AuditChange[], windowMs: number): Promise<void>
  /** The map's audit rows (of one stakeholder when given), newest first. */
  listAudit(mapId: string, stakeholderId?: string): Promise<AuditEntry[]>
  /**
   * Makes sure deleted rows leave no trace on disk (checkpoint, VACUUM, empty WAL); after
   * an erasure. Slow on big databases.
   */
  purgeFreedSpace(): Promise<void>
  /** Releases the database; no method may be called afterwards. */
  close(): Promise<void>
}
