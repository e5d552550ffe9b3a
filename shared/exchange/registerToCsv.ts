import Papa from 'papaparse'
import { neutraliseCell } from './neutraliseCell'
import type { RegisterCell, RegisterTable } from './registerRows'

/** Field separators offered: `,` (international) and `;` (Excel in Dutch and other locales). */
export type CsvDelimiter = ',' | ';'

/** Options for {@link registerToCsv}. */
export interface RegisterCsvOptions {
  delimiter: CsvDelimiter
  /**
   * Decimal separator of numbers. Default: `,` with the `;` delimiter (what Dutch Excel
   * reads as a number), `.` with the `,` delimiter.
   */
  decimalSeparator?: '.' | ','
}

function csvCell(cell: RegisterCell, decimalSeparator: '.' | ','): string {
  if (cell === null) return ''
  if (typeof cell === 'number') {
    // A number is not text: it cannot run as a formula and is never neutralised.
    const text = Number.isFinite(cell) ? String(cell) : ''
    return decimalSeparator === ',' ? text.replace('.', ',') : text
  }
  return neutraliseCell(cell)
}

/**
 * The register, or any sheet of the workbook, as CSV for Excel: a UTF-8 byte order mark (so Excel reads UTF-8), CRLF line
 * ends, RFC 4180 quoting, and every text cell passed through `neutraliseCell`.
 */
export function registerToCsv(
  table: Pick<RegisterTable, 'header' | 'rows'>,
  options: RegisterCsvOptions,
): string {
  const decimalSeparator = options.decimalSeparator ?? (options.delimiter === ';' ? ',' : '.')
  const data = [
    table.header.map((header) => neutraliseCell(header)),
    ...table.rows.map((row) => row.map((cell) => csvCell(cell, decimalSeparator))),
  ]
  const body = Papa.unparse(data, {
    delimiter: options.delimiter,
    newline: '\r\n',
    quotes: false,
    quoteChar: '"',
    escapeFormulae: false,
  })
  return `\uFEFF${body}\r\n`
}
