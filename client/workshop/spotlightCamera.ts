/**
 * Where the camera goes for a spotlight: the card in the middle of the screen, filling the
 * same share of it on every screen (a projector and a laptop alike), never closer than
 * tldraw's closest zoom. Room is left around it for the votes and scores drawn below a card.
 */

/** The share of the screen's width or height (whichever is reached first) the card fills. */
export const SPOTLIGHT_FILL = 0.7

/** The closest a spotlight zooms: tldraw's largest zoom step (800 %). */
export const SPOTLIGHT_MAX_ZOOM = 8

interface Area {
  x: number
  y: number
  w: number
  h: number
}

/** The camera (tldraw's x, y, z) that shows `card` (page area) on a `screen` of w × h. */
export function spotlightCamera(card: Area, screen: { w: number; h: number }) {
  const z = Math.min(
    (screen.w * SPOTLIGHT_FILL) / card.w,
    (screen.h * SPOTLIGHT_FILL) / card.h,
    SPOTLIGHT_MAX_ZOOM,
  )
  return {
    x: screen.w / 2 / z - (card.x + card.w / 2),
    y: screen.h / 2 / z - (card.y + card.h / 2),
    z,
  }
}
