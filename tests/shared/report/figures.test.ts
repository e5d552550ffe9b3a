import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import {
  MATRIX_LABEL_FONT_SIZE,
  MATRIX_PLOT,
  matrixSvg,
  matrixX,
  matrixY,
} from '../../../shared/report/matrixSvg'
import {
  SALIENCE_CIRCLES,
  SALIENCE_REGION_ANCHORS,
  salienceSvg,
} from '../../../shared/report/salienceSvg'
import { classifySalience } from '../../../shared/scoring/classifySalience'
import { QUADRANT_LABELS, SALIENCE_CLASS_LABELS } from '../../../shared/labels/modelLabels'

const NOW = '2026-05-12T10:00:00.000Z'

function stakeholder(id: string, init: Partial<Stakeholder> = {}): Stakeholder {
  return createStakeholder({ id, name: init.name ?? id, ...init }, { now: NOW })
}

/** The centre of the dot drawn for `id`. */
function dotOf(svg: string, id: string): { x: number; y: number } {
  const match = new RegExp(
    `data-stakeholder-id="${id}"><circle cx="([\\d.]+)" cy="([\\d.]+)"`,
  ).exec(svg)
  if (!match) throw new Error(`no dot for ${id}`)
  return { x: Number(match[1]), y: Number(match[2]) }
}

interface Box {
  left: number
  top: number
  right: number
  bottom: number
  text?: string
}

/**
 * Boxes of the `<text class="…">` elements of `svg`, estimated generously for Helvetica at
 * `size`: 0.62 em per character, 0.8 em above the baseline and 0.25 em below.
 */
function textBoxes(svg: string, className: string, size: number): Box[] {
  const pattern = new RegExp(
    `<text x="([\\d.-]+)" y="([\\d.-]+)"( text-anchor="(\\w+)")? class="${className}">([^<]*)</text>`,
    'g',
  )
  return [...svg.matchAll(pattern)].map((match) => {
    const x = Number(match[1])
    const y = Number(match[2])
    const text = match[5]!.replace(/&[a-z]+;|&#\d+;/g, '_')
    const width = [...text].length * size * 0.62
    const left = match[4] === 'end' ? x - width : match[4] === 'middle' ? x - width / 2 : x
    return { left, right: left + width, top: y - size * 0.8, bottom: y + size * 0.25, text }
  })
}

/** Boxes of the dots (circles) of `svg`. */
function circleBoxes(svg: string): Box[] {
  return [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/g)].map((m) => {
    const [x, y, r] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return { left: x - r, right: x + r, top: y - r, bottom: y + r }
  })
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

describe('matrixSvg', () => {
  const midX = MATRIX_PLOT.left + MATRIX_PLOT.size / 2
  const midY = MATRIX_PLOT.top + MATRIX_PLOT.size / 2

  it('places influence 5 / impact 5 in the top-right quadrant (manage closely)', () => {
    const svg = matrixSvg([stakeholder('top', { influence: 5, impact: 5 })], 'en')
    const dot = dotOf(svg, 'top')
    expect(dot.x).toBeGreaterThan(midX)
    expect(dot.y).toBeLessThan(midY)
    expect(dot).toEqual({ x: matrixX(5), y: matrixY(5) })
  })

  it('places low influence / high impact bottom right, and low/low bottom left', () => {
    const svg = matrixSvg(
      [
        stakeholder('empower', { influence: 1, impact: 5 }),
        stakeholder('monitor', { influence: 1.5, impact: 1 }),
        stakeholder('satisfied', { influence: 4.5, impact: 2 }),
      ],
      'en',
    )
    expect(dotOf(svg, 'empower').x).toBeGreaterThan(midX)
    expect(dotOf(svg, 'empower').y).toBeGreaterThan(midY)
    expect(dotOf(svg, 'monitor').x).toBeLessThan(midX)
    expect(dotOf(svg, 'monitor').y).toBeGreaterThan(midY)
    expect(dotOf(svg, 'satisfied').x).toBeLessThan(midX)
    expect(dotOf(svg, 'satisfied').y).toBeLessThan(midY)
  })

  it('names the quadrants and axes in the chosen language', () => {
    for (const locale of ['en', 'nl'] as const) {
      const svg = matrixSvg([], locale)
      for (const quadrant of ['manage-closely', 'keep-satisfied', 'empower', 'monitor'] as const) {
        expect(svg).toContain(QUADRANT_LABELS[locale][quadrant])
      }
    }
    expect(matrixSvg([], 'en')).toContain('Influence on the company')
    expect(matrixSvg([], 'en')).toContain('Impact of the company')
    expect(matrixSvg([], 'nl')).toContain('Invloed op het bedrijf')
  })

  it('fans out stakeholders at the same position and leaves out unplaced ones', () => {
    const svg = matrixSvg(
      [
        stakeholder('a', { influence: 4, impact: 4 }),
        stakeholder('b', { influence: 4, impact: 4 }),
        stakeholder('unplaced', { influence: null, impact: 4 }),
      ],
      'en',
    )
    expect(dotOf(svg, 'a')).not.toEqual(dotOf(svg, 'b'))
    expect(svg).not.toContain('data-stakeholder-id="unplaced"')
  })

  it('never puts a dot, number or name over a quadrant title (geometry, seed printed)', () => {
    const position = fc.oneof(
      fc.constantFrom(1, 1.5, 2.5, 3, 3.5, 4.5, 5),
      fc.double({ min: 1, max: 5, noNaN: true }),
    )
    const crowd = fc.array(
      fc.record({ influence: position, impact: position, name: fc.string({ maxLength: 30 }) }),
      { minLength: 1, maxLength: 60 },
    )
    // The worst cases by hand: crowds in every corner, where the titles are.
    const corners = [1, 5].flatMap((influence) =>
      [1, 5].flatMap((impact) =>
        Array.from({ length: 40 }, (_, index) => ({ influence, impact, name: `WWWW ${index}` })),
      ),
    )
    const check = (dots: { influence: number; impact: number; name: string }[]) => {
      for (const locale of ['en', 'nl'] as const) {
        const svg = matrixSvg(
          dots.map((dot, index) => stakeholder(`s${index}`, { ...dot, name: dot.name || 'x' })),
          locale,
        )
        const titles = textBoxes(svg, 'q', 13)
        expect(titles).toHaveLength(4)
        const others = [...textBoxes(svg, 'l', MATRIX_LABEL_FONT_SIZE), ...circleBoxes(svg)]
        expect(others.length).toBeGreaterThanOrEqual(dots.length)
        for (const title of titles) {
          for (const other of others) expect(overlaps(title, other), title.text).toBe(false)
        }
      }
    }
    check(corners)
    fc.assert(fc.property(crowd, check), { seed: 20_6, numRuns: 150 })
  })

  it('escapes names and ids', () => {
    const svg = matrixSvg(
      [stakeholder('x', { name: '<script>alert(1)</script>', influence: 2, impact: 2 })],
      'en',
    )
    expect(svg).not.toContain('<script')
    expect(svg).toContain('&lt;script&gt;')
  })
})

describe('salienceSvg', () => {
  const inside = (point: { x: number; y: number }, centre: { x: number; y: number }) =>
    Math.hypot(point.x - centre.x, point.y - centre.y) < SALIENCE_CIRCLES.radius

  it('puts every region label inside exactly the circles of its attributes', () => {
    for (const [salienceClass, anchor] of Object.entries(SALIENCE_REGION_ANCHORS)) {
      const scores = {
        power: inside(anchor, SALIENCE_CIRCLES.power) ? 5 : 1,
        legitimacy: inside(anchor, SALIENCE_CIRCLES.legitimacy) ? 5 : 1,
        urgency: inside(anchor, SALIENCE_CIRCLES.urgency) ? 5 : 1,
      }
      expect(classifySalience(scores), salienceClass).toBe(salienceClass)
    }
  })

  it('lists each stakeholder in the region of its class', () => {
    const svg = salienceSvg(
      [
        stakeholder('def', { name: 'Definitive one', power: 5, legitimacy: 5, urgency: 5 }),
        stakeholder('dor', { name: 'Dormant one', power: 4, legitimacy: 1, urgency: 1 }),
        stakeholder('none', { name: 'Nobody' }),
      ],
      'en',
    )
    const region = (name: string) =>
      new RegExp(`<g data-class="${name}">(.*?)</g>`).exec(svg)?.[1] ?? ''
    expect(region('definitive')).toContain('Definitive one')
    expect(region('definitive')).toContain('data-stakeholder-id="def"')
    expect(region('dormant')).toContain('Dormant one')
    expect(region('not-assessed')).toContain('Nobody')
    expect(region('non-stakeholder')).not.toContain('Nobody')
  })

  it('lists the unscored apart from those assessed as absent, and marks provisional classes', () => {
    const svg = salienceSvg(
      [
        stakeholder('unscored', { name: 'Unscored group', affected: true }),
        stakeholder('absent', { name: 'Judged absent', power: 1, legitimacy: 2, urgency: 1 }),
        stakeholder('partly', { name: 'Power so far', power: 4 }),
      ],
      'nl',
    )
    const region = (name: string) =>
      new RegExp(`<g data-class="${name}">(.*?)</g>`).exec(svg)?.[1] ?? ''
    expect(region('non-stakeholder')).toContain('Geen stakeholder (beoordeeld als afwezig)')
    expect(region('non-stakeholder')).toContain('Judged absent')
    expect(region('non-stakeholder')).not.toContain('Unscored group')
    expect(region('not-assessed')).toContain('Saillantie niet (volledig) beoordeeld')
    expect(region('not-assessed')).toContain('Unscored group')
    expect(region('dormant')).toContain('Power so far *')
  })

  it('names the circles and regions in the chosen language', () => {
    const svg = salienceSvg([], 'nl')
    expect(svg).toContain('Macht')
    expect(svg).toContain('Legitimiteit')
    expect(svg).toContain('Urgentie')
    for (const label of Object.values(SALIENCE_CLASS_LABELS.nl)) expect(svg).toContain(label)
  })

  it('switches to numbers when a region is crowded', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      stakeholder(`s${index}`, { name: `Name ${index}`, power: 5, legitimacy: 5, urgency: 5 }),
    )
    const svg = salienceSvg(many, 'en')
    expect(svg).not.toContain('Name 1<')
    expect(svg).toContain('more')
  })
})
