import { BaseBoxShapeUtil, type TLBaseBoxShape } from 'tldraw'

/**
 * What the boards that show a record have in common (the case card, the example and the
 * worksheets of phase 2, the self-assessment board, the follow-up records): a rectangle that
 * resizes as a box (tldraw's BaseBoxShapeUtil gives the geometry and the resize) and is
 * outlined by that rectangle when selected.
 */
export abstract class RecordBoardShapeUtil<
  Shape extends TLBaseBoxShape,
> extends BaseBoxShapeUtil<Shape> {
  override canResize() {
    return true
  }

  override getIndicatorPath(shape: Shape) {
    return boxIndicatorPath(shape)
  }
}

/** A box shape's outline when selected: its rectangle. */
export function boxIndicatorPath(shape: TLBaseBoxShape): Path2D {
  const path = new Path2D()
  path.rect(0, 0, shape.props.w, shape.props.h)
  return path
}
