/**
 * The template lock: the facilitator locks the page's frames and boards
 * (shared/workshop/templateLockScope.ts) so nobody drags or resizes them by accident, while
 * the cards inside stay free. The shapes are locked through the editor, so the canvas
 * binding writes them like any canvas change; the flag in `facilitation` tells every
 * facilitator's checkbox the lock is on.
 */
import { type Editor, computed } from 'tldraw'
import { templateLockScope } from '../../../shared/workshop/templateLockScope'
import type { WorkshopDocument } from './WorkshopDocument'

/** Locking and unlocking the template. */
export class TemplateLockModel {
  /** True while the template is locked. */
  readonly locked = computed(
    'template locked',
    () => this.document.facilitation.get().templateLocked,
  )

  constructor(private readonly document: WorkshopDocument) {}

  /** Locks (or unlocks) every frame and board on the editor's current page. */
  setLocked(editor: Editor, locked: boolean) {
    const boards = templateLockScope(editor.getCurrentPageShapes())
    editor.run(
      () =>
        editor.updateShapes(
          boards.map((shape) => ({ id: shape.id, type: shape.type, isLocked: locked })),
        ),
      // tldraw skips a shape inside a locked frame, which someone may have locked by hand.
      { ignoreShapeLock: true },
    )
    this.document.setFacilitation('templateLocked', locked)
  }
}
