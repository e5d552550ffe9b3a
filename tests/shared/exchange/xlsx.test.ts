import fc from 'fast-check'
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate'
import readExcelFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { parseXlsx } from '../../../shared/exchange/parseXlsx'
import { registerRows } from '../../../shared/exchange/registerRows'
import { registerWorkbook } from '../../../shared/exchange/registerWorkbook'
import { writeXlsx } from '../../../shared/exchange/writeXlsx'
import type { WorkbookSheet } from '../../../shared/exchange/writeXlsx'
import { richStakeholders } from './richMap'
import { judgedAbsent, unscoredRightsholders } from './salienceCases'

/** A sheet's cells as an independent reader gives them: empty text is an empty cell. */
function asRead(sheet: WorkbookSheet): unknown[][] {
  return [sheet.header, ...sheet.rows].map((row) => row.map((cell) => (cell === '' ? null : cell)))
}

/** Every sheet of `bytes` read by read-excel-file (its own unzip and XML reading, untrimmed). */
async function readIndependently(bytes: Uint8Array) {
  return readExcelFile(Buffer.from(bytes), { trim: false })
}

/** Text a spreadsheet would run as a formula if it were written as one. */
const FORMULA = '=HYPERLINK("http://x")'

describe('register workbook (XLSX)', () => {
  const stakeholders = [
    ...richStakeholders(),
    unscoredRightsholders(),
    { ...judgedAbsent(), notes: FORMULA },
  ]
  const sheets = registerWorkbook(stakeholders, { locale: 'nl', includeContacts: true })
  const bytes = writeXlsx(sheets)

  it('has the register, impacts, engagement log and contacts, read back by an independent reader', async () => {
    const read = await readIndependently(bytes)
    expect(read.map((sheet) => sheet.sheet)).toEqual([
      'Register',
      'Negatieve impact',
      'Logboek',
      'Contactpersonen',
    ])
    read.forEach((sheet, index) => expect(sheet.data).toEqual(asRead(sheets[index]!)))
    // Numbers are number cells, fractions intact; Dutch text, emoji and newlines survive.
    expect(read[0]!.data.find((row) => row.includes('sh-farmers'))).toEqual(
      expect.arrayContaining([1.5, 4.75, 'Cacaoboeren in Ghana — coöperatie “Ɔdɔ”']),
    )
  })

  it('shows a formula-like text as typed, with no apostrophe, and never as a formula', async () => {
    const read = await readIndependently(bytes)
    const cells = read.flatMap((sheet) => sheet.data.flat())
    expect(cells).toContain(FORMULA)
    expect(cells.some((cell) => typeof cell === 'string' && cell.startsWith("'"))).toBe(false)
    const files = unzipSync(bytes)
    for (const [name, file] of Object.entries(files)) {
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(file)).not.toContain('<f>')
    }
    // Our own reader agrees.
    const parsed = parseXlsx(bytes)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.rows).toEqual(asRead(sheets[0]!))
  })

  it('links every impact, log entry and contact to its register row by rank, id and name', async () => {
    const [register, ...others] = (await readIndependently(bytes)).map((sheet) => sheet.data)
    const header = register![0]!
    const rankAt = header.indexOf('Volgorde')
    const idAt = header.indexOf('Stakeholder-id')
    const nameAt = header.indexOf('Naam')
    const byRank = new Map(register!.slice(1).map((row) => [row[rankAt], row]))
    for (const sheet of others) {
      expect(sheet[0]!.slice(0, 3)).toEqual(['Volgorde', 'Stakeholder-id', 'Stakeholder'])
      expect(sheet.length).toBeGreaterThan(1)
      for (const [rank, id, name] of sheet.slice(1)) {
        expect(byRank.get(rank)?.[idAt]).toBe(id)
        expect(byRank.get(rank)?.[nameAt]).toBe(name)
      }
    }
    const impacts = others[0]!
    expect(impacts[0]).toEqual([
      'Volgorde',
      'Stakeholder-id',
      'Stakeholder',
      'Onderwerp',
      'Omschrijving',
      'Feitelijk of potentieel',
      'Schaal',
      'Reikwijdte',
      'Onherstelbaarheid',
      'Waarschijnlijkheid',
      'Ernst (hoogste dimensie)',
    ])
    // Three impacts in all (farmers 2, the unscored group 1), the most severe first per group.
    expect(impacts.slice(1).map((row) => [row[1], row[3]])).toEqual([
      ['sh-unscored', 'landrechten'],
      ['sh-farmers', 'kinderarbeid'],
      ['sh-farmers', 'leefbaar inkomen'],
    ])
  })

  it('files the unscored rightsholder as not assessed and the judged one as assessed as absent', async () => {
    const [register] = await readIndependently(bytes)
    const header = register!.data[0]!
    const row = (id: string) => register!.data.find((cells) => cells.includes(id))!
    const salience = header.indexOf('Saillantieklasse')
    const group = header.indexOf('Saillantiegroep')
    expect(row('sh-unscored')[header.indexOf('Volgorde')]).toBe(1)
    expect(row('sh-unscored')[salience]).toBe('Saillantie niet beoordeeld')
    expect(row('sh-unscored')[group]).toBe('Niet beoordeeld')
    expect(row('sh-absent')[salience]).toBe('Geen stakeholder (beoordeeld als afwezig)')
    // Alerts are sentences in the register's language, one per line, not codes.
    const alerts = String(row('sh-unscored')[header.indexOf('Signalen')])
    expect(alerts).toContain('Macht, legitimiteit en urgentie niet beoordeeld')
    expect(alerts).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/)
  })

  it('leaves out the contacts sheet and withholds confidential entries unless asked', async () => {
    const without = await readIndependently(
      writeXlsx(registerWorkbook(stakeholders, { locale: 'en' })),
    )
    expect(without.map((sheet) => sheet.sheet)).toEqual(['Register', 'Impacts', 'Engagement log'])
    const text = JSON.stringify(without)
    expect(text).not.toContain('ama@example.org')
    expect(text).not.toContain('Ama Owusu')
    const log = without[2]!.data
    // The farmers' confidential interview keeps its date, its content is withheld.
    const interview = log.find((row) => row.includes('2025-11-20'))!
    expect(interview).toContain('Confidential entry withheld')
    expect(text).not.toContain('Kinderarbeid in oogsttijd')
    const withConfidential = JSON.stringify(
      await readIndependently(
        writeXlsx(registerWorkbook(stakeholders, { locale: 'en', includeConfidential: true })),
      ),
    )
    expect(withConfidential).toContain('Kinderarbeid in oogsttijd')
  })

  it('is a valid, deterministic package that an independent unzip can read', () => {
    const files = unzipSync(bytes)
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
    ])
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Volgorde</t></is></c>')
    expect(sheet).toContain('<c r="A2"><v>1</v></c>')
    expect(writeXlsx(sheets)).toEqual(bytes)
  })

  it('keeps control characters, carriage returns and _x escapes intact', () => {
    const text = 'a\rb\u0001c _x0041_ <&> "q"'
    const parsed = parseXlsx(
      writeXlsx([{ name: 'Notes', header: ['Notes'], rows: [[text], [-2]] }]),
    )
    expect(parsed).toEqual({ ok: true, rows: [['Notes'], [text], [-2]] })
  })

  it('gives sheets names Excel accepts: cut, cleaned and unique', async () => {
    const read = await readIndependently(
      writeXlsx([
        { name: 'Register', header: ['a'], rows: [] },
        { name: 'register', header: ['b'], rows: [] },
        { name: 'Een/heel [lange] naam: met tekens? die * niet mogen', header: ['c'], rows: [] },
      ]),
    )
    expect(read.map((sheet) => sheet.sheet)).toEqual([
      'Register',
      'register 2',
      'Eenheel lange naam met tekens d',
    ])
  })

  it('reads shared strings, gaps and booleans as Excel writes them', () => {
    const xml = (body: string) => strToU8(`<?xml version="1.0"?>${body}`)
    const file = zipSync({
      'xl/workbook.xml': xml(
        '<workbook xmlns:r="r"><sheets><sheet name="Blad1" sheetId="1" r:id="rId7"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': xml(
        '<Relationships><Relationship Id="rId7" Target="/xl/worksheets/blad.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': xml(
        '<sst><si><t>Naam</t></si><si><r><t>Vak</t></r><r><t xml:space="preserve">bond </t></r>' +
          '<rPh><t>x</t></rPh></si></sst>',
      ),
      'xl/worksheets/blad.xml': xml(
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="b"><v>1</v></c></row>' +
          '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3"><v>3.5</v></c></row></sheetData></worksheet>',
      ),
    })
    expect(parseXlsx(file)).toEqual({
      ok: true,
      rows: [['Naam', null, true], [], [null, 'Vakbond ', 3.5]].map((row) => [
        ...row,
        ...Array<null>(3 - row.length).fill(null),
      ]),
    })
  })

  it('refuses DOCTYPEs, non-zip input and too many rows', () => {
    const evil = zipSync({
      'xl/workbook.xml': strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>'),
      'xl/worksheets/sheet1.xml': strToU8('<!DOCTYPE x><worksheet/>'),
    })
    expect(parseXlsx(evil).ok).toBe(false)
    expect(parseXlsx(strToU8('Naam;Land')).ok).toBe(false)
    const long = zipSync({
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="9000"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
      ),
    })
    const result = parseXlsx(long)
    expect(result.ok || result.error.code).toBe('too-many-rows')
  })

  it('never throws on arbitrary bytes (seed printed on failure)', () => {
    const register = registerRows(richStakeholders(), { locale: 'nl' })
    const small = writeXlsx([{ name: 'R', header: register.header, rows: register.rows }])
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.nat({ max: small.length - 1 }),
        (noise, at) => {
          expect(typeof parseXlsx(noise).ok).toBe('boolean')
          const corrupted = small.slice()
          corrupted.set(noise.slice(0, Math.min(50, small.length - at)), at)
          expect(typeof parseXlsx(corrupted).ok).toBe('boolean')
        },
      ),
      { seed: Date.now(), numRuns: 200 },
    )
  })
})
