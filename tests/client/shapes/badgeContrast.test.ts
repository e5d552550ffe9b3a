import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  SALIENCE_COLOURS,
  UNASSESSED_BADGE,
  salienceBadgeColours,
} from '../../../client/shapes/stakeholder-card/salienceColours'
import { salienceAssessment } from '../../../shared/scoring/salienceAssessment'

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

const styles = readFileSync('client/styles.css', 'utf8')

/** `color` and `background` of a rule in styles.css, as written there. */
function ruleColours(selector: string): { color: string; background: string } {
  const body = new RegExp(`\\n${selector.replace(/[.]/g, '\\.')} \\{([^}]*)\\}`).exec(styles)?.[1]
  if (!body) throw new Error(`no rule ${selector} in styles.css`)
  const value = (property: string) =>
    new RegExp(`(?:^|;|\\s)${property}:\\s*(#[0-9a-f]{6})`, 'i').exec(body)?.[1] ?? ''
  return { color: value('color'), background: value('background') }
}

describe('badge text contrast (WCAG AA, 4.5:1)', () => {
  it('agrees with the ratios WCAG publishes (black on white 21:1, #777 on white 4.48:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it.each(Object.entries(SALIENCE_COLOURS))('white on the %s class colour', (_, colour) => {
    expect(contrast('#ffffff', colour)).toBeGreaterThanOrEqual(4.5)
  })

  it('the "salience not assessed" pill, which was 3.03:1 (white on grey)', () => {
    const badge = salienceBadgeColours(salienceAssessment({}))
    expect(badge).toEqual(UNASSESSED_BADGE)
    expect(contrast(badge.color, badge.background)).toBeGreaterThanOrEqual(4.5)
  })

  it.each(['.badge--affected', '.badge--vulnerable'])('the %s badge on cards', (selector) => {
    const { color, background } = ruleColours(selector)
    expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5)
  })
})
