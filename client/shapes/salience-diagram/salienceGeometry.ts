/**
 * Geometry of the salience diagram: three overlapping circles for power, legitimacy and
 * urgency (Mitchell, Agle & Wood 1997). A point's region is the set of circles it lies in;
 * each of the seven regions (and "none", outside every circle) has an anchor where cards
 * of that class are placed. Pure functions, shared by rendering, drop handling and tests.
 */
import type { SalienceAttribute, SalienceClass } from '../../../shared/scoring/classifySalience'
import { classifySalience } from '../../../shared/scoring/classifySalience'

/** A point in the diagram shape's own coordinates. */
export interface Point {
  x: number
  y: number
}

/** A circle of the diagram. */
export interface Circle {
  attribute: SalienceAttribute
  cx: number
  cy: number
  r: number
}

/** Room above the circles for the title. */
const TITLE_HEIGHT = 56

/** The three circles of a diagram of size `w` × `h`, as large as fits. */
export function salienceCircles(w: number, h: number): Circle[] {
  // Centres on an equilateral triangle of side 1.1 r: the overlaps are large enough to hold
  // cards in every two- and three-attribute region.
  const availableH = Math.max(1, h - TITLE_HEIGHT)
  // Bounding box of the three circles: width = 2r + 1.1r, height = 2r + 0.953r.
  const r = Math.max(1, Math.min(w / 3.1, availableH / 2.953))
  const side = 1.1 * r
  const triangleH = (Math.sqrt(3) / 2) * side
  const cx = w / 2
  const top = TITLE_HEIGHT + (availableH - (2 * r + triangleH)) / 2 + r
  return [
    { attribute: 'power', cx: cx - side / 2, cy: top, r },
    { attribute: 'legitimacy', cx: cx + side / 2, cy: top, r },
    { attribute: 'urgency', cx, cy: top + triangleH, r },
  ]
}

/** The attributes whose circle contains `point`. */
export function attributesAt(point: Point, w: number, h: number): Set<SalienceAttribute> {
  const present = new Set<SalienceAttribute>()
  for (const circle of salienceCircles(w, h)) {
    if (Math.hypot(point.x - circle.cx, point.y - circle.cy) <= circle.r)
      present.add(circle.attribute)
  }
  return present
}

/** The salience class of the region containing `point`. */
export function classAt(point: Point, w: number, h: number): SalienceClass {
  const present = attributesAt(point, w, h)
  return classifySalience({
    power: present.has('power') ? 5 : null,
    legitimacy: present.has('legitimacy') ? 5 : null,
    urgency: present.has('urgency') ? 5 : null,
  })
}

/** The attributes present in each class's region. */
export const ATTRIBUTES_OF_CLASS: Readonly<Record<SalienceClass, readonly SalienceAttribute[]>> = {
  'non-stakeholder': [],
  dormant: ['power'],
  discretionary: ['legitimacy'],
  demanding: ['urgency'],
  dominant: ['power', 'legitimacy'],
  dangerous: ['power', 'urgency'],
  dependent: ['legitimacy', 'urgency'],
  definitive: ['power', 'legitimacy', 'urgency'],
}

/**
 * A point well inside the region of `salienceClass`: for one attribute, pushed away from
 * the other two circles; for two, between them and away from the third; for all three,
 * the centre. "non-stakeholder" sits in the bottom-left corner, outside every circle.
 */
export function regionAnchor(salienceClass: SalienceClass, w: number, h: number): Point {
  const circles = salienceCircles(w, h)
  const centroid = {
    x: circles.reduce((sum, c) => sum + c.cx, 0) / 3,
    y: circles.reduce((sum, c) => sum + c.cy, 0) / 3,
  }
  const inside = ATTRIBUTES_OF_CLASS[salienceClass]
  if (inside.length === 0) return { x: Math.min(w * 0.12, 120), y: h - Math.min(h * 0.08, 60) }
  if (inside.length === 3) return centroid
  const members = circles.filter((c) => inside.includes(c.attribute))
  const mid = {
    x: members.reduce((sum, c) => sum + c.cx, 0) / members.length,
    y: members.reduce((sum, c) => sum + c.cy, 0) / members.length,
  }
  const dx = mid.x - centroid.x
  const dy = mid.y - centroid.y
  const length = Math.hypot(dx, dy) || 1
  const r = circles[0]!.r
  // Distances found so that the anchor lies in the intended region for every diagram size.
  const push = inside.length === 1 ? 0.55 * r : 0.42 * r
  return { x: centroid.x + (dx / length) * push, y: centroid.y + (dy / length) * push }
}

/** Scores as the diagram needs them. */
export type SalienceScores = Record<SalienceAttribute, number | null>

/**
 * The scores a stakeholder gets when its card is dropped into the region of
 * `salienceClass`: an attribute that must be present but is not gets the threshold; one
 * that must be absent but is present gets one below it; every other score is kept, so a
 * drop changes as little of the group's assessment as it can.
 */
export function scoresForRegion(
  current: SalienceScores,
  salienceClass: SalienceClass,
  threshold = 3,
): SalienceScores {
  const inside = new Set(ATTRIBUTES_OF_CLASS[salienceClass])
  const next = { ...current }
  for (const attribute of ['power', 'legitimacy', 'urgency'] as const) {
    const score = current[attribute]
    const present = score !== null && score >= threshold
    if (inside.has(attribute) && !present) next[attribute] = threshold
    if (!inside.has(attribute) && present) next[attribute] = Math.max(1, Math.ceil(threshold) - 1)
  }
  return next
}
