/** UI languages of the product. tldraw's own UI ships both as well. */
export const LOCALES = ['en', 'nl'] as const

/** A UI language. */
export type Locale = (typeof LOCALES)[number]

/** The first supported language among the browser's preferences, English otherwise. */
export function detectLocale(preferred: readonly (string | null | undefined)[]): Locale {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0]
    if (base === 'nl' || base === 'en') return base
  }
  return 'en'
}
