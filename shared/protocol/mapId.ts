/**
 * Map ids appear in URLs, socket paths and storage keys, so they are restricted to a
 * small alphabet with a bounded length: no path tricks, no encoding surprises.
 */
export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

/** True when `value` is a syntactically valid map id (it may still not exist). */
export function isValidMapId(value: unknown): value is string {
  return typeof value === 'string' && MAP_ID_PATTERN.test(value)
}

/** Maximum length of a map title, in characters. */
export const MAX_MAP_TITLE_LENGTH = 200
