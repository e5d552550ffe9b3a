import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readStakeholders, writeStakeholder } from '../../../shared/document/stakeholderDocument'
import { applyImport } from '../../../shared/exchange/applyImport'
import { guessColumnMapping } from '../../../shared/exchange/guessColumnMapping'
import { guessFieldValue } from '../../../shared/exchange/guessFieldValue'
import { parseCsv } from '../../../shared/exchange/parseCsv'
import { parseXlsx } from '../../../shared/exchange/parseXlsx'
import { planImport } from '../../../shared/exchange/planImport'
import { registerRows } from '../../../shared/exchange/registerRows'
import { registerWorkbook } from '../../../shared/exchange/registerWorkbook'
import { writeXlsx } from '../../../shared/exchange/writeXlsx'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { NOW, richStakeholders } from './richMap'

function ids() {
  let next = 0
  return () => `imp-${++next}`
}

const CSV = [
  'Naam;Categorie;Land;Macht (1-5);Legitimiteit;Urgentie;Invloed;Impact;Geraakt;Kwetsbaar;Houding;Belangen;Zorgen;Opmerkingen;Contactpersoon;E-mailadres contactpersoon;Telefoon',
  'Vakbond FNV;vakbond;Nederland;4;5;3;3,5;2;nee;nee;kritisch;CAO;;;Jan;jan@example.nl;+31 6 1',
  'Lokale gemeenschap Ashanti;lokale gemeenschap;Ghana;2;4;5;1;4,5;ja;x;;land;water;;;;',
  ';;;;;;;;;;;;;;;;',
  'Ministerie;overheid;NL;7;3;3;;;nee;nee;;;;;;;',
  'Boeren;boeren;Ghana;2;5;4;1;5;misschien;ja;;;;;;;',
  'Vakbond FNV;vakbond;Nederland;;;;;;;;steunend;;;;;;',
  ';;;;;;;;;;;;;;;geen-email;',
  'Inheemse volken;inheemse volken;Brazilië;1;5;5;1;5;ja;ja;wisselend;;;Let op;;;',
].join('\r\n')

describe('guessColumnMapping', () => {
  it('recognises Dutch and English headers regardless of case, accents and punctuation', () => {
    expect(
      guessColumnMapping([
        'NAAM',
        'Category',
        'Type',
        'Country',
        'Régio',
        'Power',
        'Legitimacy',
        'Urgency',
        'Influence',
        'Impact',
        'Affected',
        'Rechthebbende',
        'Vulnerable',
        'Interests',
        'Concerns',
        'Notes',
        'Attitude',
        'Contactpersoon',
        'E-mail',
        'Telefoon',
        'Iets anders',
      ]),
    ).toEqual([
      'name',
      'category',
      null,
      'countryOrRegion',
      null,
      'power',
      'legitimacy',
      'urgency',
      'influence',
      'impact',
      'affected',
      null,
      'vulnerable',
      'interests',
      'concerns',
      'notes',
      'attitude',
      'contactName',
      'contactEmail',
      'contactPhone',
      null,
    ])
  })

  it('uses "Organisatie" as the name unless a name column exists', () => {
    expect(guessColumnMapping(['Organisatie', 'Land'])).toEqual(['name', 'countryOrRegion'])
    expect(guessColumnMapping(['Stakeholder', 'Organisatie'])).toEqual([
      'name',
      'contactOrganisation',
    ])
  })

  it('maps an exported register back, ignoring derived columns', () => {
    const { header } = registerRows(richStakeholders(), { locale: 'nl' })
    const mapping = guessColumnMapping(header)
    expect(mapping[header.indexOf('Macht')]).toBe('power')
    expect(mapping[header.indexOf('Saillantieklasse')]).toBeNull()
    expect(mapping[header.indexOf('Volgorde')]).toBeNull()
    expect(mapping[header.indexOf('Geraakte stakeholder (rechthebbende)')]).toBe('affected')
  })
})

describe('guessFieldValue', () => {
  it.each([
    ['category', 'NGO', 'ngos-civil-society'],
    ['category', 'Vakbond', 'trade-unions'],
    ['category', 'leverancier', 'suppliers-business-partners'],
    ['category', 'Overheid', 'government-regulators'],
    ['category', 'lokale gemeenschap', 'local-communities'],
    ['category', 'Inheemse volken', 'indigenous-peoples'],
    ['category', 'medewerkers', 'employees'],
    ['category', 'Natuur', 'nature-environment'],
    ['kind', 'Groep', 'group'],
    ['attitude', 'Kritisch', 'critical'],
    ['affected', 'Ja', true],
    ['affected', 'x', true],
    ['affected', '0', false],
    ['vulnerable', 'FALSE', false],
    ['power', '3,5', 3.5],
    ['power', '4', 4],
    ['influence', 'hoog', 4],
  ] as const)('%s "%s" → %j', (field, text, expected) => {
    expect(guessFieldValue(field, text)).toMatchObject({ ok: true, value: expected })
  })

  it('refuses yes/no and scores it cannot read', () => {
    expect(guessFieldValue('affected', 'misschien').ok).toBe(false)
    expect(guessFieldValue('power', 'veel').ok).toBe(false)
  })
})

describe('planImport and applyImport', () => {
  function plan(existingNames: string[] = []) {
    const parsed = parseCsv(CSV)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const header = parsed.rows[0]!.map(String)
    return planImport(parsed.rows, guessColumnMapping(header), {
      existingNames,
      idFactory: ids(),
      now: NOW,
    })
  }

  it('reports bad rows with the row numbers the user sees', () => {
    const result = plan(['Boeren'])
    expect(result.errors).toEqual([])
    expect(result.skippedRows).toEqual([4])
    expect(result.toImport.map((s) => s.name)).toEqual([
      'Vakbond FNV',
      'Lokale gemeenschap Ashanti',
      'Vakbond FNV',
      'Inheemse volken',
    ])
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([5, 6, 8])
    const [ministry, farmers, nameless] = result.rejected
    expect(ministry!.errors).toEqual([expect.objectContaining({ path: 'power', column: 3 })])
    expect(farmers!.errors).toEqual([expect.objectContaining({ path: 'affected', column: 8 })])
    expect(nameless!.errors.map((e) => e.path).sort()).toEqual(['contacts[0].email', 'name'])
    expect(result.warnings.map((w) => [w.rowNumber, w.code])).toEqual([
      [7, 'duplicate-name-in-file'],
      [9, 'unrecognised-value'],
    ])
  })

  it('builds full records: scores, flags, contacts and kept words', () => {
    const [union, community, , indigenous] = plan().toImport
    expect(union).toMatchObject({
      category: 'trade-unions',
      power: 4,
      influence: 3.5,
      affected: false,
      attitude: 'critical',
      interests: 'CAO',
      createdAt: NOW,
    })
    expect(union!.contacts).toEqual([
      expect.objectContaining({ name: 'Jan', email: 'jan@example.nl', phone: '+31 6 1' }),
    ])
    expect(community).toMatchObject({ affected: true, vulnerable: true, impact: 4.5, contacts: [] })
    expect(indigenous!.notes).toBe('Let op\nHouding: wisselend')
  })

  it('warns about names already on the map', () => {
    const result = plan(['vakbond fnv'])
    expect(result.warnings.filter((w) => w.code === 'duplicate-name-existing')).toHaveLength(2)
  })

  it('has no side effects; applying writes only the valid rows in one transaction', () => {
    const doc = new Y.Doc()
    writeStakeholder(doc, createStakeholder({ id: 'existing', name: 'Bestaand' }, { now: NOW }))
    const before = Y.encodeStateAsUpdate(doc)
    const result = plan()
    // Cancel: the plan alone changed nothing.
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    // The rows carry contacts: without the confidential document (an editor) nothing is written.
    const refused = applyImport(doc, result)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.errors[0]?.code).toBe('confidential-not-allowed')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    const confidential = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(applyImport(doc, result, undefined, confidential)).toEqual({ ok: true, written: 4 })
    expect(transactions).toBe(1)
    const names = readStakeholders(doc).stakeholders.map((s) => s.name)
    expect(names).toHaveLength(5)
    expect(names).not.toContain('Ministerie')
    const contacts = readStakeholders(doc, { confidential }).stakeholders.flatMap((s) => s.contacts)
    expect(contacts.map((contact) => contact.email)).toContain('jan@example.nl')
    // Applying twice would reuse ids: refused, nothing written.
    const again = applyImport(doc, result, undefined, confidential)
    expect(again.ok).toBe(false)
    expect(readStakeholders(doc).stakeholders).toHaveLength(5)
  })

  it('imports an XLSX register export (its first sheet)', () => {
    const register = registerRows(richStakeholders(), { locale: 'en', includeContacts: true })
    const workbook = registerWorkbook(richStakeholders(), { locale: 'en', includeContacts: true })
    const parsed = parseXlsx(writeXlsx(workbook))
    if (!parsed.ok) throw new Error(parsed.error.message)
    const mapping = guessColumnMapping(parsed.rows[0]!.map(String))
    const result = planImport(parsed.rows, mapping, { idFactory: ids(), now: NOW })
    expect(result.rejected).toEqual([])
    expect(result.toImport.map((s) => s.name)).toEqual(register.rows.map((row) => row[1]))
    expect(result.toImport[0]).toMatchObject({
      category: 'value-chain-workers',
      valueChainPosition: 'upstream',
      affected: true,
      influence: 1.5,
      engagement: { status: 'ongoing', intendedLevel: 'involve', log: [] },
    })
  })

  it('refuses files without a name column or with too many rows', () => {
    const noName = planImport([['Land'], ['NL']], ['countryOrRegion'], {
      idFactory: ids(),
      now: NOW,
    })
    expect(noName.errors.map((e) => e.code)).toEqual(['no-name-column'])
    const rows = [['Naam'], ...Array.from({ length: 5_001 }, (_, i) => [`S${i}`])]
    const tooMany = planImport(rows, ['name'], { idFactory: ids(), now: NOW })
    expect(tooMany.errors.map((e) => e.code)).toEqual(['too-many-rows'])
    expect(tooMany.toImport).toEqual([])
  })
})
