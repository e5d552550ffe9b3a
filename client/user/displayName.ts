/**
 * The name a person goes by on a map, and how a screen shows it. Someone who typed no name
 * is published as {@link ANONYMOUS_NAME}: one stable word in presence, raised hands and the
 * server's records, whatever language anyone's screen is in. Screens show that word, or an
 * empty name, as the translated label ("Anonymous" / "Anoniem"). No translations are loaded
 * here, so the workshop model can use the fallback outside a page.
 */

/** The name published for someone who typed none (the server's records use it too). */
export const ANONYMOUS_NAME = 'Anonymous'

/** The name this person is published under: what they typed, or {@link ANONYMOUS_NAME}. */
export function publishedName(typed: string): string {
  return typed.trim() ? typed : ANONYMOUS_NAME
}

/** A published name as a screen shows it; `t` is the screen's translate function. */
export function shownName(name: string, t: (key: 'user.anonymous') => string): string {
  return !name.trim() || name === ANONYMOUS_NAME ? t('user.anonymous') : name
}
