import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../shared/exchange/parseCsv'
import { registerRows } from '../../../shared/exchange/registerRows'
import type { RegisterTable } from '../../../shared/exchange/registerRows'
import { registerToCsv } from '../../../shared/exchange/registerToCsv'
import { richStakeholders } from './richMap'

function table(rows: RegisterTable['rows']): RegisterTable {
  return { locale: 'en', columns: [], header: ['Name', 'Score', 'Notes'], rows, stakeholderIds: [] }
}

describe('register CSV', () => {
  it.each([',', ';'] as const)(
    'neutralises formulas and reads them back as text (%s)',
    (delimiter) => {
      const csv = registerToCsv(table([['=HYPERLINK("http://x")', -3.5, '@SUM(A1)']]), {
        delimiter,
      })
      const parsed = parseCsv(csv)
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) return
      const [header, row] = parsed.rows
      expect(header).toEqual(['Name', 'Score', 'Notes'])
      expect(row![0]).toBe('\'=HYPERLINK("http://x")')
      expect(row![2]).toBe("'@SUM(A1)")
      // A number is a number cell, not text: no apostrophe, locale decimal separator.
      expect(row![1]).toBe(delimiter === ';' ? '-3,5' : '-3.5')
    },
  )

  it('starts with a BOM and uses CRLF line ends with RFC 4180 quoting', () => {
    const csv = registerToCsv(table([['Boeren, "Ghana"', 4, 'regel 1\nregel 2']]), {
      delimiter: ',',
    })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe('\uFEFFName,Score,Notes\r\n"Boeren, ""Ghana""",4,"regel 1\nregel 2"\r\n')
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false)
  })

  it('round-trips the register through CSV', () => {
    const register = registerRows(richStakeholders(), { locale: 'nl', includeContacts: true })
    for (const delimiter of [',', ';'] as const) {
      const parsed = parseCsv(registerToCsv(register, { delimiter }))
      if (!parsed.ok) throw new Error(parsed.error.message)
      expect(parsed.rows[0]).toEqual(register.header)
      expect(parsed.rows).toHaveLength(register.rows.length + 1)
      expect(parsed.rows[1]![1]).toBe(register.rows[0]![1])
    }
  })

  it('detects comma, semicolon and tab, and strips the BOM', () => {
    for (const separator of [',', ';', '\t']) {
      const parsed = parseCsv(`\uFEFFNaam${separator}Land\r\nFNV${separator}Nederland\r\n`)
      expect(parsed).toEqual({
        ok: true,
        rows: [
          ['Naam', 'Land'],
          ['FNV', 'Nederland'],
        ],
      })
    }
  })

  it('refuses files that are too large or too long', () => {
    const tooLong = parseCsv(`Naam\n${'x\n'.repeat(5_001)}`)
    expect(tooLong.ok || tooLong.error.code).toBe('too-many-rows')
    expect(parseCsv(`Naam\n${'x\n'.repeat(5_000)}`).ok).toBe(true)
    const tooLarge = parseCsv('x'.repeat(10_000_001))
    expect(tooLarge.ok || tooLarge.error.code).toBe('file-too-large')
  })

  it('never throws on arbitrary strings (seed printed on failure)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => {
        expect(typeof parseCsv(a).ok).toBe('boolean')
        expect(typeof parseCsv(`${b}"${a};\r\n${b}`).ok).toBe('boolean')
      }),
      { seed: Date.now(), numRuns: 500 },
    )
  })
})
