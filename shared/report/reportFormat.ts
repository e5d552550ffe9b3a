/**
 * How the report writes values: dates in the reader's language (in UTC, so the server and the
 * client print the same), scores with the locale's decimal separator, multi-line text with
 * its line breaks. Every user string goes through `escapeHtml` here.
 */
import type { LabelLocale } from '../labels/modelLabels'
import { scoreValue } from '../scoring/scoreValue'
import type { RegisterCell } from '../exchange/registerRows'
import { escapeHtml } from './escapeHtml'

export { formatDate } from '../labels/formatDate'

/** Escaped text with line breaks kept. */
export function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>')
}

/** A number with the locale's decimal separator. */
export function formatNumber(value: number, locale: LabelLocale): string {
  return locale === 'nl' ? String(value).replace('.', ',') : String(value)
}

/** A register cell as HTML: numbers in the locale, text escaped with line breaks. */
export function cellHtml(cell: RegisterCell, locale: LabelLocale): string {
  if (cell === null || cell === '') return ''
  if (typeof cell === 'number') return escapeHtml(formatNumber(cell, locale))
  return multiline(cell)
}

/** A score, or a dash when not assessed. */
export function scoreHtml(value: number | null, locale: LabelLocale): string {
  const number = scoreValue(value)
  return number === null ? '—' : formatNumber(number, locale)
}
