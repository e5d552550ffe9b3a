/**
 * What both engines do alike with rows, so SQLite and PostgreSQL differ only in their SQL:
 * turning stored rows into the values {@link MapStore} answers (maps, tokens, updates,
 * versions, audit entries), deciding what a version rewrite or a layout migration changes,
 * and the audit trail's merging of one participant's edits within the window. One module on
 * purpose, a little over 300 lines: an engine's author reads all that is shared in one place.
 *
 * Ids arrive as numbers from SQLite and as text from PostgreSQL (BIGSERIAL); both are read
 * with `Number`, maps will not reach 2^53 rows. Byte columns arrive as Buffers.
 *
 * An audit row's `changes` column is JSON (an array of {@link AuditFieldChange}); NULL marks
 * rows stored before values were recorded, which are never merged into and list as `null`.
 */
import type { MapMetadata } from '../../shared/protocol/api'
import type {
  Actor,
  AuditEntry,
  AuditFieldChange,
  AuditQuery,
  AuditValue,
  VersionSummary,
} from '../../shared/protocol/accessApi'
import { isRole } from '../../shared/protocol/roles'
import {
  type AuditChange,
  CURRENT_DOCUMENT_LAYOUT,
  type NewAuditEntry,
  type NewVersion,
  type RewrittenVersion,
  type StoredToken,
  type StoredUpdates,
  type StoredVersion,
} from './MapStore'

/** A database row id: a number from SQLite, text from PostgreSQL. */
export type RowId = number | string

/** A `maps` row. */
export interface MapRow {
  id: string
  title: string
  template: MapMetadata['template']
  created_at: string
  updated_at: string
}

/** The metadata the API answers for a `maps` row. */
export function mapMetadataFromRow({ id, title, template, ...times }: MapRow): MapMetadata {
  return { id, title, template, createdAt: times.created_at, updatedAt: times.updated_at }
}

/** A `map_tokens` row. */
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

/** A `map_updates` row as the log reads it. */
export interface UpdateRow {
  id: RowId
  update: Buffer
}

/** The log of `rows` (oldest first) as loaded after row `afterId`. */
export function storedUpdatesFromRows(rows: Iterable<UpdateRow>, afterId: number): StoredUpdates {
  const updates: Uint8Array[] = []
  let lastId = afterId
  let bytes = 0
  for (const row of rows) {
    // The drivers hand out Buffers; a plain Uint8Array view keeps Yjs' types honest.
    updates.push(new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength))
    lastId = Number(row.id)
    bytes += row.update.byteLength
  }
  return { updates, lastId, bytes }
}

/** A `map_versions` row without its states (`byte_size` is the map state's length). */
export interface VersionRow {
  id: RowId
  name: string
  kind: string
  created_at: string
  created_by_name: string
  created_by_role: string | null
  created_by_kind?: string | null
  created_by_id?: string | null
  byte_size: number
  stakeholder_count: number
}

/** The summary the API answers for a `map_versions` row. */
export function versionSummaryFromRow(row: VersionRow): VersionSummary {
  return {
    id: Number(row.id),
    name: row.name,
    kind: row.kind === 'named' ? 'named' : 'auto',
    createdAt: row.created_at,
    createdBy: actorOf(
      row.created_by_name,
      row.created_by_role,
      row.created_by_kind,
      row.created_by_id,
    ),
    byteSize: row.byte_size,
    stakeholderCount: row.stakeholder_count,
  }
}

/** The summary of `version`, just stored as row `id` at `createdAt`. */
export function newVersionSummary(
  version: NewVersion,
  id: RowId,
  createdAt: string,
): VersionSummary {
  return {
    id: Number(id),
    name: version.name,
    kind: version.kind,
    createdAt,
    createdBy: version.createdBy,
    byteSize: version.state.byteLength,
    stakeholderCount: version.stakeholderCount,
  }
}

/**
 * The values of a new `map_versions` row in the column order (map_id, name, kind,
 * created_at, created_by_name, created_by_role, state, confidential_state,
 * stakeholder_count, created_by_kind, created_by_id) both stores insert.
 */
export function versionInsertValues(version: NewVersion, createdAt: string): unknown[] {
  return [
    version.mapId,
    version.name,
    version.kind,
    createdAt,
    version.createdBy.name,
    version.createdBy.role,
    version.state,
    version.confidentialState,
    version.stakeholderCount,
    ...identityValues(version.createdBy),
  ]
}

/** A version's states as a rewrite reads them. */
export interface VersionStateRow {
  id: RowId
  state: Buffer
  confidential_state: Buffer | null
}

/** A version as {@link MapStore.getVersion} answers it, from its row with both states. */
export function storedVersionFromRow(row: VersionRow & VersionStateRow): StoredVersion {
  return {
    summary: versionSummaryFromRow(row),
    state: new Uint8Array(row.state),
    confidentialState: row.confidential_state && new Uint8Array(row.confidential_state),
  }
}

/** One version row's new values; null columns keep what is stored (SQL `coalesce`). */
export interface VersionRowUpdate {
  id: RowId
  state: Uint8Array
  stakeholderCount: number | null
  confidentialState: Uint8Array | null
}

/** What to write for each of `rows` that `rewrite` changes (the others are left out). */
export function rewrittenVersionRows(
  rows: readonly VersionStateRow[],
  rewrite: (state: Uint8Array, confidentialState: Uint8Array | null) => RewrittenVersion | null,
): VersionRowUpdate[] {
  return rows.flatMap((row) => {
    const secret = row.confidential_state && new Uint8Array(row.confidential_state)
    const next = rewrite(new Uint8Array(row.state), secret)
    if (next === null) return []
    return [
      {
        id: row.id,
        state: next.state,
        stakeholderCount: next.stakeholderCount ?? null,
        confidentialState: next.confidentialState ?? null,
      },
    ]
  })
}

/**
 * Whether a map stored in `layout` (undefined: no such map) is moved on by a layout
 * migration; `force` moves a current one too.
 */
export function needsLayoutMigration(layout: number | undefined, force: boolean): boolean {
  if (layout === undefined) return false
  return layout < CURRENT_DOCUMENT_LAYOUT || force
}

/** An audit row as both stores read it. */
export interface StoredAuditRow {
  id: RowId
  kind: string
  stakeholder_id: string
  participant_name: string
  participant_role: string | null
  participant_kind?: string | null
  participant_id?: string | null
  fields: string
  changes: string | null
  details: string | null
  first_at: string
  last_at: string
}

/**
 * The changes of a row after more edits of the same participant: per field the first old
 * value and the latest new one; a record added in the window stays "added".
 */
export function mergeAuditChanges(
  earlier: readonly AuditFieldChange[],
  later: readonly AuditFieldChange[],
): AuditFieldChange[] {
  const byField = new Map<string, AuditFieldChange>()
  for (const change of earlier) byField.set(change.field, change)
  for (const change of later) {
    const before = byField.get(change.field)
    if (before === undefined) byField.set(change.field, change)
    else if (before.kind === 'added' && change.kind !== 'removed') continue
    else if (before.kind === 'value' && change.kind === 'value') {
      byField.set(change.field, { ...change, from: before.from })
    } else byField.set(change.field, change)
  }
  return [...byField.values()]
}

/** The earliest `last_at` of a row that `change` may still be merged into. */
export function auditWindowStart(change: AuditChange, windowMs: number): string {
  return new Date(Date.parse(change.at) - windowMs).toISOString()
}

/** The `fields` and `changes` columns (JSON) of an audit row. */
export interface AuditColumns {
  fields: string
  changes: string
}

/**
 * The columns of a row after `change`: merged into `latest` (the participant's row still in
 * the window, its `changes` recorded), or of a new row when there is none.
 */
export function auditColumnsAfter(
  latest: AuditColumns | undefined,
  change: AuditChange,
): AuditColumns {
  if (latest === undefined) {
    return {
      fields: JSON.stringify([...new Set(change.fields)].sort()),
      changes: JSON.stringify(change.changes ?? []),
    }
  }
  const fields = new Set([...(JSON.parse(latest.fields) as string[]), ...change.fields])
  const merged = mergeAuditChanges(
    JSON.parse(latest.changes) as AuditFieldChange[],
    change.changes ?? [],
  )
  return { fields: JSON.stringify([...fields].sort()), changes: JSON.stringify(merged) }
}

/**
 * The values of a row of its own kind ({@link MapStore.appendAudit}) in the column order
 * (map_id, stakeholder_id, participant_name, participant_role, kind, fields, changes,
 * details, first_at, last_at) both stores insert, followed by {@link identityValues}; it
 * starts and ends at `entry.at`.
 */
export function appendedAuditValues(entry: NewAuditEntry): unknown[] {
  const at = entry.at ?? new Date().toISOString()
  return [
    entry.mapId,
    entry.stakeholderId,
    entry.participant.name,
    entry.participant.role,
    entry.kind,
    JSON.stringify(entry.fields ?? []),
    JSON.stringify(entry.changes ?? []),
    entry.details === undefined ? null : JSON.stringify(entry.details),
    at,
    at,
  ]
}

/** The identity columns of an actor (`…_kind`, `…_id`; NULL when not known). */
export function identityValues(actor: Actor): [string | null, string | null] {
  return [actor.kind ?? null, actor.id ?? null]
}

/** A stored row as the API answers it. */
export function auditEntryFromRow(row: StoredAuditRow): AuditEntry {
  return {
    id: Number(row.id),
    kind: row.kind,
    stakeholderId: row.stakeholder_id,
    participant: actorOf(
      row.participant_name,
      row.participant_role,
      row.participant_kind,
      row.participant_id,
    ),
    fields: JSON.parse(row.fields) as string[],
    changes: row.changes === null ? null : (JSON.parse(row.changes) as AuditFieldChange[]),
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, AuditValue>),
    firstAt: row.first_at,
    lastAt: row.last_at,
  }
}

/**
 * The WHERE clause (after `map_id = <first placeholder>`) and its parameters for a query;
 * `placeholder(n)` writes the n-th (1-based) parameter in the store's syntax.
 */
export function auditWhere(
  mapId: string,
  query: AuditQuery,
  placeholder: (index: number) => string,
): { where: string; params: string[] } {
  const params: string[] = [mapId]
  const clauses = [`map_id = ${placeholder(1)}`]
  const add = (sql: string, value: string) => {
    params.push(value)
    clauses.push(sql.replace('?', placeholder(params.length)))
  }
  if (query.stakeholderId !== undefined) add('stakeholder_id = ?', query.stakeholderId)
  if (query.person !== undefined) add('participant_name = ?', query.person)
  if (query.from !== undefined) add('last_at >= ?', query.from)
  if (query.to !== undefined) add('first_at < ?', query.to)
  return { where: clauses.join(' AND '), params }
}

/** Who a row names: name and role, and the identity's kind and id where recorded. */
function actorOf(
  name: string,
  role: string | null,
  kind: string | null | undefined,
  id: string | null | undefined,
): Actor {
  const actor: Actor = { name, role: isRole(role) ? role : null }
  if (kind === 'guest' || kind === 'user') actor.kind = kind
  if (typeof id === 'string') actor.id = id
  return actor
}
