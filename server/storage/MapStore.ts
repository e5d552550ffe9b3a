import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'
import type { MapMetadata } from '../../shared/protocol/api'
import type {
  AuditEntry,
  AuditFieldChange,
  AuditQuery,
  AuditValue,
  Actor,
  VersionKind,
  VersionSummary,
} from '../../shared/protocol/accessApi'
import type { GuestSessionRecords } from './GuestSessionRecords'
import type { Role } from '../../shared/protocol/roles'
import type { GuestLinkRecords } from './GuestLinkRecords'
import type { IdentityRecords } from './IdentityRecords'
import type { LibraryRecords } from './LibraryRecords'
import type { MapSettingsRecords } from './MapSettingsRecords'
import type { BallotRecords } from './BallotRecords'
import type { ConfirmationLinkRecords } from './ConfirmationLinkRecords'

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

/** What {@link MapStore.addVersion} stores. */
export interface NewVersion {
  mapId: string
  name: string
  kind: VersionKind
  createdBy: Actor
  /** The map document's state (what every role may read). */
  state: Uint8Array
  /** The confidential document's state; only served to roles that may read it. */
  confidentialState: Uint8Array | null
  stakeholderCount: number
}

/** A stored version as {@link MapStore.getVersion} answers it. */
export interface StoredVersion {
  summary: VersionSummary
  state: Uint8Array
  /** Null for a version that has no confidential part. */
  confidentialState: Uint8Array | null
}

/** A version's new content, from a {@link MapStore.rewriteVersions} callback. */
export interface RewrittenVersion {
  state: Uint8Array
  /** Absent keeps the stored count. */
  stakeholderCount?: number
  /** The new confidential state; absent (or null) keeps the stored one. */
  confidentialState?: Uint8Array | null
}

/**
 * The layout maps are stored in: 2 = contacts and confidential log entries in the
 * confidential document; 3 = and no individual ballot (issue 19) in the map document's log
 * or versions; 4 = and dialogue plans marked confidential in the confidential document, in
 * the log and in every version; 5 = and the commitments and evaluations of such plans with
 * them. Maps stored before are moved on by {@link MapStore.migrateLayout} when they are next
 * loaded.
 */
export const CURRENT_DOCUMENT_LAYOUT = 5

/** What {@link MapStore.migrateLayout} does with a map's stored documents. */
export interface LayoutMigration {
  /** Run even for a map stored in the current layout (its map document held content again). */
  force: boolean
  /**
   * The two logs (each oldest first): what replaces the map document's whole log (one row)
   * and what the confidential log gains (one row appended), or null when nothing moves.
   */
  logs(
    map: readonly Uint8Array[],
    confidential: readonly Uint8Array[],
  ): { map: Uint8Array; confidentialAddition: Uint8Array } | null
  /** One version's new content, or null to keep it. */
  version(state: Uint8Array, confidentialState: Uint8Array | null): RewrittenVersion | null
}

/** What {@link MapStore.migrateLayout} did. */
export interface LayoutMigrationResult {
  /** The map document's log was replaced (and the confidential log gained a row). */
  logsChanged: boolean
  versionsRewritten: number
}

/**
 * One participant's observed changes of one stakeholder for {@link MapStore.recordAudit}:
 * the changed field names and, per field, what the audit trail may keep (values of scores
 * and classifications only, see server/rooms/AuditRecorder.ts).
 */
export interface AuditChange {
  mapId: string
  stakeholderId: string
  participant: Actor
  fields: readonly string[]
  /** What changed per field; an empty list when only names are known. */
  changes?: readonly AuditFieldChange[]
  /** ISO 8601 time of the change. */
  at: string
}

/**
 * An audit row of its own kind for {@link MapStore.appendAudit} (e.g. the report of an
 * erasure): never merged with other rows. `details` must hold no personal data.
 */
export interface NewAuditEntry {
  mapId: string
  stakeholderId: string
  participant: Actor
  /** A code other than `change` (the kind of edits), e.g. `erasure`. */
  kind: string
  fields?: readonly string[]
  changes?: readonly AuditFieldChange[]
  details?: Readonly<Record<string, AuditValue>>
  /** ISO 8601 time; now when absent. */
  at?: string
}

/**
 * The update log of a map's two documents: the hot path, one append per committed batch.
 * Rows are only appended, except that {@link UpdateLog.compact} replaces a prefix of a log
 * by one merged update (and {@link MapStore.migrateLayout} a whole log, once).
 */
export interface UpdateLog {
  /**
   * Appends updates to the log of one of the map's documents (default: the map document)
   * in one transaction (all or none) and touches the map. Resolves only once the rows are
   * durable. Appends to one map are serialised, so its row ids grow in commit order; each
   * document's rows form a chain of their own (`previousId` is that document's newest row).
   */
  appendUpdates(
    mapId: string,
    updates: readonly Uint8Array[],
    document?: MapDocumentName,
  ): Promise<AppendedUpdates>
  /** A document's whole update log, oldest first. */
  loadUpdates(mapId: string, document?: MapDocumentName): Promise<StoredUpdates>
  /**
   * A document's rows with an id above `afterId`, oldest first: what a node that has applied
   * every row up to `afterId` is missing. `lastId` is `afterId` when there are none.
   */
  loadUpdatesSince(
    mapId: string,
    afterId: number,
    document?: MapDocumentName,
  ): Promise<StoredUpdates>
  /**
   * Replaces every row of a document's log with an id ≤ `uptoId` by `mergedUpdate`, in one
   * transaction. `mergedUpdate` must contain at least everything those rows contain.
   */
  compact(
    mapId: string,
    mergedUpdate: Uint8Array,
    uptoId: number,
    document?: MapDocumentName,
  ): Promise<void>
  /** Number of rows in a document's update log (for monitoring and tests). */
  countUpdates(mapId: string, document?: MapDocumentName): Promise<number>
}

/**
 * The records of maps beside their logs: the catalogue (metadata), share tokens, versions
 * and the audit trail.
 */
export interface MapRecords {
  /**
   * Stores a new map with the hashes of its first tokens, in one transaction; rejects when
   * the id is already taken.
   */
  createMap(map: NewMap, tokenHashes?: Partial<Record<Role, Uint8Array>>): Promise<MapMetadata>
  /** The map's metadata, or null when no such map exists. */
  getMap(id: string): Promise<MapMetadata | null>
  /** Sets the map's `updatedAt` to now. */
  touchMap(id: string): Promise<void>
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
  /** One version's summary and Yjs states, or null when the map has no such version. */
  getVersion(mapId: string, versionId: number): Promise<StoredVersion | null>
  /**
   * Rewrites every stored version of the map in one transaction: `rewrite` answers the new
   * content, or null to keep it. Used to erase personal data from history. Answers how many
   * versions changed.
   */
  rewriteVersions(
    mapId: string,
    rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
  ): Promise<number>
  /**
   * Adds changes to the audit trail in one transaction, each merged into the participant's
   * latest row for that stakeholder when it ended less than `windowMs` before.
   */
  recordAudit(changes: readonly AuditChange[], windowMs: number): Promise<void>
  /** Appends one audit row as it is (not merged), e.g. the report of an erasure. */
  appendAudit(entry: NewAuditEntry): Promise<void>
  /** The map's audit rows that match the query (all when none), newest first. */
  listAudit(mapId: string, query?: AuditQuery): Promise<AuditEntry[]>
}

/**
 * Persistence of maps and their Yjs update logs: the {@link UpdateLog}, the
 * {@link MapRecords} and the {@link GuestLinkRecords} of one database, plus what spans them. Every method is async so that a
 * network database (PostgreSQL) can implement the same interface as SQLite.
 *
 * A map has two documents (mapDocumentLayout.ts), each the merge of its own update log.
 */
export interface MapStore extends UpdateLog, MapRecords, GuestLinkRecords, GuestSessionRecords {
  /** Users and their sessions, in the same database (issue 18). */
  readonly identities: IdentityRecords
  /** Members of maps and the organisation's library (issue 18). */
  readonly library: LibraryRecords
  /** A map's own settings (guest links allowed or not), kept with the map. */
  readonly mapSettings: MapSettingsRecords
  /** Ballots of open scoring rounds and dot votes (issue 19), until the reveal or close. */
  readonly ballots: BallotRecords
  /** Confirmation links of engagement-log entries and their answers (issue 21). */
  readonly confirmationLinks: ConfirmationLinkRecords
  /**
   * Brings a map stored in an older layout (or, with `force`, any map) to the current one,
   * in ONE transaction that holds the map's lock: the map document's log is replaced by one
   * new row and the confidential log gains one (as `migration.logs` answers), every version
   * is rewritten (as `migration.version` answers), and the map is marked current. A map
   * already current is left alone at the cost of one read. Safe to run on several nodes at
   * once: the second finds nothing to move.
   */
  migrateLayout(mapId: string, migration: LayoutMigration): Promise<LayoutMigrationResult>
  /**
   * Makes sure deleted rows leave no trace on disk (checkpoint, VACUUM, empty WAL); after
   * an erasure. Slow on big databases.
   */
  purgeFreedSpace(): Promise<void>
  /** Releases the database; no method may be called afterwards. */
  close(): Promise<void>
}
