/**
 * Reads the first sheet of an XLSX file a participant brings (from Excel, LibreOffice,
 * Google Sheets or `registerToXlsx`). Only the parts needed are unzipped (workbook, its
 * relationships, shared strings, styles, worksheets), each capped in size, and read with the
 * small scanner in `scanXml` (no DOCTYPE, so no entity expansion). Formulas are not evaluated:
 * the cached value Excel stored is read. A date cell is a number with a date format
 * (`xlsxDates`); it is read as the date the user sees, in ISO form.
 */
import { strFromU8, unzipSync } from 'fflate'
import { EXCHANGE_LIMITS, exchangeError } from './exchangeLimits'
import type { ExchangeError, SheetCell, SheetReadResult } from './exchangeLimits'
import { scanXml } from './scanXml'
import { type DateStyle, readDateStyles, serialToIsoDate } from './xlsxDates'
import { unescapeXlsxText } from './xlsxText'

const NEEDED_PART =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/

function notXlsx(message: string): { ok: false; error: ExchangeError } {
  return { ok: false, error: exchangeError('not-xlsx', message) }
}

function tooLarge(limit: number): { ok: false; error: ExchangeError } {
  return {
    ok: false,
    error: exchangeError('file-too-large', 'the XLSX file is too large', { limit }),
  }
}

/** The worksheet path of the workbook's first sheet, or null when it cannot be found. */
function firstSheetPath(workbook: string, rels: string): string | null {
  // Holders, not `let`s: the callbacks assign them, which flow analysis cannot see.
  const found: { relationId: string | null; target: string | null } = {
    relationId: null,
    target: null,
  }
  scanXml(workbook, (event) => {
    if (found.relationId !== null || event.type !== 'open' || event.name !== 'sheet') return
    for (const [key, value] of event.attributes) if (key.endsWith(':id')) found.relationId = value
  })
  if (found.relationId === null) return null
  scanXml(rels, (event) => {
    if (event.type !== 'open' || event.name !== 'Relationship') return
    if (event.attributes.get('Id') === found.relationId) {
      found.target = event.attributes.get('Target') ?? null
    }
  })
  const { target } = found
  if (target === null) return null
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`
}

/** True when the workbook counts dates from 1904 (old Mac Excel), not from 1900. */
function usesDate1904(workbook: string): boolean {
  const found = { date1904: false }
  scanXml(workbook, (event) => {
    if (event.type !== 'open' || event.name !== 'workbookPr') return
    const value = event.attributes.get('date1904')
    found.date1904 = value === '1' || value === 'true'
  })
  return found.date1904
}

/** The text of every `<si>` of the shared-string table (phonetic runs left out). */
function readSharedStrings(xml: string): string[] | string {
  const strings: string[] = []
  let current: string[] | null = null
  let inText = false
  let phonetic = 0
  const error = scanXml(xml, (event) => {
    if (event.type === 'open') {
      if (event.name === 'si') current = []
      else if (event.name === 'rPh') phonetic++
      else if (event.name === 't' && !event.selfClosing) inText = true
    } else if (event.type === 'close') {
      if (event.name === 'si' && current !== null) {
        strings.push(unescapeXlsxText(current.join('')))
        current = null
      } else if (event.name === 'rPh') phonetic--
      else if (event.name === 't') inText = false
    } else if (inText && phonetic === 0 && current !== null) current.push(event.text)
  })
  return error ?? strings
}

/** Zero-based column of a cell reference such as `AB12`; null when there is none. */
function columnOf(ref: string | undefined): number | null {
  const match = ref === undefined ? null : /^([A-Za-z]{1,3})\d*$/.exec(ref)
  if (!match?.[1]) return null
  let column = 0
  for (const char of match[1].toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64)
  return column - 1
}

interface CellState {
  column: number
  type: string
  /** Index of the cell's style in `cellXfs`. */
  style: number
  value: string[]
  inline: string[]
  inValue: boolean
  inInlineText: boolean
}

/** Which cell styles show dates, and the workbook's date system. */
interface DateFormats {
  styles: ReadonlyMap<number, DateStyle>
  date1904: boolean
}

function cellValue(cell: CellState, shared: readonly string[], dates: DateFormats): SheetCell {
  const raw = cell.value.join('')
  switch (cell.type) {
    case 's':
      return shared[Number(raw)] ?? null
    case 'inlineStr':
      return unescapeXlsxText(cell.inline.join(''))
    case 'b':
      return raw === '1' || raw === 'true'
    case 'str':
    case 'e':
    case 'd':
      return raw === '' ? null : unescapeXlsxText(raw)
    default: {
      if (raw.trim() === '') return null
      const number = Number(raw)
      if (!Number.isFinite(number)) return raw
      const dateStyle = dates.styles.get(cell.style)
      return (dateStyle && serialToIsoDate(number, dateStyle, dates.date1904)) ?? number
    }
  }
}

/** Reads the sheet's cells into rows; row n of the result is row n + 1 in Excel. */
function readSheet(xml: string, shared: readonly string[], dates: DateFormats): SheetReadResult {
  const rows: SheetCell[][] = []
  let rowIndex = -1
  let nextColumn = 0
  let cell: CellState | null = null
  const state: { failure: ExchangeError | null } = { failure: null }
  const error = scanXml(xml, (event) => {
    if (state.failure !== null) return
    if (event.type === 'open') {
      if (event.name === 'row') {
        const r = Number(event.attributes.get('r'))
        rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1
        nextColumn = 0
        if (rowIndex > EXCHANGE_LIMITS.importRows) {
          state.failure = exchangeError('too-many-rows', 'the sheet has too many rows', {
            limit: EXCHANGE_LIMITS.importRows,
          })
        }
      } else if (event.name === 'c') {
        const column = columnOf(event.attributes.get('r')) ?? nextColumn
        nextColumn = column + 1
        const type = event.attributes.get('t') ?? 'n'
        const style = Number(event.attributes.get('s') ?? 0)
        cell = { column, type, style, value: [], inline: [], inValue: false, inInlineText: false }
      } else if (cell !== null && event.name === 'v') cell.inValue = !event.selfClosing
      else if (cell !== null && event.name === 't') cell.inInlineText = !event.selfClosing
    } else if (event.type === 'close') {
      if (event.name === 'v' && cell !== null) cell.inValue = false
      else if (event.name === 't' && cell !== null) cell.inInlineText = false
      else if (event.name === 'c' && cell !== null) {
        const value = cellValue(cell, shared, dates)
        if (value !== null && value !== '' && rowIndex >= 0) {
          if (cell.column >= EXCHANGE_LIMITS.importColumns) {
            state.failure = exchangeError('too-many-columns', 'the sheet has too many columns', {
              limit: EXCHANGE_LIMITS.importColumns,
            })
            return
          }
          while (rows.length <= rowIndex) rows.push([])
          const row = rows[rowIndex]!
          while (row.length < cell.column) row.push(null)
          row[cell.column] = value
        }
        cell = null
      }
    } else if (cell !== null) {
      if (cell.inValue) cell.value.push(event.text)
      else if (cell.inInlineText) cell.inline.push(event.text)
    }
  })
  if (state.failure !== null) return { ok: false, error: state.failure }
  if (error !== null) return notXlsx(`the sheet could not be read: ${error}`)
  // A rectangular table: every row as wide as the widest, with empty cells as null.
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0)
  for (const row of rows) while (row.length < width) row.push(null)
  return { ok: true, rows }
}

/**
 * The rows of the first sheet of an XLSX file (row 1 = the header), cells as text, numbers
 * or booleans (date cells as ISO text), empty cells as `null`. Never throws; a file that is
 * not XLSX, too large, or has more rows or columns than {@link EXCHANGE_LIMITS} allows gives
 * an error.
 */
export function parseXlsx(bytes: Uint8Array): SheetReadResult {
  if (bytes.length > EXCHANGE_LIMITS.xlsxBytes) return tooLarge(EXCHANGE_LIMITS.xlsxBytes)
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return notXlsx('the file is not an XLSX workbook')
  }
  const size = { oversized: false }
  let parts: Record<string, Uint8Array>
  try {
    parts = unzipSync(bytes, {
      filter(file) {
        if (!NEEDED_PART.test(file.name)) return false
        // fflate sizes its output by the declared size, so a lying header cannot blow up.
        if (file.originalSize > EXCHANGE_LIMITS.xlsxPartBytes) size.oversized = true
        return !size.oversized
      },
    })
  } catch {
    return notXlsx('the file is not a readable XLSX workbook')
  }
  if (size.oversized) return tooLarge(EXCHANGE_LIMITS.xlsxPartBytes)
  try {
    const text = (name: string) => {
      const part = parts[name]
      return part === undefined ? null : strFromU8(part)
    }
    const workbook = text('xl/workbook.xml')
    if (workbook === null) return notXlsx('the file has no workbook')
    const sheetPath =
      firstSheetPath(workbook, text('xl/_rels/workbook.xml.rels') ?? '') ??
      'xl/worksheets/sheet1.xml'
    const sheet = text(sheetPath)
    if (sheet === null) return notXlsx('the workbook has no readable first sheet')
    const sharedXml = text('xl/sharedStrings.xml')
    const shared = sharedXml === null ? [] : readSharedStrings(sharedXml)
    if (typeof shared === 'string')
      return notXlsx(`the shared strings could not be read: ${shared}`)
    const styles = text('xl/styles.xml')
    const dates = {
      styles: styles === null ? new Map() : readDateStyles(styles),
      date1904: usesDate1904(workbook),
    }
    return readSheet(sheet, shared, dates)
  } catch {
    // strFromU8 throws on invalid UTF-8; every other step returns its errors.
    return notXlsx('the file is not a readable XLSX workbook')
  }
}
