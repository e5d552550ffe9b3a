/**
 * A timestamp or date as people read it, in the reader's language and in UTC, so the server
 * (the report) and the client (boards, panels) print the same. Apart from the report's other
 * formatting, so the map page can use it without loading the report's code.
 */
import type { LabelLocale } from './modelLabels'

const DATE_LOCALES: Readonly<Record<LabelLocale, string>> = { en: 'en-GB', nl: 'nl-NL' }

/** `iso` in `locale`'s long date (and time, when `withTime`); `iso` itself when unreadable. */
export function formatDate(iso: string, locale: LabelLocale, withTime: boolean): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'long', timeZone: 'UTC' }
  const formatted = new Intl.DateTimeFormat(DATE_LOCALES[locale], options).format(date)
  return withTime ? `${formatted} UTC` : formatted
}
