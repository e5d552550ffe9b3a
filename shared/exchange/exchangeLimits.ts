/**
 * Limits and error codes shared by the import and export functions of `shared/exchange/`.
 * Files come from participants and from other installations, so every reader checks sizes
 * before it parses, and reports expected failures as values (codes the client translates).
 */
import type { ValidationError } from '../stakeholder/validateStakeholder'

/** Bounds on what an import may contain; they keep one file from exhausting memory. */
export const EXCHANGE_LIMITS = {
  /** Data rows (excluding the header) in one imported stakeholder list. */
  importRows: 5_000,
  /** Columns in one imported stakeholder list. */
  importColumns: 200,
  /** Characters of an imported CSV text (about 10 MB). */
  csvChars: 10_000_000,
  /** Bytes of an imported XLSX file. */
  xlsxBytes: 10_000_000,
  /** Uncompressed bytes of one part (sheet, shared strings) inside an XLSX file. */
  xlsxPartBytes: 50_000_000,
  /** Characters of a map JSON export. */
  mapJsonChars: 50_000_000,
  /** Stakeholders in one map JSON export. */
  mapStakeholders: 5_000,
  /** Records of each dialogue kind (plans, commitments, evaluations) in one map JSON export. */
  mapDialogueRecords: 10_000,
  /** tldraw records in one map JSON export. */
  mapRecords: 100_000,
  /** Entries of the `history` array of a map JSON export. */
  mapHistory: 10_000,
  /** Nesting depth of free-form JSON (tldraw records, meta, history). */
  jsonDepth: 64,
  /** Characters of a map title. */
  mapTitle: 500,
  /** Characters Excel keeps in one cell; longer text is cut when writing XLSX. */
  xlsxCellChars: 32_767,
} as const

/** Codes of file-level failures; the client translates them. */
export const EXCHANGE_ERROR_CODES = [
  'file-too-large',
  'too-many-rows',
  'too-many-columns',
  'not-xlsx',
  'xlsx-unsupported',
  'no-name-column',
  'map-not-empty',
  'id-conflict',
  'invalid-record',
  'confidential-not-allowed',
] as const
/** See {@link EXCHANGE_ERROR_CODES}. */
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number]

/** A file-level failure: a code for the UI, an English message for logs, and a path. */
export interface ExchangeError extends ValidationError {
  code: ExchangeErrorCode
  params: Readonly<Record<string, string | number>>
}

/** Builds an {@link ExchangeError} at the root path. */
export function exchangeError(
  code: ExchangeErrorCode,
  message: string,
  params: Record<string, string | number> = {},
): ExchangeError {
  return { code, message, path: '', params }
}

/** One cell of an imported or exported table; `null` is an empty cell. */
export type SheetCell = string | number | boolean | null

/** Outcome of reading a CSV or XLSX file: its rows (row 1 = the header) or why not. */
export type SheetReadResult =
  { ok: true; rows: SheetCell[][] } | { ok: false; error: ExchangeError }
