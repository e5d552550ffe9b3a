/**
 * Which shapes "lock the template" covers: every frame and every board (influence × impact
 * matrix, salience diagram) of the page, the tables' areas included, so none can be dragged
 * or resized by accident while a group works. Cards, notes, arrows and drawings stay free:
 * they are what the group moves. The type names are the ones client/shapes registers.
 *
 * The same rule serves the client (which keeps covered shapes still while the lock is on)
 * and the server (which refuses editors' updates that change a covered shape record,
 * server/rooms/checkTemplateLock.ts).
 */

/** Shape types the template lock covers. */
export const TEMPLATE_LOCKED_TYPES: readonly string[] = [
  'frame',
  'influence-impact-matrix',
  'salience-diagram',
]

/** True when the template lock covers a shape of type `type`. */
export function coveredByTemplateLock(shape: { type: string }): boolean {
  return TEMPLATE_LOCKED_TYPES.includes(shape.type)
}

/** The shapes of a page that the template lock covers, in the order given. */
export function templateLockScope<Shape extends { type: string }>(
  shapes: readonly Shape[],
): Shape[] {
  return shapes.filter(coveredByTemplateLock)
}
