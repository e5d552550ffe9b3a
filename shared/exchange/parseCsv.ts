import Papa from 'papaparse'
import { EXCHANGE_LIMITS, exchangeError } from './exchangeLimits'
import type { SheetReadResult } from './exchangeLimits'

/** Separators recognised, in order of preference when the evidence is equal. */
const DELIMITERS = [',', ';', '\t'] as const
/** Records looked at to detect the separator. */
const SAMPLE_RECORDS = 50

/**
 * The separator that splits the header into the most columns while the sample records
 * agree with the header's column count. papaparse's own guess needs an average above two
 * fields per line, so it misses `;` in a two-column list that ends with a line break.
 */
function detectDelimiter(text: string): string {
  let best: { delimiter: string; agreeing: number; columns: number } | undefined
  for (const delimiter of DELIMITERS) {
    const sample = Papa.parse(text, {
      delimiter,
      quoteChar: '"',
      skipEmptyLines: true,
      preview: SAMPLE_RECORDS,
    }).data
    const columns = sample[0]?.length ?? 0
    if (columns < 2) continue
    const agreeing = sample.filter((record) => record.length === columns).length
    if (
      best === undefined ||
      agreeing > best.agreeing ||
      (agreeing === best.agreeing && columns > best.columns)
    ) {
      best = { delimiter, agreeing, columns }
    }
  }
  return best?.delimiter ?? ','
}

/**
 * Reads a CSV file a participant brings: strips a UTF-8 byte order mark, detects `,`, `;`
 * or tab as the separator, and returns the rows as text cells (row 1 = the header). Never
 * throws; a file over {@link EXCHANGE_LIMITS} is refused with a clear error. Quoting errors
 * are tolerated (the cells are read as well as they can be), as spreadsheet apps do.
 */
export function parseCsv(text: string): SheetReadResult {
  if (text.length > EXCHANGE_LIMITS.csvChars) {
    return {
      ok: false,
      error: exchangeError('file-too-large', 'the CSV file is too large', {
        limit: EXCHANGE_LIMITS.csvChars,
      }),
    }
  }
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  let rows: string[][]
  try {
    const result = Papa.parse(input, {
      delimiter: detectDelimiter(input),
      quoteChar: '"',
      skipEmptyLines: false,
      // One row past the limit is enough to know the file is too long.
      preview: EXCHANGE_LIMITS.importRows + 2,
    })
    rows = result.data.filter((row): row is string[] => Array.isArray(row))
  } catch {
    // papaparse is not known to throw on text; this guards the "never throws" promise.
    rows = []
  }
  // A final line break leaves one empty record behind.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop()
  if (rows.length > EXCHANGE_LIMITS.importRows + 1) {
    return {
      ok: false,
      error: exchangeError('too-many-rows', 'the file has too many rows', {
        limit: EXCHANGE_LIMITS.importRows,
      }),
    }
  }
  if (rows.some((row) => row.length > EXCHANGE_LIMITS.importColumns)) {
    return {
      ok: false,
      error: exchangeError('too-many-columns', 'the file has too many columns', {
        limit: EXCHANGE_LIMITS.importColumns,
      }),
    }
  }
  return { ok: true, rows }
}
