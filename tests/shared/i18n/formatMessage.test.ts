import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../shared/i18n/formatMessage'

const CARDS_NL =
  '{count, plural, one {# stakeholderkaart} other {# stakeholderkaarten}} verwijderen?'
const CARDS_EN = 'Remove {count, plural, one {# stakeholder card} other {# stakeholder cards}}?'

describe('formatMessage', () => {
  it('fills named placeholders and leaves a missing one as written', () => {
    expect(formatMessage('en', 'Hello {name}, {missing}', { name: 'Ada' })).toBe(
      'Hello Ada, {missing}',
    )
  })

  it('picks the Dutch and English plural forms by count', () => {
    expect(formatMessage('nl', CARDS_NL, { count: 1 })).toBe('1 stakeholderkaart verwijderen?')
    expect(formatMessage('nl', CARDS_NL, { count: 3 })).toBe('3 stakeholderkaarten verwijderen?')
    expect(formatMessage('nl', CARDS_NL, { count: 0 })).toBe('0 stakeholderkaarten verwijderen?')
    expect(formatMessage('en', CARDS_EN, { count: 1 })).toBe('Remove 1 stakeholder card?')
    expect(formatMessage('en', CARDS_EN, { count: 2 })).toBe('Remove 2 stakeholder cards?')
  })

  it('writes # in the locale’s number format', () => {
    expect(formatMessage('nl', CARDS_NL, { count: 1200 })).toBe(
      '1.200 stakeholderkaarten verwijderen?',
    )
    expect(formatMessage('en', CARDS_EN, { count: 1200 })).toBe('Remove 1,200 stakeholder cards?')
  })

  it('prefers an exact branch and fills placeholders inside a branch', () => {
    const template = '{count, plural, =0 {Nobody} one {Only {name}} other {# people}} scored'
    expect(formatMessage('en', template, { count: 0 })).toBe('Nobody scored')
    expect(formatMessage('en', template, { count: 1, name: 'Ada' })).toBe('Only Ada scored')
    expect(formatMessage('en', template, { count: 5 })).toBe('5 people scored')
  })

  it('leaves a plural without its count, or a malformed one, as written', () => {
    expect(formatMessage('en', CARDS_EN)).toBe(CARDS_EN)
    expect(formatMessage('en', '{count, plural, one {x}', { count: 1 })).toBe(
      '{count, plural, one {x}',
    )
    expect(formatMessage('en', 'a {count, plural, one x} b', { count: 2 })).toBe(
      'a {count, plural, one x} b',
    )
  })

  it('lets a caller put a value in words', () => {
    const words = (name: string, value: unknown) =>
      name === 'quadrant' ? `quadrant ${String(value).toUpperCase()}` : undefined
    expect(formatMessage('en', '{quadrant}, {n}', { quadrant: 'q1', n: 4 }, words)).toBe(
      'quadrant Q1, 4',
    )
  })
})
