/**
 * How the report writes values: dates in the reader's language (in UTC, so the server and the
 * client print the same), scores with the locale's decimal separator, multi-line text with
 * its line breaks. Every user string goes through `escapeHtml` here.
 */
import type { LabelLocale } from '../labels/modelLabels'
import { scoreValue } from '../scoring/scoreValue'
import type { RegisterCell } from '../exchange/registerRows'
import { escapeHtml } from './escapeHtml'

const DATE_LOCALES: Readonly<Record<LabelLocale, string>> = { en: 'en-GB', nl: 'nl-NL' }

/** A timestamp or date as people read it, in UTC so server and client print the same. */
export function formatDate(iso: string, locale: LabelLocale, withTime: boolean): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'long', timeZone: 'UTC' }
  const formatted = new Intl.DateTimeFormat(DATE_LOCALES[locale], options).format(date)
  return withTime ? `${formatted} UTC` : formatted
}

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
