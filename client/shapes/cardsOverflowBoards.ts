/**
 * On a projector a card's name grows out of the card (cardRendering.ts, presenter mode) so it
 * can be read from the back of the room; a board or frame cutting it off at its edge would
 * leave "Municip". So while presenting, boards and frames do not clip the cards in them.
 * Read by tldraw inside its clip-path cache, so switching presenter mode re-clips at once.
 */
import { type Editor, FrameShapeUtil, type TLShape } from 'tldraw'
import { isPresenting } from '../map/presenterMode'
import { STAKEHOLDER_CARD_TYPE } from './stakeholder-card/stakeholderCardShape'

/** Whether a board or frame leaves `child` uncut. Reactive. */
export function cardOverflowsBoards(editor: Editor, child: TLShape): boolean {
  return child.type === STAKEHOLDER_CARD_TYPE && isPresenting(editor)
}

/** tldraw's frame, which lets cards' names out while presenting. */
export class FrameLettingCardNamesOut extends FrameShapeUtil {
  override shouldClipChild(child: TLShape) {
    return !cardOverflowsBoards(this.editor, child) && super.shouldClipChild(child)
  }
}
