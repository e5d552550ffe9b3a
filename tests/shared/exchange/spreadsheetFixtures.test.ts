/**
 * Stakeholder lists saved by real spreadsheet software (tests/fixtures/spreadsheets/, written
 * by makeFixtures.py with LibreOffice Calc and XlsxWriter, and by convertFods.sh, which has
 * Calc save each .fods there as XLSX): what `parseXlsx` reads from them, and what the import
 * then offers the user, column guess and plan included.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SheetCell } from '../../../shared/exchange/exchangeLimits'
import { guessColumnMapping } from '../../../shared/exchange/guessColumnMapping'
import { parseXlsx } from '../../../shared/exchange/parseXlsx'
import { planImport } from '../../../shared/exchange/planImport'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'

function fixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL(`../../fixtures/spreadsheets/${name}`, import.meta.url)),
  )
}

function rowsOf(name: string): SheetCell[][] {
  const parsed = parseXlsx(fixture(name))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.rows
}

function plan(rows: SheetCell[][], mapping = guessColumnMapping(rows[0]!.map(String))) {
  let id = 0
  return planImport(rows, mapping, {
    idFactory: () => `id-${++id}`,
    now: '2025-06-01T10:00:00.000Z',
  })
}

/** The fields the import preview shows for a record. */
function shown(record: Stakeholder) {
  const { name, category, countryOrRegion, affected, vulnerable, notes } = record
  const { power, legitimacy, urgency, influence, impact } = record
  return {
    name,
    category,
    countryOrRegion,
    affected,
    vulnerable,
    scores: [power, legitimacy, urgency, influence, impact],
    notes,
    contacts: record.contacts.map((contact) => contact.name),
  }
}

describe('a Dutch stakeholder list saved by LibreOffice Calc', () => {
  const rows = rowsOf('stakeholders-nl.xlsx')

  it('reads every cell of the first sheet as Calc shows it', () => {
    expect(rows).toEqual([
      [
        'Naam',
        'Categorie',
        'Land',
        'Geraakt',
        'Kwetsbaar',
        'Macht',
        'Legitimiteit',
        'Urgentie',
        'Invloed',
        'Impact',
        'Laatste gesprek',
        'Opmerkingen',
      ],
      // Formatted runs are one text; the line break stays; dates are dates, not day counts.
      [
        'Cacaocoöperatie Kuapa Kokoo',
        'Boeren',
        'Ghana',
        'ja',
        'ja',
        2,
        5,
        4,
        1.5,
        4.5,
        '2025-03-14',
        'Leefbaar inkomen\nKinderarbeid',
      ],
      // Numbers stored as text stay text; a custom date format ("2 november 2024") is a date.
      [
        'FNV',
        'Vakbond',
        'Nederland',
        'nee',
        'nee',
        '4',
        '5',
        3,
        '3,5',
        2,
        '2024-11-02',
        'Cao-overleg',
      ],
      // Empty cells inside a row, and a whole empty row, keep the columns and row numbers.
      ['Gemeente Amsterdam', 'Overheid', null, 'nee', null, 5, 4, null, 4, 2, null, null],
      [null, null, null, null, null, null, null, null, null, null, null, null],
      // Formulas give their cached results: a boolean, a number, a text, an error.
      ['Milieudefensie', 'NGO', 'Nederland', true, 'nee', 3, 4, 5, 4, 3, null, 'Zie ook FNV'],
      [
        'Omwonenden haven',
        'Lokale gemeenschap',
        'Nederland',
        'ja',
        'x',
        1,
        4,
        4,
        1,
        '#DIV/0!',
        null,
        null,
      ],
      ['Rabobank', 'Bank', 'Nederland', 'nee', 'nee', 4, 3, 2, 4.25, 1, null, '2025-01-20'],
    ])
  })

  it('reads the first sheet only: the explanation on the second tab is not imported', () => {
    expect(rows.flat()).not.toContain('Uitleg')
  })

  it('recognises the Dutch headers; the date of the last meeting has no field', () => {
    expect(guessColumnMapping(rows[0]!.map(String))).toEqual([
      'name',
      'category',
      'countryOrRegion',
      'affected',
      'vulnerable',
      'power',
      'legitimacy',
      'urgency',
      'influence',
      'impact',
      null,
      'notes',
    ])
  })

  it('imports five stakeholders, skips the empty row and refuses the formula error', () => {
    const result = plan(rows)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.skippedRows).toEqual([5])
    expect(result.rejected).toEqual([
      {
        rowNumber: 7,
        errors: [
          {
            path: 'impact',
            column: 9,
            code: 'score-out-of-range',
            params: { min: 1, max: 5, value: '#DIV/0!' },
            message: 'must be a score from 1 to 5, not "#DIV/0!"',
          },
        ],
      },
    ])
    expect(result.toImport.map(shown)).toEqual([
      {
        name: 'Cacaocoöperatie Kuapa Kokoo',
        category: 'value-chain-workers',
        countryOrRegion: 'Ghana',
        affected: true,
        vulnerable: true,
        scores: [2, 5, 4, 1.5, 4.5],
        notes: 'Leefbaar inkomen\nKinderarbeid',
        contacts: [],
      },
      {
        name: 'FNV',
        category: 'trade-unions',
        countryOrRegion: 'Nederland',
        affected: false,
        vulnerable: false,
        scores: [4, 5, 3, 3.5, 2],
        notes: 'Cao-overleg',
        contacts: [],
      },
      {
        name: 'Gemeente Amsterdam',
        category: 'government-regulators',
        countryOrRegion: '',
        affected: false,
        vulnerable: false,
        scores: [5, 4, null, 4, 2],
        notes: '',
        contacts: [],
      },
      {
        name: 'Milieudefensie',
        category: 'ngos-civil-society',
        countryOrRegion: 'Nederland',
        affected: true,
        vulnerable: false,
        scores: [3, 4, 5, 4, 3],
        notes: 'Zie ook FNV',
        contacts: [],
      },
      {
        name: 'Rabobank',
        category: 'investors-financiers',
        countryOrRegion: 'Nederland',
        affected: false,
        vulnerable: false,
        scores: [4, 3, 2, 4.25, 1],
        notes: '2025-01-20',
        contacts: [],
      },
    ])
  })
})

describe('dates, times and both, in a workbook that counts days from 1904', () => {
  it('reads the dates and times Calc shows, whichever day the workbook counts from', () => {
    expect(rowsOf('dates-1904.xlsx')).toEqual([
      ['Gesprek', 'Datum', 'Tijd', 'Datum en tijd'],
      ['Dorpsbijeenkomst', '2025-03-14', '09:30', '2025-03-14 09:30'],
      ['Vervolggesprek', '1999-12-31', '16:45', '2000-01-01 00:05'],
    ])
  })
})

describe('a workbook whose first tab explains and whose second holds the list', () => {
  // The importer reads the first tab in tab order. To import the list, the user moves its
  // tab to the front (or saves that sheet as CSV); the preview shows what would be imported.
  const rows = rowsOf('instructions-first.xlsx')

  it('reads the first tab, not the list', () => {
    expect(rows).toEqual([
      ['Vul de lijst in op het tabblad Stakeholders.'],
      ['Eén stakeholder per regel.'],
    ])
  })

  it('offers the instruction below the first line as a stakeholder, for the user to cancel', () => {
    // "Stakeholders" in the first line makes it the name column.
    const result = plan(rows)
    expect(result.toImport.map((record) => record.name)).toEqual(['Eén stakeholder per regel.'])
  })
})

describe('a list written with inline strings (XlsxWriter, constant-memory mode)', () => {
  const rows = rowsOf('inline-strings.xlsx')

  it('reads inline strings with their escapes, numbers, text numbers and dates', () => {
    expect(rows).toEqual([
      ['Name', 'Category', 'Power', 'Influence', 'Last contact', 'Notes'],
      ['Fairtrade & Co <NL>', 'NGO', 4, '2,5', '2025-02-03', 'Certification'],
      ['Port residents', 'Local community', '3', null, null, 'Noise, "night shifts"'],
    ])
  })

  it('imports both stakeholders once the date column is left out of the mapping', () => {
    const mapping = guessColumnMapping(rows[0]!.map(String))
    // "contact" in the header reads as the contact person: a guess the user corrects in the
    // mapping step, as here, or the date would become a contact's name.
    expect(mapping).toEqual(['name', 'category', 'power', 'influence', 'contactName', 'notes'])
    mapping[4] = null
    const result = plan(rows, mapping)
    expect(result.rejected).toEqual([])
    expect(result.toImport.map(shown)).toEqual([
      {
        name: 'Fairtrade & Co <NL>',
        category: 'ngos-civil-society',
        countryOrRegion: '',
        affected: false,
        vulnerable: false,
        scores: [4, null, null, 2.5, null],
        notes: 'Certification',
        contacts: [],
      },
      {
        name: 'Port residents',
        category: 'local-communities',
        countryOrRegion: '',
        affected: false,
        vulnerable: false,
        scores: [3, null, null, null, null],
        notes: 'Noise, "night shifts"',
        contacts: [],
      },
    ])
  })
})

describe('a Dutch list with formatted numbers, converted from Flat ODS by LibreOffice Calc', () => {
  const rows = rowsOf('number-formats-nl.xlsx')

  it('reads formatted numbers as the numbers behind them, never as dates', () => {
    expect(rows).toEqual([
      [
        'Naam',
        'Categorie',
        'Macht',
        'Invloed',
        'Budget',
        'Aandeel',
        'Medewerkers',
        'KvK-nummer',
        'Kwetsbaar',
        'Startdatum',
        'Opmerkingen',
      ],
      // Shown as "3 1/2", "€ 1.250,50", "12,5%", "1.200"; digits in a text-formatted column
      // keep their leading zero; a true/false cell (shown WAAR) is a boolean; the spaces
      // typed around the name are read as typed (the import trims them).
      [
        '  Waterschap Rivierenland ',
        'Overheid',
        4,
        3.5,
        1250.5,
        0.125,
        1200,
        '09012345',
        true,
        '2025-03-14',
        'Dijkversterking',
      ],
      // A shaded cell without a value is empty; "1,50E+06", "100,0%", "35.000" are numbers;
      // "2 november 2024" is a date. The shaded empty rows below the list are no rows.
      ['LTO Noord', 'Boeren', 3, null, 1500000, 1, 35000, '40000000', false, '2024-11-02', null],
    ])
  })

  it('reads the first sheet only: the explanation on the second tab is not imported', () => {
    expect(rows.flat()).not.toContain('Jaarbudget voor de dialoog, in euro.')
  })

  it('recognises the Dutch headers and leaves the columns without a field unmapped', () => {
    expect(guessColumnMapping(rows[0]!.map(String))).toEqual([
      'name',
      'category',
      'power',
      'influence',
      null,
      null,
      null,
      null,
      'vulnerable',
      null,
      'notes',
    ])
  })

  it('imports both stakeholders with their scores, the boolean as yes or no', () => {
    const result = plan(rows)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.skippedRows).toEqual([])
    expect(result.rejected).toEqual([])
    expect(result.toImport.map(shown)).toEqual([
      {
        name: 'Waterschap Rivierenland',
        category: 'government-regulators',
        countryOrRegion: '',
        affected: false,
        vulnerable: true,
        scores: [4, null, null, 3.5, null],
        notes: 'Dijkversterking',
        contacts: [],
      },
      {
        name: 'LTO Noord',
        category: 'value-chain-workers',
        countryOrRegion: '',
        affected: false,
        vulnerable: false,
        scores: [3, null, null, null, null],
        notes: '',
        contacts: [],
      },
    ])
  })
})

describe('an OpenDocument spreadsheet (.ods) saved by LibreOffice Calc', () => {
  it('is refused as not XLSX, without reading anything', () => {
    const parsed = parseXlsx(fixture('stakeholders-nl.ods'))
    expect(parsed).toMatchObject({ ok: false, error: { code: 'not-xlsx' } })
  })
})
