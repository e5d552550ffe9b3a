/**
 * Dates in SpreadsheetML. A date cell is a plain number, the days since the workbook's epoch
 * (fractions are the time of day), shown as a date only by its style's number format. So the
 * reader looks up which cell styles (`cellXfs` in `xl/styles.xml`) have a date or time format,
 * built in (ids 14–22, 45–47, and the East Asian 27–36, 50–58) or custom (a format code with
 * day, month, year, hour or second parts outside quotes and brackets), and turns such numbers
 * into the ISO text the user recognises: `2025-03-14`, `2025-03-14 09:30`, `09:30`.
 */
import { scanXml } from './scanXml'

/** What a date format shows. */
export interface DateStyle {
  date: boolean
  time: boolean
}

const BUILT_IN: Readonly<Record<number, DateStyle>> = (() => {
  const styles: Record<number, DateStyle> = {}
  const set = (ids: number[], style: DateStyle) => ids.forEach((id) => (styles[id] = style))
  set([14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58], {
    date: true,
    time: false,
  })
  set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56], { date: false, time: true })
  set([22], { date: true, time: true })
  return styles
})()

/** The date style of a custom format code, or null when it shows no date or time. */
export function dateStyleOfFormat(code: string): DateStyle | null {
  const parts = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    // Colours, conditions and locales ([Red], [<10], [$-413]) but not elapsed time ([h]).
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/[_*]./g, '')
    .toLowerCase()
  const time = /[hs]/.test(parts)
  // "m" is minutes next to hours or seconds, months otherwise.
  const date = /[dy]/.test(parts) || (!time && parts.includes('m'))
  return date || time ? { date, time } : null
}

/**
 * The date style of each cell style index of `xl/styles.xml` that has one; the other
 * indexes are absent. Styles that cannot be read count as no date.
 */
export function readDateStyles(xml: string): Map<number, DateStyle> {
  const custom = new Map<number, DateStyle | null>()
  const styles = new Map<number, DateStyle>()
  let inCellXfs = false
  let index = 0
  scanXml(xml, (event) => {
    if (event.type === 'open' && event.name === 'numFmt') {
      const id = Number(event.attributes.get('numFmtId'))
      custom.set(id, dateStyleOfFormat(event.attributes.get('formatCode') ?? ''))
    } else if (event.type === 'open' && event.name === 'cellXfs') inCellXfs = true
    else if (event.type === 'close' && event.name === 'cellXfs') inCellXfs = false
    else if (event.type === 'open' && event.name === 'xf' && inCellXfs) {
      const id = Number(event.attributes.get('numFmtId') ?? 0)
      const style = custom.has(id) ? custom.get(id) : BUILT_IN[id]
      if (style) styles.set(index, style)
      index++
    }
  })
  return styles
}

/**
 * The serial number `serial` as ISO text in `style`, for a workbook in the 1900 date system
 * (Excel's default, LibreOffice's too) or the 1904 one; null for numbers no date can have.
 */
export function serialToIsoDate(serial: number, style: DateStyle, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null
  // Excel counts a 29 February 1900 that never was: from day 61 on, the epoch is a day earlier.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 61 ? 31 : 30)
  const iso = new Date(epoch + Math.round(serial * 86_400) * 1000).toISOString()
  const day = iso.slice(0, 10)
  const time = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19)
  if (!style.time) return day
  return style.date ? `${day} ${time}` : time
}
