/**
 * Which shapes "lock the template" covers: every frame and every board (influence × impact
 * matrix, salience diagram) of the page, the tables' areas included, so none can be dragged
 * or resized by accident while a group works. Cards, notes, arrows and drawings stay free:
 * they are what the group moves. The type names are the ones client/shapes registers.
 */

/** Shape types the template lock covers. */
export const TEMPLATE_LOCKED_TYPES: readonly string[] = [
  'frame',
  'influence-impact-matrix',
  'salience-diagram',
]

/** The shapes of a page that the template lock covers, in the order given. */
export function templateLockScope<Shape extends { type: string }>(
  shapes: readonly Shape[],
): Shape[] {
  return shapes.filter((shape) => TEMPLATE_LOCKED_TYPES.includes(shape.type))
}
