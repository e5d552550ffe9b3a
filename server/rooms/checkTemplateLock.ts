/**
 * The template lock, enforced (issue 19). While `facilitation.templateLocked` is on, the
 * frames and boards the lock covers (shared/workshop/templateLockScope.ts) may be changed
 * only by owners and facilitators; an update from any other role that would replace or
 * delete one of their records in the `tldraw` root is refused as a whole, before it is
 * applied. A tldraw record is one value under its id, so moving, resizing, renaming or
 * flipping `isLocked` all replace that value (a new Item under the record's key, which
 * checkUpdateShape hands to {@link TemplateLockCheck.checkItem}), and deleting it is a
 * deletion of the Item that holds it now (the update's delete set,
 * {@link TemplateLockCheck.checkDeletions}). Writing back the value the record already has
 * changes nothing and is let through. Cards, notes and arrows are not covered: they stay
 * free inside a locked board. Creating a new frame is not refused (it is no part of the
 * template the facilitator locked). The lock flag itself lives in `facilitation`, which
 * only owners and facilitators may write (authorizeUpdate).
 */
import * as Y from 'yjs'
import { TLDRAW_RECORDS_MAP } from '../../shared/document/mapDocumentLayout'
import { canFacilitate, type Role } from '../../shared/protocol/roles'
import { readTemplateLocked } from '../../shared/workshop/facilitationState'
import { coveredByTemplateLock } from '../../shared/workshop/templateLockScope'
import type { DecodedUpdate } from './DecodedUpdate'
import type { ItemCheck } from './checkUpdateShape'
import { deepEqual } from './deepEqual'

/** The reason a refused update is closed with. */
export const TEMPLATE_LOCKED_REASON = 'the template is locked: only facilitators may change it'

/** The two halves of the check: new Items, and deletions of what the document holds. */
export interface TemplateLockCheck {
  checkItem: ItemCheck
  checkDeletions: (decoded: DecodedUpdate) => string | null
}

/** The shape records the lock covers now: record id → the Item holding its value. */
function coveredRecords(doc: Y.Doc): Map<string, Y.Item> {
  const covered = new Map<string, Y.Item>()
  if (!doc.share.has(TLDRAW_RECORDS_MAP)) return covered
  const records = doc.getMap<unknown>(TLDRAW_RECORDS_MAP)
  for (const [id, item] of records._map) {
    if (item.deleted) continue
    const record = records.get(id)
    if (typeof record !== 'object' || record === null) continue
    const { typeName, type } = record as { typeName?: unknown; type?: unknown }
    if (typeName === 'shape' && typeof type === 'string' && coveredByTemplateLock({ type })) {
      covered.set(id, item)
    }
  }
  return covered
}

/**
 * The check for an update from `role` to `doc` (the map document); null when nothing needs
 * checking: the role may change the template, or the template is not locked.
 */
export function checkTemplateLock(doc: Y.Doc, role: Role): TemplateLockCheck | null {
  if (canFacilitate(role)) return null
  if (!readTemplateLocked(doc)) return null
  const covered = coveredRecords(doc)
  if (covered.size === 0) return null
  const records = doc.getMap<unknown>(TLDRAW_RECORDS_MAP)
  /** Covered records this update writes back unchanged: it deletes their old Item. */
  const rewritten = new Set<string>()
  return {
    checkItem: (location, item) => {
      if (location.root !== TLDRAW_RECORDS_MAP || location.path.length > 0) return null
      const key = location.key
      const current = key === null ? undefined : covered.get(key)
      if (key === null || current === undefined) return null
      // The same value, placed right after the one the document holds, so it stays the
      // record's value (a deleted Item, or one placed earlier, would delete the record).
      const unchanged =
        item.content instanceof Y.ContentAny &&
        item.content.arr.length === 1 &&
        deepEqual(item.content.arr[0], records.get(key)) &&
        item.origin !== null &&
        Y.compareIDs(item.origin, current.lastId) &&
        item.rightOrigin === null
      if (!unchanged) return TEMPLATE_LOCKED_REASON
      rewritten.add(key)
      return null
    },
    checkDeletions: (decoded) => {
      const ranges = (
        decoded.ds as unknown as { clients: Map<number, { clock: number; len: number }[]> }
      ).clients
      for (const [key, item] of covered) {
        if (rewritten.has(key)) continue
        const list = ranges.get(item.id.client)
        if (list === undefined) continue
        // Not Y.isDeleted: a hostile delete set need not be sorted.
        const { clock } = item.id
        const end = clock + item.length
        if (list.some((range) => range.clock < end && clock < range.clock + range.len)) {
          return TEMPLATE_LOCKED_REASON
        }
      }
      return null
    },
  }
}
