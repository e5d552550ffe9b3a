import { describe, expect, it } from 'vitest'
import { registerRows } from '../../../shared/exchange/registerRows'
import { withoutContacts } from '../../../shared/stakeholder/withoutContacts'
import { richStakeholders } from './richMap'

describe('registerRows', () => {
  it('orders rows by engagement priority, with rank and derived values', () => {
    const table = registerRows(richStakeholders(), { locale: 'en' })
    expect(table.stakeholderIds).toEqual(['sh-farmers', 'sh-union', 'sh-bank'])
    const column = (id: (typeof table.columns)[number]) => table.columns.indexOf(id)
    const farmers = table.rows[0]!
    expect(farmers[column('rank')]).toBe(1)
    expect(farmers[column('affected')]).toBe('yes')
    expect(farmers[column('salienceClass')]).toBe('Dependent')
    expect(farmers[column('salienceGroup')]).toBe('Expectant')
    expect(farmers[column('quadrant')]).toBe('Empower and engage')
    expect(farmers[column('topSeverity')]).toBe(5)
    expect(farmers[column('topImpactTopic')]).toBe('kinderarbeid')
    expect(farmers[column('impactCount')]).toBe(2)
    expect(farmers[column('logCount')]).toBe(2)
    expect(farmers[column('lastEngagement')]).toBe('2026-03-02')
    expect(farmers[column('influence')]).toBe(1.5)
    expect(table.rows[2]![column('valueChainPosition')]).toBeNull()
  })

  it('translates headers and values into Dutch', () => {
    const table = registerRows(richStakeholders(), { locale: 'nl' })
    expect(table.header).toEqual(
      expect.arrayContaining([
        'Macht',
        'Legitimiteit',
        'Urgentie',
        'Invloed',
        'Impact',
        'Kwetsbaar',
      ]),
    )
    const farmers = table.rows[0]!
    expect(farmers).toEqual(
      expect.arrayContaining([
        'ja',
        'Afhankelijk',
        'Verwachtend',
        'Versterken en betrekken',
        'Lopend',
        'Betrekken',
      ]),
    )
    expect(table.rows[2]).toEqual(expect.arrayContaining(['Dominant', 'Tevreden houden']))
  })

  it('leaves contacts out unless asked', () => {
    const stakeholders = richStakeholders()
    const without = registerRows(stakeholders, { locale: 'en' })
    expect(without.columns).not.toContain('contactNames')
    expect(JSON.stringify(without)).not.toContain('Ama Owusu')
    expect(JSON.stringify(without)).not.toContain('ama@example.org')
    const withContacts = registerRows(stakeholders, { locale: 'en', includeContacts: true })
    expect(JSON.stringify(withContacts)).toContain('ama@example.org')
    // Records without contacts are accepted too.
    const stripped = registerRows(stakeholders.map(withoutContacts), {
      locale: 'en',
      includeContacts: true,
    })
    expect(JSON.stringify(stripped)).not.toContain('Ama Owusu')
  })
})
