/**
 * What both stores do alike with audit rows: merging the changes of one participant's row
 * within the window, turning a stored row into an {@link AuditEntry}, and the WHERE clause
 * of a filtered listing (each store supplies its placeholder style).
 *
 * A row's `changes` column is JSON (an array of {@link AuditFieldChange}); NULL marks rows
 * stored before values were recorded, which are never merged into and list as `null`.
 */
import type {
  AuditEntry,
  AuditFieldChange,
  AuditQuery,
  AuditValue,
} from '../../shared/protocol/accessApi'
import { AUDIT_CHANGE_KIND } from '../../shared/protocol/accessApi'
import { isRole } from '../../shared/protocol/roles'

/** An audit row as both stores read it. */
export interface StoredAuditRow {
  id: number | string
  kind: string
  stakeholder_id: string
  participant_name: string
  participant_role: string | null
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

/** A stored row as the API answers it. */
export function auditEntryFromRow(row: StoredAuditRow): AuditEntry {
  return {
    id: Number(row.id),
    kind: row.kind,
    stakeholderId: row.stakeholder_id,
    participant: {
      name: row.participant_name,
      role: isRole(row.participant_role) ? row.participant_role : null,
    },
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

/** The kind of rows made from edits (the only kind merged within the window). */
export { AUDIT_CHANGE_KIND }
