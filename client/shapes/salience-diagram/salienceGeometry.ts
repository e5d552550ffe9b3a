/**
 * Geometry of the salience diagram: three overlapping circles for power, legitimacy and
 * urgency (Mitchell, Agle & Wood 1997). A point's region is the set of circles it lies in;
 * each of the seven regions (and "none", outside every circle) has an anchor where cards
 * of that class are placed. Pure functions, shared by rendering, drop handling and tests.
 */
import type { SalienceAttribute, SalienceClass } from '../../../shared/scoring/classifySalience'
import { classifySalience } from '../../../shared/scoring/classifySalience'
import type { SalienceAssessment } from '../../../shared/scoring/salienceAssessment'

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

/** Distance between circle centres, as a fraction of the radius. */
const SIDE = 0.9

/** Room above the circles for the title. */
const TITLE_HEIGHT = 56

/** The three circles of a diagram of size `w` × `h`, as large as fits. */
export function salienceCircles(w: number, h: number): Circle[] {
  // Centres on an equilateral triangle of side 0.9 r: the overlaps are large enough to hold
  // several compact cards in every two- and three-attribute region.
  const availableH = Math.max(1, h - TITLE_HEIGHT)
  // Bounding box of the three circles: width = 2r + side, height = 2r + side * sin 60°.
  const r = Math.max(1, Math.min(w / (2 + SIDE), availableH / (2 + SIDE * Math.sin(Math.PI / 3))))
  const side = SIDE * r
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
  // Along the line from the centroid, a one-attribute region runs from where the other two
  // circles end to where its own ends; a two-attribute region from where the third circle
  // ends to where the pair's overlap ends. The anchor is the middle of that stretch.
  const r = circles[0]!.r
  const c = (SIDE * r) / Math.sqrt(3)
  const root = Math.sqrt(4 * r * r - 3 * c * c)
  const [from, to] = inside.length === 1 ? [(root - c) / 2, c + r] : [r - c, (c + root) / 2]
  const push = (from + to) / 2
  return { x: centroid.x + (dx / length) * push, y: centroid.y + (dy / length) * push }
}

/** Scores as the diagram needs them. */
export type SalienceScores = Record<SalienceAttribute, number | null>

/**
 * The scores a stakeholder gets when its card is dropped into the region of
 * `salienceClass`. A drop is the group's judgement of all three attributes: one that must be
 * present but is not gets the threshold; one that must be absent but is present, or has no
 * score yet, gets one below it (assessed as absent, not left unassessed); every score that
 * already agrees with the region is kept, so a drop changes as little as it can.
 */
export function scoresForRegion(
  current: SalienceScores,
  salienceClass: SalienceClass,
  threshold = 3,
): SalienceScores {
  const inside = new Set(ATTRIBUTES_OF_CLASS[salienceClass])
  const absent = Math.max(1, Math.ceil(threshold) - 1)
  // Only the three scores: callers pass whole records, and a patch must not carry the rest.
  const next: SalienceScores = {
    power: current.power,
    legitimacy: current.legitimacy,
    urgency: current.urgency,
  }
  for (const attribute of ['power', 'legitimacy', 'urgency'] as const) {
    const score = current[attribute]
    const present = score !== null && score >= threshold
    if (inside.has(attribute) && !present) next[attribute] = threshold
    if (!inside.has(attribute) && (present || score === null)) next[attribute] = absent
  }
  return next
}

/**
 * Whether a card's region should rewrite its stakeholder's salience scores. A card the user
 * dropped or nudged (`dropped`) judges all three attributes, so the scores change unless
 * they already say exactly this region. A card put there for the user (a table's cards
 * copied into the diagram, a paste) only changes a class its region contradicts; it never
 * scores attributes nobody judged, so an unscored stakeholder stays not assessed.
 */
export function regionRewritesScores(
  assessment: SalienceAssessment,
  region: SalienceClass,
  dropped: boolean,
): boolean {
  if (!dropped) return assessment.status === 'assessed' && assessment.salienceClass !== region
  if (assessment.status !== 'assessed') return true
  return assessment.salienceClass !== region || assessment.missing.length > 0
}

/** An axis-aligned rectangle in the diagram's coordinates. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Room kept free for a region's name, centred on its anchor. */
export const REGION_LABEL_SIZE = { w: 150, h: 36 } as const

/**
 * Where to put a card of size `card` so that its centre lies in the region of
 * `salienceClass`, clear of the `occupied` rectangles and of the region labels, as close to
 * the region's anchor as possible; cards that fit entirely inside the region are preferred.
 * Answers the card's top-left corner. Deterministic, so every client picks the same slot.
 */
export function findSlot(
  salienceClass: SalienceClass,
  w: number,
  h: number,
  card: { w: number; h: number },
  occupied: readonly Rect[],
): Point {
  const anchor = regionAnchor(salienceClass, w, h)
  const labels = SALIENCE_CLASSES_FOR_LABELS.map((c) => {
    const at = regionAnchor(c, w, h)
    return {
      x: at.x - REGION_LABEL_SIZE.w / 2,
      y: at.y - REGION_LABEL_SIZE.h + 8,
      ...REGION_LABEL_SIZE,
    }
  })
  const blocked = [...occupied, ...labels]
  const step = 16
  const reach = Math.max(w, h)
  let best: { point: Point; score: number } | null = null
  for (let dy = -reach; dy <= reach; dy += step) {
    for (let dx = -reach; dx <= reach; dx += step) {
      const centre = { x: anchor.x + dx, y: anchor.y + dy }
      const rect = { x: centre.x - card.w / 2, y: centre.y - card.h / 2, ...card }
      if (rect.x < 0 || rect.y < 0 || rect.x + rect.w > w || rect.y + rect.h > h) continue
      if (classAt(centre, w, h) !== salienceClass) continue
      if (blocked.some((other) => overlaps(rect, other))) continue
      const corners = [
        { x: rect.x, y: rect.y },
        { x: rect.x + rect.w, y: rect.y },
        { x: rect.x, y: rect.y + rect.h },
        { x: rect.x + rect.w, y: rect.y + rect.h },
      ]
      const fits = corners.every((corner) => classAt(corner, w, h) === salienceClass)
      const score = Math.hypot(dx, dy) + (fits ? 0 : 10_000)
      if (!best || score < best.score) best = { point: { x: rect.x, y: rect.y }, score }
    }
  }
  // A full region: stack on the anchor rather than put the card in the wrong region.
  return best?.point ?? { x: anchor.x - card.w / 2, y: anchor.y + 12 }
}

const SALIENCE_CLASSES_FOR_LABELS: readonly SalienceClass[] = [
  'definitive',
  'dominant',
  'dangerous',
  'dependent',
  'dormant',
  'discretionary',
  'demanding',
  'non-stakeholder',
]
