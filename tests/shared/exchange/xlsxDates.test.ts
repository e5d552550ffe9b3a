import { describe, expect, it } from 'vitest'
import {
  dateStyleOfFormat,
  readDateStyles,
  serialToIsoDate,
} from '../../../shared/exchange/xlsxDates'

const DATE = { date: true, time: false }
const TIME = { date: false, time: true }
const BOTH = { date: true, time: true }

describe('date formats of XLSX cell styles', () => {
  it('knows Excel’s built-in date and time formats and reads custom ones', () => {
    const styles = `<styleSheet>
      <numFmts count="2">
        <numFmt numFmtId="164" formatCode="[$-413]d\\ mmmm\\ yyyy"/>
        <numFmt numFmtId="165" formatCode="#,##0.00\\ [$€-413]"/>
      </numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="6">
        <xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="46"/>
        <xf numFmtId="164"/><xf numFmtId="165"/>
      </cellXfs>
    </styleSheet>`
    expect([...readDateStyles(styles)]).toEqual([
      [1, DATE],
      [2, BOTH],
      [3, TIME],
      [4, DATE],
    ])
  })

  it('tells dates and times from text, colours, locales and units in a format code', () => {
    expect(dateStyleOfFormat('yyyy-mm-dd')).toEqual(DATE)
    expect(dateStyleOfFormat('mmmm')).toEqual(DATE)
    expect(dateStyleOfFormat('[h]:mm:ss')).toEqual(TIME)
    expect(dateStyleOfFormat('hh:mm AM/PM')).toEqual(TIME)
    expect(dateStyleOfFormat('[$-413]dd/mm/yyyy\\ hh:mm')).toEqual(BOTH)
    for (const code of ['General', '@', '0.0', '[Red]0;[Blue]-0', '0 "dagen"', '#,##0 [$€-413]']) {
      expect(dateStyleOfFormat(code), code).toBeNull()
    }
  })
})

describe('XLSX serial numbers as ISO dates', () => {
  it('follows Excel’s 1900 calendar, its phantom 29 February 1900 included', () => {
    expect(serialToIsoDate(1, DATE)).toBe('1900-01-01')
    expect(serialToIsoDate(59, DATE)).toBe('1900-02-28')
    expect(serialToIsoDate(61, DATE)).toBe('1900-03-01')
    expect(serialToIsoDate(45730, DATE)).toBe('2025-03-14')
    expect(serialToIsoDate(0, DATE, true)).toBe('1904-01-01')
  })

  it('shows the time when the format does, to the second when it has seconds', () => {
    expect(serialToIsoDate(45730.395833333, BOTH)).toBe('2025-03-14 09:30')
    expect(serialToIsoDate(0.5 + 7 / 86_400, TIME)).toBe('12:00:07')
    expect(serialToIsoDate(45730.75, DATE)).toBe('2025-03-14')
  })

  it('leaves numbers no date can have to be read as numbers', () => {
    expect(serialToIsoDate(-1, DATE)).toBeNull()
    expect(serialToIsoDate(3e6, DATE)).toBeNull()
  })
})
