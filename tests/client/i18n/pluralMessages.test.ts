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
    const one = formatMessage(locale, template, { count: 1, name: 'x', total: 3 })
    const two = formatMessage(locale, template, { count: 2, name: 'x', total: 3 })
    expect(one).not.toContain('{')
    expect(two).not.toContain('{')
    expect(one).not.toBe(two)
  })
})
