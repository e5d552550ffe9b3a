/**
 * The salience diagram (Mitchell, Agle & Wood 1997) as a static SVG picture for the printed
 * report: three circles for power, legitimacy and urgency, each of the seven regions named
 * after its class, and the stakeholders of that class listed inside it (a name marked * is
 * provisional: some attributes are not scored yet). Outside the circles two separate lists:
 * the stakeholders assessed as absent on all three attributes (non-stakeholders), and those
 * whose salience is not (fully) assessed, which the figure must never file as the former.
 * Pure: a string, no DOM.
 */
import { SALIENCE_ATTRIBUTE_LABELS, SALIENCE_CLASS_LABELS } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import type { SalienceClass } from '../scoring/classifySalience'
import { salienceAssessment } from '../scoring/salienceAssessment'
import type { PrioritisableStakeholder } from '../scoring/prioritiseStakeholders'
import type { Stakeholder } from '../stakeholder/Stakeholder'
import { engagementRanks, shortLabel } from './engagementRanks'
import { escapeHtml } from './escapeHtml'
import { REPORT_TEXT } from './reportText'

/** What the salience figure reads of a stakeholder. */
export type SalienceFigureStakeholder = PrioritisableStakeholder & Pick<Stakeholder, 'name'>

const WIDTH = 720
const HEIGHT = 640
const RADIUS = 170

/** Circle centres: power top left, legitimacy top right, urgency below. */
export const SALIENCE_CIRCLES = {
  power: { x: 280, y: 230 },
  legitimacy: { x: 440, y: 230 },
  urgency: { x: 360, y: 368 },
  radius: RADIUS,
} as const

/** A point inside each class's region (checked by tests against the circles). */
export const SALIENCE_REGION_ANCHORS: Readonly<
  Record<Exclude<SalienceClass, 'non-stakeholder'>, { x: number; y: number }>
> = {
  dormant: { x: 180, y: 150 },
  discretionary: { x: 540, y: 150 },
  demanding: { x: 360, y: 470 },
  dominant: { x: 360, y: 110 },
  dangerous: { x: 245, y: 325 },
  dependent: { x: 475, y: 325 },
  definitive: { x: 360, y: 255 },
}

/** Lines of names a region shows before it switches to numbers only. */
const MAX_NAMED = 3
/** Numbers per line when a region lists numbers only. */
const NUMBERS_PER_LINE = 6
/** Lines a region shows at most; the rest is counted. */
const MAX_LINES = 4

interface FigureEntry {
  id: string
  rank: number
  name: string
  /** Some attributes are not scored: the class may still grow. */
  provisional: boolean
}

function regionLines(entries: FigureEntry[], locale: LabelLocale): string[] {
  if (entries.length <= MAX_NAMED) {
    return entries.map(
      (entry) => `${entry.rank}. ${shortLabel(entry.name, 16)}${entry.provisional ? ' *' : ''}`,
    )
  }
  const lines: string[] = []
  for (let start = 0; start < entries.length; start += NUMBERS_PER_LINE) {
    lines.push(
      entries
        .slice(start, start + NUMBERS_PER_LINE)
        .map((entry) => `${entry.rank}${entry.provisional ? '*' : ''}`)
        .join(', '),
    )
  }
  if (lines.length <= MAX_LINES) return lines
  const shown = (MAX_LINES - 1) * NUMBERS_PER_LINE
  const more = entries.length - shown
  return [...lines.slice(0, MAX_LINES - 1), locale === 'nl' ? `+ ${more} meer` : `+ ${more} more`]
}

/**
 * The salience diagram as a standalone SVG document (it also works inline in HTML). Each
 * stakeholder is listed in the region of its class, by its number in the engagement order,
 * with a short name when the region has room.
 */
export function salienceSvg(
  stakeholders: readonly SalienceFigureStakeholder[],
  locale: LabelLocale,
): string {
  const text = REPORT_TEXT[locale]
  const classes = SALIENCE_CLASS_LABELS[locale]
  const attributes = SALIENCE_ATTRIBUTE_LABELS[locale]
  const ranks = engagementRanks(stakeholders)
  // Keyed by class, or 'not-assessed' for those without one.
  const byClass = new Map<SalienceClass | 'not-assessed', FigureEntry[]>()
  for (const stakeholder of stakeholders) {
    const assessment = salienceAssessment(stakeholder)
    const key = assessment.status === 'assessed' ? assessment.salienceClass : 'not-assessed'
    const entry = {
      id: stakeholder.id,
      rank: ranks.get(stakeholder.id) ?? 0,
      name: stakeholder.name,
      provisional: assessment.status === 'assessed' && assessment.missing.length > 0,
    }
    byClass.set(key, [...(byClass.get(key) ?? []), entry])
  }
  for (const entries of byClass.values()) entries.sort((a, b) => a.rank - b.rank)

  const parts: string[] = []
  const circle = (
    at: { x: number; y: number },
    fill: string,
    label: string,
    labelAt: { x: number; y: number },
  ) =>
    `<circle cx="${at.x}" cy="${at.y}" r="${RADIUS}" fill="${fill}" fill-opacity="0.35" stroke="#333" stroke-width="1.5"/>` +
    `<text x="${labelAt.x}" y="${labelAt.y}" text-anchor="middle" class="c">${escapeHtml(label)}</text>`
  parts.push(
    circle(SALIENCE_CIRCLES.power, '#9db7dd', attributes.power, { x: 170, y: 52 }),
    circle(SALIENCE_CIRCLES.legitimacy, '#b9dcb0', attributes.legitimacy, { x: 550, y: 52 }),
    circle(SALIENCE_CIRCLES.urgency, '#f0c7a0', attributes.urgency, { x: 360, y: 564 }),
  )
  for (const [salienceClass, anchor] of Object.entries(SALIENCE_REGION_ANCHORS) as [
    Exclude<SalienceClass, 'non-stakeholder'>,
    { x: number; y: number },
  ][]) {
    const entries = byClass.get(salienceClass) ?? []
    const lines = regionLines(entries, locale)
    parts.push(
      `<g data-class="${salienceClass}">` +
        `<text x="${anchor.x}" y="${anchor.y}" text-anchor="middle" class="r">${escapeHtml(classes[salienceClass])}</text>` +
        lines
          .map(
            (line, index) =>
              `<text x="${anchor.x}" y="${anchor.y + 15 + index * 13}" text-anchor="middle" class="s">${escapeHtml(line)}</text>`,
          )
          .join('') +
        entries.map((entry) => `<desc data-stakeholder-id="${escapeHtml(entry.id)}"/>`).join('') +
        '</g>',
    )
  }
  // Outside the circles: judged absent bottom left, not (fully) assessed bottom right.
  const outsideList = (key: 'non-stakeholder' | 'not-assessed', title: string, end: boolean) => {
    const entries = byClass.get(key) ?? []
    const lines = regionLines(entries, locale)
    const x = end ? WIDTH - 16 : 16
    const anchor = end ? ' text-anchor="end"' : ''
    return (
      `<g data-class="${key}">` +
      `<text x="${x}" y="${HEIGHT - 52}"${anchor} class="r">${escapeHtml(title)}</text>` +
      (lines.length === 0 ? [text.none] : lines)
        .slice(0, 3)
        .map(
          (line, index) =>
            `<text x="${x}" y="${HEIGHT - 37 + index * 13}"${anchor} class="s">${escapeHtml(line)}</text>`,
        )
        .join('') +
      entries.map((entry) => `<desc data-stakeholder-id="${escapeHtml(entry.id)}"/>`).join('') +
      '</g>'
    )
  }
  parts.push(
    outsideList('non-stakeholder', text.salienceAssessedAbsent, false),
    outsideList('not-assessed', text.salienceNotAssessed, true),
  )

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" ` +
    `aria-label="${escapeHtml(text.salienceHeading)}" class="figure-svg">` +
    `<title>${escapeHtml(text.salienceHeading)}</title>` +
    '<style>text{font-family:Helvetica,Arial,sans-serif;fill:#222}.c{font-size:16px;font-weight:bold}' +
    '.r{font-size:12px;font-weight:bold}.s{font-size:11px}</style>' +
    parts.join('') +
    '</svg>'
  )
}
