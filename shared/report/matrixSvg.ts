/**
 * The influence × impact matrix as a static SVG picture for the printed report: impact of
 * the company runs left → right and the stakeholder's influence on the company bottom → top,
 * as on the canvas board. Quadrant names come from `QUADRANT_LABELS`; stakeholders are
 * numbered dots at their scores. Pure: a string, no DOM.
 *
 * Layout rule: each quadrant's name sits in a band along the quadrant's outer edge (the top
 * band for the upper quadrants, the bottom band for the lower ones) that no score reaches,
 * and every dot, fanned out or not, is kept inside the scored area, so no dot, number or
 * name ever covers a quadrant's name. {@link MATRIX_TITLE_BAND} is that band.
 */
import { QUADRANT_LABELS } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { DEFAULT_QUADRANT_MIDPOINT } from '../scoring/engagementQuadrant'
import type { PrioritisableStakeholder } from '../scoring/prioritiseStakeholders'
import { scoreValue } from '../scoring/scoreValue'
import type { Stakeholder } from '../stakeholder/Stakeholder'
import { STAKEHOLDER_LIMITS } from '../stakeholder/Stakeholder'
import { engagementRanks, shortLabel } from './engagementRanks'
import { escapeHtml } from './escapeHtml'
import { REPORT_TEXT } from './reportText'

/** What the figures read of a stakeholder. */
export type FigureStakeholder = PrioritisableStakeholder &
  Pick<Stakeholder, 'name' | 'influence' | 'impact'>

/** Where the plot sits in the SVG's coordinates (exported for tests and the layout). */
export const MATRIX_PLOT = { left: 90, top: 40, size: 480, width: 720, height: 600 } as const

/** Height of the band at the top and bottom of the plot that holds the quadrant names. */
export const MATRIX_TITLE_BAND = 36
/** Room kept at the left and right of the plot, so a dot stays inside its quadrant. */
const SIDE_PAD = 14
/** Radius of a dot. */
const DOT_RADIUS = 9
/** Distance between the centres of dots fanned out from one position. */
const FAN_STEP = 21

const MIN = STAKEHOLDER_LIMITS.scoreMin
const MAX = STAKEHOLDER_LIMITS.scoreMax

function clamp(score: number): number {
  return Math.min(Math.max(score, MIN), MAX)
}

/** The SVG x of an impact score: 1 to 5 spans the plot, less a pad at each side. */
export function matrixX(impact: number): number {
  const span = MATRIX_PLOT.size - 2 * SIDE_PAD
  return MATRIX_PLOT.left + SIDE_PAD + ((clamp(impact) - MIN) / (MAX - MIN)) * span
}

/** The SVG y of an influence score (high influence at the top), clear of the title bands. */
export function matrixY(influence: number): number {
  const span = MATRIX_PLOT.size - 2 * MATRIX_TITLE_BAND
  return (
    MATRIX_PLOT.top + MATRIX_TITLE_BAND + span - ((clamp(influence) - MIN) / (MAX - MIN)) * span
  )
}

/**
 * Centres for `count` dots around one position: a compact grid, moved as a whole so every
 * dot stays in the scored area (never in a title band, never outside the plot).
 */
function fanOut(x: number, y: number, count: number): { x: number; y: number }[] {
  const columns = Math.ceil(Math.sqrt(count))
  const rows = Math.ceil(count / columns)
  const minX = matrixX(MIN)
  const maxX = matrixX(MAX)
  const minY = matrixY(MAX)
  const maxY = matrixY(MIN)
  // Very many at one spot: closer together rather than out of the scored area.
  const step = Math.min(
    FAN_STEP,
    (maxX - minX) / Math.max(1, columns - 1),
    (maxY - minY) / Math.max(1, rows - 1),
  )
  const width = (columns - 1) * step
  const height = (rows - 1) * step
  const startX = Math.min(Math.max(x - width / 2, minX), maxX - width)
  const startY = Math.min(Math.max(y - height / 2, minY), maxY - height)
  return Array.from({ length: count }, (_, index) => ({
    x: startX + (index % columns) * step,
    y: startY + Math.floor(index / columns) * step,
  }))
}

const round = (value: number) => Math.round(value * 10) / 10

/** Font size of a dot's name, in SVG units (the `.l` class). */
export const MATRIX_LABEL_FONT_SIZE = 10

/**
 * The matrix as a standalone SVG document (it also works inline in HTML). Stakeholders at
 * the same position fan out around it so every number stays readable; those without both
 * scores are left out (the report lists them under the figure).
 */
export function matrixSvg(stakeholders: readonly FigureStakeholder[], locale: LabelLocale): string {
  const text = REPORT_TEXT[locale]
  const quadrants = QUADRANT_LABELS[locale]
  const ranks = engagementRanks(stakeholders)
  const { left, top, size } = MATRIX_PLOT
  const mid = matrixX(DEFAULT_QUADRANT_MIDPOINT)
  const midY = matrixY(DEFAULT_QUADRANT_MIDPOINT)
  const right = left + size
  const bottom = top + size
  const parts: string[] = []

  // Quadrants: the empower quadrant is tinted to draw the eye, as the OECD guidance asks.
  // Names sit in the title band on the quadrant's outer edge (see the module comment).
  const quadrant = (x: number, y: number, w: number, h: number, fill: string, label: string) => {
    const titleY = y === top ? top + 22 : bottom - 12
    return (
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="#555" stroke-width="1"/>` +
      `<text x="${x + 8}" y="${titleY}" class="q">${escapeHtml(label)}</text>`
    )
  }
  parts.push(
    quadrant(left, top, mid - left, midY - top, '#f4f4f4', quadrants['keep-satisfied']),
    quadrant(mid, top, right - mid, midY - top, '#e8eef7', quadrants['manage-closely']),
    quadrant(left, midY, mid - left, bottom - midY, '#ffffff', quadrants.monitor),
    quadrant(mid, midY, right - mid, bottom - midY, '#fbeee0', quadrants.empower),
  )

  // Axes with ticks 1–5.
  for (let score = MIN; score <= MAX; score++) {
    const x = matrixX(score)
    const y = matrixY(score)
    parts.push(
      `<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 6}" stroke="#333"/>`,
      `<text x="${x}" y="${bottom + 20}" text-anchor="middle" class="t">${score}</text>`,
      `<line x1="${left - 6}" y1="${y}" x2="${left}" y2="${y}" stroke="#333"/>`,
      `<text x="${left - 10}" y="${y + 4}" text-anchor="end" class="t">${score}</text>`,
    )
  }
  parts.push(
    `<text x="${left + size / 2}" y="${bottom + 44}" text-anchor="middle" class="a">${escapeHtml(text.axisImpact)} →</text>`,
    `<text x="${left - 44}" y="${top + size / 2}" text-anchor="middle" class="a" transform="rotate(-90 ${left - 44} ${top + size / 2})">${escapeHtml(text.axisInfluence)} →</text>`,
  )

  // Dots, fanned out when several share a position.
  const groups = new Map<
    string,
    { id: string; name: string; rank: number; x: number; y: number }[]
  >()
  for (const stakeholder of stakeholders) {
    const influence = scoreValue(stakeholder.influence)
    const impact = scoreValue(stakeholder.impact)
    if (influence === null || impact === null) continue
    const x = round(matrixX(impact))
    const y = round(matrixY(influence))
    const key = `${x},${y}`
    const dot = {
      id: stakeholder.id,
      name: stakeholder.name,
      rank: ranks.get(stakeholder.id) ?? 0,
      x,
      y,
    }
    groups.set(key, [...(groups.get(key) ?? []), dot])
  }
  for (const group of groups.values()) {
    group.sort((a, b) => a.rank - b.rank)
    const centres =
      group.length === 1 ? [group[0]!] : fanOut(group[0]!.x, group[0]!.y, group.length)
    group.forEach((dot, index) => {
      const cx = round(centres[index]!.x)
      const cy = round(centres[index]!.y)
      const name = shortLabel(dot.name, 22)
      // A lone dot is named to its right; 22 characters fit beside the rightmost dot.
      const label =
        group.length === 1
          ? `<text x="${cx + DOT_RADIUS + 3}" y="${cy + 4}" class="l">${escapeHtml(name)}</text>`
          : ''
      parts.push(
        `<g data-stakeholder-id="${escapeHtml(dot.id)}">` +
          `<circle cx="${cx}" cy="${cy}" r="${DOT_RADIUS}" fill="#1f4e8c"/>` +
          `<text x="${cx}" y="${cy + 3.5}" text-anchor="middle" class="n">${dot.rank}</text>` +
          label +
          `<title>${escapeHtml(`${dot.rank}. ${dot.name}`)}</title></g>`,
      )
    })
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MATRIX_PLOT.width} ${MATRIX_PLOT.height}" ` +
    `role="img" aria-label="${escapeHtml(text.matrixHeading)}" class="figure-svg">` +
    `<title>${escapeHtml(text.matrixHeading)}</title>` +
    '<style>text{font-family:Helvetica,Arial,sans-serif;fill:#222}.q{font-size:13px;font-weight:bold}' +
    '.t{font-size:11px}.a{font-size:13px}.n{font-size:9px;fill:#fff;font-weight:bold}' +
    `.l{font-size:${MATRIX_LABEL_FONT_SIZE}px}</style>` +
    parts.join('') +
    '</svg>'
  )
}
