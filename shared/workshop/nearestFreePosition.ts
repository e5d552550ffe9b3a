/**
 * Where to put a card so that it covers none already there: the free spot nearest to where
 * it belongs. Bringing a table's result into the plenary board places each card by its
 * stakeholder's scores; two stakeholders scored alike, or a card the plenary already holds at
 * that point, would otherwise end up under one another and look like one card.
 *
 * Pure and deterministic (a grid search around the wanted spot, ties broken by position), so
 * every client computing it for the same board finds the same spot.
 */

/** A rectangle in the board's own coordinates (top-left corner and size). */
export interface BoardRect {
  x: number
  y: number
  w: number
  h: number
}

/** The space kept between two cards, so they read as two. */
export const CARD_CLEARANCE = 8

/** True when `a` and `b` overlap or come closer than `clearance`. */
export function rectsTouch(a: BoardRect, b: BoardRect, clearance = CARD_CLEARANCE): boolean {
  return (
    a.x < b.x + b.w + clearance &&
    b.x < a.x + a.w + clearance &&
    a.y < b.y + b.h + clearance &&
    b.y < a.y + a.h + clearance
  )
}

/**
 * The top-left corner nearest to `wanted` at which a card of `size` lies inside `board`
 * (0,0 to board.w, board.h) and clear of every rectangle in `occupied`. When the board has
 * no free spot, answers `wanted` kept inside the board: a covered card beats a lost one.
 */
export function nearestFreePosition(
  wanted: { x: number; y: number },
  size: { w: number; h: number },
  board: { w: number; h: number },
  occupied: readonly BoardRect[],
): { x: number; y: number } {
  return (
    freeSpotIn(wanted, size, board, occupied, { x: 0, y: 0, w: board.w, h: board.h }) ??
    clampedInto(wanted, size, board)
  )
}

/** `wanted` moved the least to put a card of `size` inside `board`. */
function clampedInto(
  wanted: { x: number; y: number },
  size: { w: number; h: number },
  board: { w: number; h: number },
) {
  const clamp = (value: number, max: number) => Math.min(Math.max(0, max), Math.max(0, value))
  return { x: clamp(wanted.x, board.w - size.w), y: clamp(wanted.y, board.h - size.h) }
}

/**
 * The free top-left corner nearest to `wanted` among those in `range` (its x, y, w, h bound
 * the corner itself) that keep the card inside `board`; null when there is none.
 */
function freeSpotIn(
  wanted: { x: number; y: number },
  size: { w: number; h: number },
  board: { w: number; h: number },
  occupied: readonly BoardRect[],
  range: BoardRect,
): { x: number; y: number } | null {
  const minX = Math.max(0, range.x)
  const minY = Math.max(0, range.y)
  const maxX = Math.min(board.w - size.w, range.x + range.w)
  const maxY = Math.min(board.h - size.h, range.y + range.h)
  if (maxX < minX || maxY < minY) return null
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
  const start = { x: clamp(wanted.x, minX, maxX), y: clamp(wanted.y, minY, maxY) }
  const isFree = (x: number, y: number) =>
    !occupied.some((other) => rectsTouch({ x, y, w: size.w, h: size.h }, other))
  if (isFree(start.x, start.y)) return start
  // A grid through the wanted spot, fine enough to find gaps a card fits in.
  const step = Math.max(4, Math.round(Math.min(size.w, size.h) / 4))
  let best: { x: number; y: number; distance: number } | null = null
  const xs = gridThrough(start.x, minX, maxX, step)
  const ys = gridThrough(start.y, minY, maxY, step)
  for (const y of ys) {
    for (const x of xs) {
      const distance = Math.hypot(x - wanted.x, y - wanted.y)
      if (best && distance >= best.distance) continue
      if (isFree(x, y)) best = { x, y, distance }
    }
  }
  return best ? { x: best.x, y: best.y } : null
}

/** Values from `min` to `max` spaced `step` apart through `through`, with both ends. */
function gridThrough(through: number, min: number, max: number, step: number): number[] {
  const values = new Set<number>([min, max])
  for (let value = through; value >= min; value -= step) values.add(value)
  for (let value = through + step; value <= max; value += step) values.add(value)
  return [...values].sort((a, b) => a - b)
}
