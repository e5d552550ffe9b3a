import { BaseFrameLikeShapeUtil, type TLBaseBoxShape, type TLShape } from 'tldraw'
import { STAKEHOLDER_CARD_TYPE } from './stakeholder-card/stakeholderCardShape'
import { cardOverflowsBoards } from './cardsOverflowBoards'
import { boxIndicatorPath } from './RecordBoardShapeUtil'

/**
 * What the matrix and the salience diagram have in common: frame-like boards that take
 * stakeholder cards as children (and nothing else, and nothing while locked), are not
 * edited in place, and are outlined by their rectangle when selected.
 */
export abstract class StakeholderBoardShapeUtil<
  Shape extends TLBaseBoxShape,
> extends BaseFrameLikeShapeUtil<Shape> {
  override canReceiveNewChildrenOfType(shape: Shape, type: TLShape['type']) {
    return !shape.isLocked && type === STAKEHOLDER_CARD_TYPE
  }

  override canEdit() {
    return false
  }

  /** Cards are cut at the board's edge, except on a projector (cardsOverflowBoards.ts). */
  override shouldClipChild(child: TLShape) {
    return !cardOverflowsBoards(this.editor, child) && super.shouldClipChild(child)
  }

  override getIndicatorPath(shape: Shape) {
    return boxIndicatorPath(shape)
  }
}
