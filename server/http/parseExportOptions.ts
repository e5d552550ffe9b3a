import type { RegisterLocale } from '../../shared/exchange/registerLabels'
import type { CsvDelimiter } from '../../shared/exchange/registerToCsv'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import type { BodyError } from './readJsonBody'

/** The query options of the export and report routes, checked. */
export interface ExportOptions {
  /**
   * `contacts=1`: include the map's confidential part, its contacts (personal data) and its
   * confidential engagement-log entries (the route checks the role). Off by default.
   */
  includeConfidential: boolean
  /** `lang=en|nl`: headers, labels and report text. Default `en`. */
  locale: RegisterLocale
  /** `delimiter=comma|semicolon`: CSV separator. Default `;` with `lang=nl`, `,` otherwise. */
  delimiter: CsvDelimiter
}

/** Result of {@link parseExportOptions}. */
export type ExportOptionsResult =
  { ok: true; value: ExportOptions } | { ok: false; error: BodyError }

const CONTACTS: Readonly<Record<string, boolean>> = { '0': false, '1': true }
const LOCALES: Readonly<Record<string, RegisterLocale>> = { en: 'en', nl: 'nl' }
const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = { comma: ',', semicolon: ';' }

type OptionResult<T> = { ok: true; value: T | undefined } | { ok: false; error: BodyError }

/** The value of query parameter `name` looked up in `values`; absent gives `undefined`. */
function readOption<T>(
  query: URLSearchParams,
  name: string,
  values: Readonly<Record<string, T>>,
): OptionResult<T> {
  const given = query.getAll(name)
  const [first] = given
  if (first === undefined) return { ok: true, value: undefined }
  if (given.length === 1 && Object.hasOwn(values, first)) return { ok: true, value: values[first] }
  const allowed = Object.keys(values).join(', ')
  return {
    ok: false,
    error: {
      status: 400,
      code: ApiErrorCode.invalidOption,
      message: `${name} must be one of: ${allowed}.`,
    },
  }
}

/**
 * Reads `contacts`, `lang` and `delimiter` from an export URL's query. Other parameters
 * (`token`) are left alone; a known one given twice or with an unknown value is refused,
 * so a typo never silently exports something other than what was asked for.
 */
export function parseExportOptions(query: URLSearchParams): ExportOptionsResult {
  const contacts = readOption(query, 'contacts', CONTACTS)
  if (!contacts.ok) return contacts
  const lang = readOption(query, 'lang', LOCALES)
  if (!lang.ok) return lang
  const delimiter = readOption(query, 'delimiter', DELIMITERS)
  if (!delimiter.ok) return delimiter
  const locale = lang.value ?? 'en'
  return {
    ok: true,
    value: {
      includeConfidential: contacts.value ?? false,
      locale,
      // Dutch Excel uses the comma for decimals and reads `;`-separated files.
      delimiter: delimiter.value ?? (locale === 'nl' ? ';' : ','),
    },
  }
}
