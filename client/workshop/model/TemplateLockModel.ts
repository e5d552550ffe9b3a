/**
 * The template lock: the facilitator locks the page's frames and boards
 * (shared/workshop/templateLockScope.ts) so nobody drags or resizes them by accident, while
 * the cards inside stay free. The flag in `facilitation` is the lock: every client keeps the
 * covered shapes still while it is on (client/workshop/keepLockedTemplateStill.ts) and the
 * server refuses editors' changes to them. tldraw's own `isLocked` is not used: it would
 * freeze the cards inside a board too. Earlier versions set it; locking or unlocking clears
 * it again.
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

  /** Locks (or unlocks) the template; clears tldraw locks an earlier version set. */
  setLocked(editor: Editor, locked: boolean) {
    // Unlocked first, so the shapes may be changed (keepLockedTemplateStill).
    if (!locked) this.document.setFacilitation('templateLocked', false)
    const frozen = templateLockScope(editor.getCurrentPageShapes()).filter(
      (shape) => shape.isLocked,
    )
    if (frozen.length > 0) {
      editor.run(
        () =>
          editor.updateShapes(
            frozen.map((shape) => ({ id: shape.id, type: shape.type, isLocked: false })),
          ),
        // tldraw skips a shape inside a locked frame.
        { ignoreShapeLock: true },
      )
    }
    if (locked) this.document.setFacilitation('templateLocked', true)
  }
}
