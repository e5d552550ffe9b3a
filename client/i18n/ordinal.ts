/**
 * A place in a row as words put it: "2nd" in English, "2e" in Dutch. Not a catalogue
 * message: English needs four endings chosen by `Intl.PluralRules` (21st, 22nd, 23rd, 11th).
 */
import type { Locale } from './locale'

const ENGLISH_ENDINGS: Record<Intl.LDMLPluralRule, string> = {
  zero: 'th',
  one: 'st',
  two: 'nd',
  few: 'rd',
  many: 'th',
  other: 'th',
}

const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' })

/** `place` (1 = first) as an ordinal in `locale`. */
export function ordinal(locale: Locale, place: number): string {
  if (locale === 'nl') return `${place}e`
  return `${place}${ENGLISH_ENDINGS[englishOrdinals.select(place)]}`
}
