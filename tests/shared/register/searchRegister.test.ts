import { describe, expect, it } from 'vitest'
import { createStakeholder } from '../../../shared/index'
import { matchesRegisterSearch, searchWords } from '../../../shared/register/searchRegister'

const NOW = '2025-01-01T00:00:00.000Z'
const cooperative = createStakeholder(
  {
    id: 'coop',
    name: 'Coopérative Kakao',
    category: 'value-chain-workers',
    countryOrRegion: "Côte d'Ivoire",
    notes: 'Met at the Abidjan fair',
    impacts: [
      {
        id: 'i1',
        topic: 'Child labour',
        description: 'Children harvest pods on family farms',
        actuality: 'actual',
        scale: 5,
        scope: 3,
        irremediability: 4,
        likelihood: null,
      },
    ],
  },
  { now: NOW },
)

const matches = (query: string, locale: 'en' | 'nl' = 'en') =>
  matchesRegisterSearch(cooperative, searchWords(query), locale)

describe('searching the register', () => {
  it('finds a stakeholder by name, region, notes and impacts, ignoring case and accents', () => {
    expect(matches('cooperative')).toBe(true)
    expect(matches('COTE')).toBe(true)
    expect(matches('abidjan')).toBe(true)
    expect(matches('child labour')).toBe(true)
    expect(matches('harvest')).toBe(true)
  })

  it('finds it by the category’s label in the reader’s language only', () => {
    expect(matches('workers in the value chain')).toBe(true)
    expect(matches('werknemers', 'nl')).toBe(true)
    expect(matches('werknemers', 'en')).toBe(false)
  })

  it('needs every word of the query, and a blank query matches everyone', () => {
    expect(matches('kakao abidjan')).toBe(true)
    expect(matches('kakao ghana')).toBe(false)
    expect(matches('   ')).toBe(true)
  })

  it('never searches contacts (personal data)', () => {
    const withContact = {
      ...cooperative,
      contacts: [
        {
          id: 'c1',
          name: 'Aya Koné',
          role: '',
          organisation: '',
          email: 'aya@example.org',
          phone: '',
          notes: '',
        },
      ],
    }
    expect(matchesRegisterSearch(withContact, searchWords('aya'), 'en')).toBe(false)
    expect(matchesRegisterSearch(withContact, searchWords('example.org'), 'en')).toBe(false)
  })
})
