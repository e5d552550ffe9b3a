import { describe, expect, it } from 'vitest'
import { EXCHANGE_MESSAGES } from '../../../client/exchange/exchangeMessages'
import { en } from '../../../client/i18n/messages.en'
import { nl } from '../../../client/i18n/messages.nl'
import { SHARING_MESSAGES } from '../../../client/sharing/sharingMessages'
import { formatMessage } from '../../../shared/i18n/formatMessage'

const CATALOGUES = {
  ui: { en, nl },
  exchange: EXCHANGE_MESSAGES,
  sharing: SHARING_MESSAGES,
} as const

const everyMessage = Object.entries(CATALOGUES).flatMap(([catalogue, locales]) =>
  Object.entries(locales).flatMap(([locale, messages]) =>
    Object.entries(messages as Record<string, string>).map(([key, template]) => ({
      name: `${catalogue} ${locale} ${key}`,
      locale,
      template,
    })),
  ),
)
const pluralMessages = everyMessage.filter(({ template }) => template.includes(', plural,'))

describe('plural messages of the catalogues', () => {
  it('use plural forms, not "(s)" or "(en)"', () => {
    expect(pluralMessages.length).toBeGreaterThanOrEqual(12)
    const hacks = everyMessage.filter(({ template }) => /\w\((s|en)\)/.test(template))
    expect(hacks.map(({ name }) => name)).toEqual([])
  })

  it.each(pluralMessages)('$name reads as a sentence for 1 and for 2', ({ locale, template }) => {
    const one = formatMessage(locale, template, {
      count: 1,
      budget: 1,
      left: 1,
      name: 'x',
      total: 3,
    })
    const two = formatMessage(locale, template, {
      count: 2,
      budget: 2,
      left: 2,
      name: 'x',
      total: 3,
    })
    expect(one).not.toContain('{')
    expect(two).not.toContain('{')
    expect(one).not.toBe(two)
  })
})

describe('dots of a vote', () => {
  it('reads one dot as one, on the card, in the tally and in the budget left', () => {
    expect(formatMessage('nl', nl['workshop.card.votes'], { count: 1 })).toBe('1 stip')
    expect(formatMessage('nl', nl['workshop.card.votes'], { count: 3 })).toBe('3 stippen')
    expect(formatMessage('en', en['workshop.card.votes'], { count: 1 })).toBe('1 dot')
    expect(formatMessage('en', en['workshop.card.votes'], { count: 3 })).toBe('3 dots')
    expect(formatMessage('nl', nl['workshop.vote.left'], { left: 0, budget: 1 })).toBe(
      'Je hebt nog 0 van 1 stip.',
    )
    expect(formatMessage('en', en['workshop.vote.left'], { left: 1, budget: 3 })).toBe(
      'You have 1 of 3 dots left.',
    )
  })
})
