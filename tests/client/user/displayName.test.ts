// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { translate } from '../../../client/i18n/useTranslation'
import { ANONYMOUS_NAME, publishedName, shownName } from '../../../client/user/displayName'

const dutch = (key: 'user.anonymous') => translate('nl', key)
const english = (key: 'user.anonymous') => translate('en', key)

describe('the name someone goes by', () => {
  it('is what they typed, or one stable word for everyone when they typed nothing', () => {
    expect(publishedName('Ann')).toBe('Ann')
    expect(publishedName('  Bram ')).toBe('  Bram ')
    expect(publishedName('')).toBe(ANONYMOUS_NAME)
    expect(publishedName('   ')).toBe(ANONYMOUS_NAME)
    expect(ANONYMOUS_NAME).toBe('Anonymous')
  })

  it('shows as the translated placeholder when it is that word or empty', () => {
    expect(shownName(ANONYMOUS_NAME, dutch)).toBe('Anoniem')
    expect(shownName('', dutch)).toBe('Anoniem')
    expect(shownName(ANONYMOUS_NAME, english)).toBe('Anonymous')
    expect(shownName(' ', english)).toBe('Anonymous')
    expect(shownName('Chen', dutch)).toBe('Chen')
  })
})
