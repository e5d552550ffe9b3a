/**
 * The audit trail's view of a room: it reads each transaction a peer made on one of the
 * map's documents and turns it into audit changes, one per stakeholder, which it hands to
 * the store after the room's next commit (one more transaction per batch, not per edit).
 *
 * What is kept, per changed field of a stakeholder:
 * - scores, yes/no fields and classifications (codes of closed vocabularies): the old and
 *   the new value (`value`); a value that is not what the field allows is kept as `text`;
 * - free text (name, interests, notes, ...): only that it changed (`text`);
 * - impacts and engagement log entries (maps of entries): that they changed (`changed`);
 * - the record itself: `added` or `removed`;
 * - the confidential document (contacts, confidential log entries): only that the
 *   confidential part of the stakeholder changed, never which part or how, because the
 *   audit trail is read by roles that may not know more.
 * Book-keeping fields (`updatedAt`, `createdAt`, `schemaVersion`) are named, not detailed.
 */
import * as Y from 'yjs'
import type { Logger } from 'pino'
import {
  ERASURES_MAP,
  CONTACTS_MAP,
  type MapDocumentName,
  STAKEHOLDER_ANSWERS_MAP,
  STAKEHOLDERS_MAP,
} from '../../shared/document/mapDocumentLayout'
import type { AuditFieldChange, AuditValue, Actor } from '../../shared/protocol/accessApi'
import {
  ATTITUDES,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  VALUE_CHAIN_POSITIONS,
} from '../../shared/stakeholder/Stakeholder'
import type { AuditChange, MapStore } from '../storage/MapStore'

/** The field name under which changes of the confidential document are audited. */
export const CONFIDENTIAL_AUDIT_FIELD = 'confidential'

/** The field name under which a stakeholder's answer to a confirmation link is audited. */
export const ANSWER_AUDIT_FIELD = 'stakeholderAnswer'

/** The field name for a stakeholder record added or removed as a whole. */
export const RECORD_AUDIT_FIELD = 'record'

const NUMBER_FIELDS = new Set(['power', 'legitimacy', 'urgency', 'influence', 'impact'])
const BOOLEAN_FIELDS = new Set(['affected', 'vulnerable'])
const CODE_FIELDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['kind', STAKEHOLDER_KINDS],
  ['category', STAKEHOLDER_CATEGORIES],
  ['valueChainPosition', VALUE_CHAIN_POSITIONS],
  ['attitude', ATTITUDES],
  ['engagementStatus', ENGAGEMENT_STATUSES],
  ['engagementLevel', ENGAGEMENT_LEVELS],
])
/** Named in `fields` but with no change of their own: every edit touches them. */
const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'createdAt', 'schemaVersion', 'id'])

/** What one transaction changed of one stakeholder. */
export interface StakeholderAuditChanges {
  fields: Set<string>
  changes: Map<string, AuditFieldChange>
}

/**
 * The audit changes of one transaction on a map's document, per stakeholder id. Must run
 * in the document's `afterTransaction` handler (the transaction's events are read).
 */
export function auditChangesOf(
  transaction: Y.Transaction,
  document: MapDocumentName,
): Map<string, StakeholderAuditChanges> {
  const result = new Map<string, StakeholderAuditChanges>()
  const note = (stakeholderId: unknown, field: string, change: AuditFieldChange | null) => {
    if (typeof stakeholderId !== 'string') return
    const entry = result.get(stakeholderId) ?? { fields: new Set(), changes: new Map() }
    entry.fields.add(field)
    if (change !== null && !entry.changes.has(field)) entry.changes.set(field, change)
    result.set(stakeholderId, entry)
  }
  for (const [type, keys] of transaction.changed) {
    const path = pathFromRoot(type)
    // The erasure register is the server's; the erasure route records its own audit row.
    if (path === null || path.root === ERASURES_MAP) continue
    const [stakeholderId, field] = path.keys
    if (document === 'confidential') {
      // Which part changed would already say too much to the audit trail's readers.
      const changed: AuditFieldChange = { field: CONFIDENTIAL_AUDIT_FIELD, kind: 'changed' }
      if (stakeholderId === undefined) {
        for (const key of keys) note(key, CONFIDENTIAL_AUDIT_FIELD, changed)
      } else note(stakeholderId, CONFIDENTIAL_AUDIT_FIELD, changed)
    } else if (path.root === STAKEHOLDERS_MAP) {
      if (stakeholderId === undefined) {
        for (const key of keys) {
          if (key === null) continue
          const action = keyChange(transaction, type, key)?.action
          const kind = action === 'add' ? 'added' : action === 'delete' ? 'removed' : 'changed'
          note(key, RECORD_AUDIT_FIELD, { field: RECORD_AUDIT_FIELD, kind })
        }
      } else if (field === undefined) {
        for (const key of keys) {
          if (key === null) continue
          note(stakeholderId, key, fieldChange(transaction, type, key))
        }
      } else note(stakeholderId, field, { field, kind: 'changed' })
    } else if (path.root === STAKEHOLDER_ANSWERS_MAP) {
      // A stakeholder's answer to a confirmation link (server-written): that one came in.
      const changed: AuditFieldChange = { field: ANSWER_AUDIT_FIELD, kind: 'changed' }
      if (stakeholderId === undefined) {
        for (const key of keys) note(key, ANSWER_AUDIT_FIELD, changed)
      } else note(stakeholderId, ANSWER_AUDIT_FIELD, changed)
    } else if (path.root === CONTACTS_MAP) {
      // The legacy place of contacts: that they changed, nothing of them.
      const changed: AuditFieldChange = { field: 'contacts', kind: 'changed' }
      if (stakeholderId === undefined) for (const key of keys) note(key, 'contacts', changed)
      else note(stakeholderId, 'contacts', changed)
    }
  }
  return result
}

/** What the audit trail keeps of one changed key of a stakeholder's map; null: nothing. */
function fieldChange(
  transaction: Y.Transaction,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any map type will do
  type: Y.AbstractType<any>,
  key: string,
): AuditFieldChange | null {
  if (BOOKKEEPING_FIELDS.has(key)) return null
  const now: unknown = type instanceof Y.Map ? type.get(key) : undefined
  const change = keyChange(transaction, type, key)
  const before: unknown = change?.action === 'add' ? undefined : change?.oldValue
  if (now instanceof Y.AbstractType || before instanceof Y.AbstractType || Array.isArray(now)) {
    return { field: key, kind: 'changed' }
  }
  const from = auditValue(key, before)
  const to = auditValue(key, now)
  if (from === undefined || to === undefined) return { field: key, kind: 'text' }
  if (from === to) return null
  return { field: key, kind: 'value', from, to }
}

/**
 * A value the audit trail may keep for `field`: null for no value, a finite number for a
 * score, a boolean for a yes/no field, an allowed code for a classification; undefined
 * when the field's values are not kept (free text) or the value is not one it allows.
 */
function auditValue(field: string, value: unknown): AuditValue | undefined {
  const codes = CODE_FIELDS.get(field)
  const kept = NUMBER_FIELDS.has(field) || BOOLEAN_FIELDS.has(field) || codes !== undefined
  if (!kept) return undefined
  if (value === null || value === undefined) return null
  if (NUMBER_FIELDS.has(field)) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
  }
  if (BOOLEAN_FIELDS.has(field)) return typeof value === 'boolean' ? value : undefined
  return typeof value === 'string' && codes?.includes(value) === true ? value : undefined
}

/** The transaction's change of `key` in a map type (its action and old value). */
function keyChange(
  transaction: Y.Transaction,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any map type will do
  type: Y.AbstractType<any>,
  key: string,
): { action: 'add' | 'update' | 'delete'; oldValue: unknown } | undefined {
  const event = transaction.changedParentTypes.get(type)?.find((each) => each.target === type)
  return event?.changes.keys.get(key)
}

/** The root name of `type` and the map keys leading from the root down to it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event type will do
export function pathFromRoot(type: Y.AbstractType<any>): { root: string; keys: string[] } | null {
  const keys: string[] = []
  let current = type
  while (current._item !== null) {
    const item = current._item
    if (item.parentSub === null || !(item.parent instanceof Y.AbstractType)) return null
    keys.unshift(item.parentSub)
    current = item.parent
  }
  return { root: Y.findRootTypeKey(current), keys }
}

/** Settings of an {@link AuditRecorder}. */
export interface AuditRecorderOptions {
  mapId: string
  document: MapDocumentName
  store: MapStore
  logger: Logger
  /** A participant's rows of one stakeholder merge within this window. */
  windowMs: number
}

/** Collects a room's audit changes and writes them after each commit. */
export class AuditRecorder {
  private queue: AuditChange[] = []

  constructor(private readonly options: AuditRecorderOptions) {}

  /**
   * Notes what the participant `actor` names changed in `transaction` (call from
   * `afterTransaction`). `actor` is asked only when something audited changed: most edits
   * (the canvas, facilitation) are not audited, and naming the participant reads presence.
   */
  observe(transaction: Y.Transaction, actor: () => Actor): void {
    const changes = auditChangesOf(transaction, this.options.document)
    if (changes.size === 0) return
    const participant = actor()
    const at = new Date().toISOString()
    for (const [stakeholderId, { fields, changes: detail }] of changes) {
      this.queue.push({
        mapId: this.options.mapId,
        stakeholderId,
        participant,
        fields: [...fields],
        changes: [...detail.values()],
        at,
      })
    }
  }

  /** Writes what was noted; called once the updates it describes are committed. */
  write(): void {
    if (this.queue.length === 0) return
    const changes = this.queue
    this.queue = []
    this.options.store.recordAudit(changes, this.options.windowMs).catch((error: unknown) => {
      // The map is stored; only the attribution of these edits is lost.
      this.options.logger.error(
        { err: error, mapId: this.options.mapId },
        'could not record audit rows',
      )
    })
  }
}
