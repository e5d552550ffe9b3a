import { describe, expect, it } from 'vitest'
import { registerRows } from '../../../shared/exchange/registerRows'
import { withoutContacts } from '../../../shared/stakeholder/withoutContacts'
import { registerToCsv } from '../../../shared/exchange/registerToCsv'
import { richStakeholders } from './richMap'
import { judgedAbsent, unscoredRightsholders } from './salienceCases'

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

  it.each([
    [
      'nl',
      'Saillantie niet beoordeeld',
      'Niet beoordeeld',
      'Geen stakeholder (beoordeeld als afwezig)',
    ],
    ['en', 'Salience not assessed', 'Not assessed', 'Non-stakeholder (assessed as absent)'],
  ] as const)(
    '%s: an unscored rightsholder is first and not assessed; one judged absent says so',
    (locale, notAssessed, noGroup, absent) => {
      const table = registerRows([judgedAbsent(), unscoredRightsholders()], { locale })
      const column = (id: (typeof table.columns)[number]) => table.columns.indexOf(id)
      const [first, second] = table.rows
      expect(first![column('id')]).toBe('sh-unscored')
      expect(first![column('rank')]).toBe(1)
      expect(first![column('salienceClass')]).toBe(notAssessed)
      expect(first![column('salienceGroup')]).toBe(noGroup)
      expect(second![column('salienceClass')]).toBe(absent)
      // The CSV carries the same words.
      const csv = registerToCsv(table, { delimiter: ';' })
      expect(csv).toContain(notAssessed)
      expect(csv).toContain(absent)
    },
  )

  it('writes alerts as sentences in the register language, one per line', () => {
    const table = registerRows([unscoredRightsholders()], { locale: 'nl' })
    const alerts = String(table.rows[0]![table.columns.indexOf('alerts')])
    expect(alerts.split('\n')).toEqual([
      'Geraakte stakeholder zonder vastgelegde dialoog',
      'Kwetsbaar: leg vast hoe drempels zijn weggenomen',
      'Macht, legitimiteit en urgentie niet beoordeeld',
      'Invloed en impact niet beoordeeld',
    ])
  })
})
