import type { CsvDelimiter } from '../../shared/exchange/registerToCsv'
import type { Locale } from '../i18n/locale'

/**
 * The CSV separator to offer first: `;` in Dutch, because Dutch Excel uses the comma as
 * decimal separator and reads `;`-separated files; `,` otherwise.
 */
export function defaultCsvDelimiter(locale: Locale): CsvDelimiter {
  return locale === 'nl' ? ';' : ','
}
