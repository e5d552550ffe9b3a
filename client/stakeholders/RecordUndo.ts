/**
 * Undo and redo of this person's own edits of stakeholder records, over both of a map's
 * documents: the map document's `stakeholders` and, for owners and facilitators, the
 * confidential document's contacts and confidential log entries.
 *
 * Yjs' undo manager only tracks transactions with this client's origin, so someone else's
 * edit is never undone; but one manager covers one document, so there is one per document.
 * Each stack item is stamped with the time it was last added to; undo takes the newest item
 * of either manager, redo likewise, so the two behave as one history. (The canvas has
 * tldraw's own undo, which likewise only covers local changes.)
 */
import * as Y from 'yjs'
import {
  confidentialLogMap,
  contactsMap,
  stakeholdersMap,
} from '../../shared/document/stakeholderDocument'

/** Typing a name and tabbing to the next field is one step, not one per field. */
const CAPTURE_TIMEOUT_MS = 800
const STAMP = 'at'

interface StampedItem {
  meta: Map<unknown, unknown>
}

/** The record undo of one map session; see the module comment. */
export class RecordUndo {
  private readonly managers: Y.UndoManager[]
  private readonly listeners = new Set<() => void>()
  private clock = 0

  constructor(doc: Y.Doc, origin: unknown, confidential: Y.Doc | null = null) {
    const options = { trackedOrigins: new Set([origin]), captureTimeout: CAPTURE_TIMEOUT_MS }
    this.managers = [new Y.UndoManager([stakeholdersMap(doc)], options)]
    if (confidential !== null) {
      const roots = [contactsMap(confidential), confidentialLogMap(confidential)]
      this.managers.push(new Y.UndoManager(roots, options))
    }
    for (const manager of this.managers) {
      manager.on('stack-item-added', this.stamp)
      manager.on('stack-item-updated', this.stamp)
      manager.on('stack-item-popped', this.notify)
      manager.on('stack-cleared', this.notify)
    }
  }

  /** Steps that can be undone. */
  get undoSize(): number {
    return this.managers.reduce((sum, manager) => sum + manager.undoStack.length, 0)
  }

  /** Steps that can be redone. */
  get redoSize(): number {
    return this.managers.reduce((sum, manager) => sum + manager.redoStack.length, 0)
  }

  /** Undoes this person's newest record edit, in whichever document it was. */
  undo(): void {
    this.newest((manager) => manager.undoStack)?.undo()
  }

  /** Redoes the edit undone last. */
  redo(): void {
    this.newest((manager) => manager.redoStack)?.redo()
  }

  /** Calls `listener` whenever what can be undone or redone changes; answers an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.listeners.clear()
    for (const manager of this.managers) manager.destroy()
  }

  private newest(stack: (manager: Y.UndoManager) => StampedItem[]): Y.UndoManager | undefined {
    let best: { manager: Y.UndoManager; at: number } | undefined
    for (const manager of this.managers) {
      const top = stack(manager).at(-1)
      const at = (top?.meta.get(STAMP) as number | undefined) ?? -1
      if (top !== undefined && (best === undefined || at > best.at)) best = { manager, at }
    }
    return best?.manager
  }

  private readonly stamp = ({ stackItem }: { stackItem: StampedItem }): void => {
    // A counter, not a clock: two steps in one millisecond still have an order.
    stackItem.meta.set(STAMP, ++this.clock)
    this.notify()
  }

  private readonly notify = (): void => {
    for (const listener of this.listeners) listener()
  }
}
