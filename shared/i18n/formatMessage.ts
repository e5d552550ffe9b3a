/**
 * The one placeholder filler of every catalogue (UI, exchange, sharing, labels, reports).
 *
 * A template names its values in braces: `{name}`. A count that changes the words is
 * written the way ICU MessageFormat writes it, so a translator recognises it:
 *
 *     '{count, plural, one {# kaart} other {# kaarten}} verwijderen?'
 *
 * The form is chosen with `Intl.PluralRules` for the locale; `#` is the number. Dutch and
 * English only have `one` and `other`; a language with more forms only needs more branches.
 * A placeholder without a value stays as written, so a missing parameter shows instead of
 * vanishing.
 */

export type MessageParams = Readonly<Record<string, unknown>>

const pluralRules = new Map<string, Intl.PluralRules>()

function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  return rules.select(count)
}

/** The index of the brace that closes the one at `open`, or -1. */
function closingBrace(template: string, open: number): number {
  let depth = 0
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++
    else if (template[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** The branches of `one {…} other {…}`, keyed by category (`=0` for an exact number). */
function pluralBranches(body: string): Map<string, string> | null {
  const branches = new Map<string, string>()
  let i = 0
  while (i < body.length) {
    const match = /^\s*(=?\w+)\s*\{/.exec(body.slice(i))
    if (!match?.[1]) return body.slice(i).trim() === '' ? branches : null
    const open = i + match[0].length - 1
    const close = closingBrace(body, open)
    if (close < 0) return null
    branches.set(match[1], body.slice(open + 1, close))
    i = close + 1
  }
  return branches
}

function formatPlural(
  locale: string,
  value: unknown,
  body: string,
  params: MessageParams,
  format: ((name: string, value: unknown) => string | undefined) | undefined,
): string | null {
  const count = Number(value)
  const branches = pluralBranches(body)
  if (!branches || !Number.isFinite(count)) return null
  const chosen =
    branches.get(`=${count}`) ??
    branches.get(pluralCategory(locale, count)) ??
    branches.get('other')
  if (chosen === undefined) return null
  const number = new Intl.NumberFormat(locale).format(count)
  return formatMessage(locale, chosen.replace(/#/g, number), params, format)
}

/**
 * Fills the placeholders of `template`. `format`, if given, may put a value in words
 * (a quadrant code, say); it returns undefined to leave the value as it is.
 */
export function formatMessage(
  locale: string,
  template: string,
  params: MessageParams = {},
  format?: (name: string, value: unknown) => string | undefined,
): string {
  let out = ''
  let i = 0
  while (i < template.length) {
    const open = template.indexOf('{', i)
    if (open < 0) break
    out += template.slice(i, open)
    const close = closingBrace(template, open)
    if (close < 0) {
      i = open
      break
    }
    const inner = template.slice(open + 1, close)
    out += fillPlaceholder(locale, inner, params, format) ?? template.slice(open, close + 1)
    i = close + 1
  }
  return out + template.slice(i)
}

function fillPlaceholder(
  locale: string,
  inner: string,
  params: MessageParams,
  format: ((name: string, value: unknown) => string | undefined) | undefined,
): string | null {
  const [, countName, body] = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner) ?? []
  if (countName !== undefined && body !== undefined) {
    const value = params[countName]
    if (value === undefined || value === null) return null
    return formatPlural(locale, value, body, params, format)
  }
  if (!/^\w+$/.test(inner)) return null
  const value = params[inner]
  if (value === undefined || value === null) return null
  return format?.(inner, value) ?? String(value)
}
