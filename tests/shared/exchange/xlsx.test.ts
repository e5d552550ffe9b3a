import fc from 'fast-check'
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseXlsx } from '../../../shared/exchange/parseXlsx'
import { registerRows } from '../../../shared/exchange/registerRows'
import { registerToXlsx } from '../../../shared/exchange/registerToXlsx'
import { richStakeholders } from './richMap'

describe('register XLSX', () => {
  const register = registerRows(richStakeholders(), { locale: 'nl', includeContacts: true })
  const bytes = registerToXlsx(register)

  it('is read back with the right header and rows', () => {
    const parsed = parseXlsx(bytes)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.rows[0]).toEqual(register.header)
    expect(parsed.rows).toHaveLength(register.rows.length + 1)
    const expected = register.rows.map((row) =>
      row.map((cell) =>
        cell === ''
          ? null
          : typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell)
            ? `'${cell}`
            : cell,
      ),
    )
    expect(parsed.rows.slice(1)).toEqual(expected)
    // Numbers are number cells, fractions intact; Dutch text, emoji and newlines survive.
    expect(parsed.rows[1]).toEqual(
      expect.arrayContaining([1.5, 4.75, 'Cacaoboeren in Ghana — coöperatie “Ɔdɔ”']),
    )
    expect(parsed.rows[1]).toContain('ja')
  })

  it('is a valid package that an independent unzip can read', () => {
    const files = unzipSync(bytes)
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ])
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Volgorde</t></is></c>')
    expect(sheet).toContain('<c r="A2"><v>1</v></c>')
    expect(sheet).not.toContain('<f>')
    expect(sheet).toContain('Macht')
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Register"')
    // Deterministic output.
    expect(registerToXlsx(register)).toEqual(bytes)
  })

  it('keeps control characters, carriage returns and _x escapes intact', () => {
    const text = 'a\rb\u0001c _x0041_ <&> "q"'
    const table = { ...register, header: ['Notes'], columns: [], rows: [[text], [-2]] }
    const parsed = parseXlsx(registerToXlsx(table))
    expect(parsed).toEqual({ ok: true, rows: [['Notes'], [text], [-2]] })
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
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.nat({ max: bytes.length - 1 }),
        (noise, at) => {
          expect(typeof parseXlsx(noise).ok).toBe('boolean')
          const corrupted = bytes.slice()
          corrupted.set(noise.slice(0, Math.min(50, bytes.length - at)), at)
          expect(typeof parseXlsx(corrupted).ok).toBe('boolean')
        },
      ),
      { seed: Date.now(), numRuns: 200 },
    )
  })
})
