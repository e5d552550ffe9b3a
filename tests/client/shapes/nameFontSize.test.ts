import { describe, expect, it } from 'vitest'
import { nameFontSize, nameWidth } from '../../../client/shapes/stakeholder-card/nameFontSize'
import {
  CARD_SIZE,
  COMPACT_CARD_SIZE,
} from '../../../client/shapes/stakeholder-card/stakeholderCardShape'

describe('nameFontSize', () => {
  const full = nameWidth(CARD_SIZE.w, false)
  const compact = nameWidth(COMPACT_CARD_SIZE.w, true)

  it('keeps the card’s own size for names of short words', () => {
    expect(nameFontSize('Vakbond FNV', full, 19)).toBe(19)
    expect(nameFontSize('Lokale gemeenschap bij de mijn', full, 19)).toBe(19)
    expect(nameFontSize('', full, 19)).toBe(19)
  })

  it('shrinks a long Dutch compound until it fits on one line', () => {
    const size = nameFontSize('Chocoladefabrikant', full, 19)
    expect(size).toBeLessThan(19)
    expect(size * 0.62 * 'Chocoladefabrikant'.length).toBeLessThanOrEqual(full)
    const small = nameFontSize('Belangenorganisatie', compact, 16)
    expect(small).toBeLessThan(16)
    expect(small * 0.62 * 'Belangenorganisatie'.length).toBeLessThanOrEqual(compact)
  })

  it('never goes below a size a projected board can show; such a word wraps instead', () => {
    expect(nameFontSize('Arbeidsomstandighedenwetgevingscommissie', compact, 16)).toBe(12)
  })
})
