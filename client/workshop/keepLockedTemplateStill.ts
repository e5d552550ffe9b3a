/**
 * Keeps the template still while it is locked (`facilitation.templateLocked`), without
 * tldraw's own lock: a locked tldraw shape freezes its children too, so cards inside a
 * locked matrix could not be dragged and a card dropped on it was not placed. Instead, the
 * frames and boards the lock covers (shared/workshop/templateLockScope.ts) cannot be
 * selected, and this user's changes and deletions of them are undone before they reach the
 * store; cards, notes and arrows stay free, inside the boards too. The server refuses the
 * same changes from editors (server/rooms/checkTemplateLock.ts), so a client without this
 * guard cannot move the template either. Remote changes (a facilitator's, after unlocking)
 * pass, and so does clearing tldraw's own lock an earlier version set (clearOldTemplateLocks):
 * it changes nothing the lock keeps still.
 */
import { type Editor, type TLShape, type TLShapeId, atom } from 'tldraw'
import type * as Y from 'yjs'
import { FACILITATION_MAP } from '../../shared/document/mapDocumentLayout'
import { readTemplateLocked } from '../../shared/workshop/facilitationState'
import { coveredByTemplateLock } from '../../shared/workshop/templateLockScope'

/** Guards `editor` by the lock in `doc`; returns the function that stops it. */
export function keepLockedTemplateStill(editor: Editor, doc: Y.Doc): () => void {
  const locked = atom('template locked', readTemplateLocked(doc))
  const covered = (id: TLShapeId | null) => {
    const shape = id === null ? undefined : editor.getShape(id)
    return shape !== undefined && coveredByTemplateLock(shape)
  }
  const release = () => {
    const selected = editor.getSelectedShapeIds()
    const free = selected.filter((id) => !covered(id))
    if (free.length !== selected.length) editor.setSelectedShapes(free)
  }
  const facilitation = doc.getMap<unknown>(FACILITATION_MAP)
  const observe = () => {
    const now = readTemplateLocked(doc)
    if (now === locked.get()) return
    locked.set(now)
    if (now) release()
  }
  facilitation.observe(observe)

  const stopChange = editor.sideEffects.registerBeforeChangeHandler(
    'shape',
    (prev: TLShape, next: TLShape, source) =>
      source === 'user' && locked.get() && coveredByTemplateLock(prev) && !onlyUnlocks(prev, next)
        ? prev
        : next,
  )
  // Deleting a shape deletes what it holds, in one removal: the cards of a board whose
  // deletion is refused are spared too (the event comes just before the removal).
  const spared = new Set<TLShapeId>()
  const onDeleting = (ids: TLShapeId[]) => {
    if (!locked.get()) return
    for (const id of ids) {
      if (!covered(id)) continue
      editor.visitDescendants(id, (child) => {
        spared.add(child)
      })
    }
    if (spared.size > 0) queueMicrotask(() => spared.clear())
  }
  editor.on('deleted-shapes', onDeleting)
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || !locked.get()) return
    if (coveredByTemplateLock(shape) || spared.has(shape.id)) return false
  })
  const stopSelect = editor.sideEffects.registerBeforeChangeHandler(
    'instance_page_state',
    (_prev, next) => {
      if (!locked.get()) return next
      const selectedShapeIds = next.selectedShapeIds.filter((id) => !covered(id))
      const editingShapeId = covered(next.editingShapeId) ? null : next.editingShapeId
      if (
        selectedShapeIds.length === next.selectedShapeIds.length &&
        editingShapeId === next.editingShapeId
      ) {
        return next
      }
      return { ...next, selectedShapeIds, editingShapeId }
    },
  )
  if (locked.get()) release()
  return () => {
    facilitation.unobserve(observe)
    editor.off('deleted-shapes', onDeleting)
    stopChange()
    stopDelete()
    stopSelect()
  }
}

/** True when `next` is `prev` with tldraw's own lock taken off, and nothing else changed. */
function onlyUnlocks(prev: TLShape, next: TLShape): boolean {
  return (
    prev.isLocked &&
    !next.isLocked &&
    JSON.stringify({ ...next, isLocked: true }) === JSON.stringify(prev)
  )
}
