/**
 * Reads a stakeholder list the user picked (CSV or XLSX) into rows, checking the kind and
 * the size before reading anything, so a wrong or huge file fails fast with a clear reason.
 */
import { EXCHANGE_LIMITS } from '../../shared/exchange/exchangeLimits'
import type { ExchangeError, SheetCell } from '../../shared/exchange/exchangeLimits'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { parseXlsx } from '../../shared/exchange/parseXlsx'

/** Which reader a file needs, or `null` when it is neither CSV nor XLSX. */
export function sheetFileKind(name: string, type: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase()
  if (lower.endsWith('.xlsx')) return 'xlsx'
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv'
  if (type === 'text/csv') return 'csv'
  if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx'
  return null
}

/** Bytes a picked file may have; a CSV of 10 M characters is at most 40 MB in UTF-8. */
export const MAX_SHEET_FILE_BYTES = EXCHANGE_LIMITS.xlsxBytes

/** Outcome of {@link readSheetFile}. */
export type SheetFileResult =
  | { ok: true; rows: SheetCell[][] }
  | { ok: false; reason: 'type' | 'too-large' | 'empty' | 'read' }
  | { ok: false; reason: 'exchange'; error: ExchangeError }

/** Reads `file` as CSV or XLSX; never throws. */
export async function readSheetFile(file: File): Promise<SheetFileResult> {
  const kind = sheetFileKind(file.name, file.type)
  if (kind === null) return { ok: false, reason: 'type' }
  if (file.size > MAX_SHEET_FILE_BYTES) return { ok: false, reason: 'too-large' }
  let result
  try {
    result =
      kind === 'csv'
        ? parseCsv(await file.text())
        : parseXlsx(new Uint8Array(await file.arrayBuffer()))
  } catch {
    return { ok: false, reason: 'read' }
  }
  if (!result.ok) return { ok: false, reason: 'exchange', error: result.error }
  // A header alone, or nothing, is nothing to import.
  if (result.rows.length < 2) return { ok: false, reason: 'empty' }
  return { ok: true, rows: result.rows }
}

/** The row numbers (header = 1) of the records a plan imports, in the plan's order. */
export function importedRowNumbers(
  rowCount: number,
  rejected: readonly { rowNumber: number }[],
  skippedRows: readonly number[],
): number[] {
  const left = new Set([...rejected.map((row) => row.rowNumber), ...skippedRows])
  const numbers: number[] = []
  for (let rowNumber = 2; rowNumber <= rowCount; rowNumber++) {
    if (!left.has(rowNumber)) numbers.push(rowNumber)
  }
  return numbers
}
