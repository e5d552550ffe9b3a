/**
 * The influence × impact matrix as a static SVG picture for the printed report: impact of
 * the company runs left → right and the stakeholder's influence on the company bottom → top,
 * as on the canvas board. Quadrant names come from `QUADRANT_LABELS`; stakeholders are
 * numbered dots at their scores. Pure: a string, no DOM.
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

const MIN = STAKEHOLDER_LIMITS.scoreMin
const MAX = STAKEHOLDER_LIMITS.scoreMax

function clamp(score: number): number {
  return Math.min(Math.max(score, MIN), MAX)
}

/** The SVG x of an impact score. */
export function matrixX(impact: number): number {
  return MATRIX_PLOT.left + ((clamp(impact) - MIN) / (MAX - MIN)) * MATRIX_PLOT.size
}

/** The SVG y of an influence score (high influence at the top). */
export function matrixY(influence: number): number {
  return (
    MATRIX_PLOT.top + MATRIX_PLOT.size - ((clamp(influence) - MIN) / (MAX - MIN)) * MATRIX_PLOT.size
  )
}

const round = (value: number) => Math.round(value * 10) / 10

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
  const quadrant = (x: number, y: number, w: number, h: number, fill: string, label: string) =>
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="#555" stroke-width="1"/>` +
    `<text x="${x + 8}" y="${y + 18}" class="q">${escapeHtml(label)}</text>`
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
    group.forEach((dot, index) => {
      // A ring of 8 around the position, then a wider ring: numbers never sit on each other.
      const ring = index === 0 ? 0 : Math.ceil(index / 8)
      const angle = ((index - 1) % 8) * (Math.PI / 4)
      const cx = round(dot.x + ring * 22 * Math.cos(angle))
      const cy = round(dot.y + ring * 22 * Math.sin(angle))
      const name = shortLabel(dot.name, 22)
      parts.push(
        `<g data-stakeholder-id="${escapeHtml(dot.id)}">` +
          `<circle cx="${cx}" cy="${cy}" r="9" fill="#1f4e8c"/>` +
          `<text x="${cx}" y="${cy + 3.5}" text-anchor="middle" class="n">${dot.rank}</text>` +
          (group.length === 1
            ? `<text x="${cx + 12}" y="${cy + 4}" class="l">${escapeHtml(name)}</text>`
            : '') +
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
    '.l{font-size:10px}</style>' +
    parts.join('') +
    '</svg>'
  )
}
