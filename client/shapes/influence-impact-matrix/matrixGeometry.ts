/**
 * Geometry of the influence × impact matrix: where a score pair sits inside the shape, and
 * which scores a point inside it stands for. Pure functions, shared by the shape's
 * rendering, the drop handling, the readout while dragging and the tests.
 *
 * Impact (the company's on the stakeholder) runs left → right, influence (the
 * stakeholder's on the company) bottom → top, both from 1 to 5, so "manage closely" is the
 * top-right quadrant and "empower" (the affected with little voice) the bottom-right.
 */

/** Lowest and highest score on each axis. */
export const SCORE_MIN = 1
export const SCORE_MAX = 5

/** Room around the plot for the title, the axis labels and the tick numbers. */
export const MATRIX_MARGIN = { top: 64, right: 24, bottom: 72, left: 84 } as const

/**
 * Scores read off a position are snapped to this step. A hand placing a card means "about
 * 3.5", not 3.49: the record must not claim a precision nobody meant.
 */
const SCORE_STEP = 0.5

/** A point in the matrix shape's own coordinates. */
export interface Point {
  x: number
  y: number
}

/** The plot area (the 1–5 × 1–5 square) inside a matrix of size `w` × `h`. */
export function plotArea(w: number, h: number) {
  const left = MATRIX_MARGIN.left
  const top = MATRIX_MARGIN.top
  const width = Math.max(1, w - MATRIX_MARGIN.left - MATRIX_MARGIN.right)
  const height = Math.max(1, h - MATRIX_MARGIN.top - MATRIX_MARGIN.bottom)
  return { left, top, width, height, right: left + width, bottom: top + height }
}

function clampScore(value: number): number {
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, value))
}

/** `value` on the scale, to the nearest {@link SCORE_STEP}. */
export function snapScore(value: number): number {
  return clampScore(Math.round(value / SCORE_STEP) * SCORE_STEP)
}

/** The point inside a `w` × `h` matrix where a stakeholder with these scores belongs. */
export function pointForScores(
  scores: { influence: number; impact: number },
  w: number,
  h: number,
) {
  const plot = plotArea(w, h)
  const span = SCORE_MAX - SCORE_MIN
  return {
    x: plot.left + ((clampScore(scores.impact) - SCORE_MIN) / span) * plot.width,
    y: plot.bottom - ((clampScore(scores.influence) - SCORE_MIN) / span) * plot.height,
  }
}

/**
 * The scores a card dropped at a point inside a `w` × `h` matrix gets: clamped to 1–5 and
 * snapped to the nearest half point, so that `scoresForPoint(pointForScores(s))` gives `s`
 * back for any half-point `s`.
 */
export function scoresForPoint(point: Point, w: number, h: number) {
  const plot = plotArea(w, h)
  const span = SCORE_MAX - SCORE_MIN
  return {
    impact: snapScore(SCORE_MIN + ((point.x - plot.left) / plot.width) * span),
    influence: snapScore(SCORE_MIN + ((plot.bottom - point.y) / plot.height) * span),
  }
}

/** True when `point` lies inside the plot area (where a dropped card gets scores). */
export function isInPlot(point: Point, w: number, h: number): boolean {
  const plot = plotArea(w, h)
  return (
    point.x >= plot.left && point.x <= plot.right && point.y >= plot.top && point.y <= plot.bottom
  )
}
