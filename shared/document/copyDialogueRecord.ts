/**
 * Copies a dialogue record's stored fields from one Y.Map into another, as they are (valid
 * or not: either may hold an edit that was never synced): plain values replace the target's
 * when they differ, a nested Y.Map (a plan's `invited`, an evaluation's `elements`) is copied
 * entry by entry. Other shared types are not part of the layout (dialogueDocument.ts) and
 * are left behind. Used where a record moves between a map's two documents.
 */
import * as Y from 'yjs'

/** The Y.Map under `key` of `parent`, made when missing. */
export function childMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key)
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>
  const created = new Y.Map<unknown>()
  parent.set(key, created)
  return created
}

/** Sets `value` under `key` unless it is already there. */
export function copyValue(target: Y.Map<unknown>, key: string, value: unknown): void {
  if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value)
}

/** Copies `source`'s fields into `target` (see the module). */
export function copyDialogueRecord(source: Y.Map<unknown>, target: Y.Map<unknown>): void {
  source.forEach((value, key) => {
    if (value instanceof Y.Map) {
      copyDialogueRecord(value as Y.Map<unknown>, childMap(target, key))
    } else if (!(value instanceof Y.AbstractType)) copyValue(target, key, value)
  })
}
