/**
 * Cards that code moves onto a board for the user (showInBoard.ts: a score given in the
 * editor or register, a "show in …" button). tldraw reports such a move as the user's, like
 * a drag; cardPlacement.ts asks here so it does not read the region as the group's
 * judgement and score attributes nobody judged (a stakeholder given only power, moved into
 * the diagram, would get legitimacy and urgency "absent").
 *
 * Marked by id until cardPlacement has handled the move: a reparent and a move are two
 * changes, and tldraw may report them after the whole change has run.
 */
import type { Editor, TLShapeId } from 'tldraw'

const placements = new WeakMap<Editor, Set<TLShapeId>>()

/** Notes that code is about to move card `id` onto a board (only for a card not on one). */
export function markPlacedForUser(editor: Editor, id: TLShapeId) {
  let cards = placements.get(editor)
  if (!cards) placements.set(editor, (cards = new Set()))
  cards.add(id)
}

/** True while a move of card `id` is one code made for the user. */
export function isPlacedForUser(editor: Editor, id: TLShapeId): boolean {
  return placements.get(editor)?.has(id) ?? false
}

/** Called once the move has been handled; the card's next move is the user's again. */
export function forgetPlacedForUser(editor: Editor, id: TLShapeId) {
  placements.get(editor)?.delete(id)
}

const keptAsPlaced = new WeakMap<Editor, Set<TLShapeId>>()

/**
 * Notes that code creates card `id` on a board at a spot chosen to cover no other card
 * (bringing a table into the plenary, ../workshop/tableGroups.ts): cardPlacement.ts neither
 * reads scores off it nor snaps it onto its scores' exact point, where another card may be.
 */
export function markKeptAsPlaced(editor: Editor, id: TLShapeId) {
  let cards = keptAsPlaced.get(editor)
  if (!cards) keptAsPlaced.set(editor, (cards = new Set()))
  cards.add(id)
}

/** True once for a card marked with {@link markKeptAsPlaced}; the mark is then gone. */
export function takeKeptAsPlaced(editor: Editor, id: TLShapeId): boolean {
  return keptAsPlaced.get(editor)?.delete(id) ?? false
}
