/**
 * Maps locked by an earlier version keep working (issue 19). That version's template lock
 * set tldraw's own `isLocked` on the frames and boards, which freezes every card inside
 * them too: in such a map the cards already in the matrix could not be moved. Today the lock
 * is the `facilitation.templateLocked` flag alone (keepLockedTemplateStill on every client,
 * checkTemplateLock on the server), so while it is on, an old `isLocked` on a frame or
 * board adds nothing but the freeze, and a card is never meant to be locked.
 *
 * Done by the client of an owner or facilitator once the map has synced: the server may
 * refuse editors' changes to a locked template's records, and in a workshop the facilitator
 * opens the map. Locking again clears them too (TemplateLockModel). Without the template
 * lock, an `isLocked` may be someone's own choice (tldraw's lock command) and is kept.
 */
import type { Editor, TLShape } from 'tldraw'
import type * as Y from 'yjs'
import { readTemplateLocked } from '../../shared/workshop/facilitationState'
import { coveredByTemplateLock } from '../../shared/workshop/templateLockScope'
import { STAKEHOLDER_CARD_TYPE } from '../shapes/stakeholder-card/stakeholderCardShape'

/** True for a shape whose `isLocked` only an earlier version's template lock explains. */
function frozenByOldLock(shape: TLShape): boolean {
  return shape.isLocked && (coveredByTemplateLock(shape) || shape.type === STAKEHOLDER_CARD_TYPE)
}

/** Clears old template locks in `doc`'s canvas (see the module comment); answers how many. */
export function clearOldTemplateLocks(editor: Editor, doc: Y.Doc): number {
  if (!readTemplateLocked(doc)) return 0
  const frozen = editor.getCurrentPageShapes().filter(frozenByOldLock)
  if (frozen.length === 0) return 0
  editor.run(
    () =>
      editor.updateShapes(
        frozen.map((shape) => ({ id: shape.id, type: shape.type, isLocked: false })),
      ),
    // tldraw skips a shape inside a locked frame.
    { ignoreShapeLock: true, history: 'ignore' },
  )
  return frozen.length
}
