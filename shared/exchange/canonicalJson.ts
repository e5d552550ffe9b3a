/**
 * Canonical JSON values: plain objects with sorted keys, so that the same data always
 * serialises to the same text. Used for the map export, whose output must be stable
 * (the same document gives the same file, byte for byte).
 */

/** A JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue }

/** What {@link canonicalJson} reports besides the value: a code, and the same in English. */
export interface CanonicalJsonIssue {
  path: string
  code: 'nested-too-deeply' | 'key-not-allowed'
  message: string
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

/**
 * A deep copy of `value` as canonical JSON: object keys sorted, `undefined` properties
 * dropped, and what JSON cannot hold made JSON-like (non-finite numbers and other values
 * become `null`, `-0` becomes `0`), exactly as `JSON.stringify` then `JSON.parse` would.
 * `__proto__` keys are dropped (they would set a prototype when copied) and reported, as is
 * nesting deeper than `maxDepth`. Only own enumerable data is read.
 */
export function canonicalJson(
  value: unknown,
  maxDepth: number,
  issues: CanonicalJsonIssue[] = [],
  path = '',
): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null
  if (typeof value !== 'object') return null
  if (maxDepth <= 0) {
    issues.push({ path, code: 'nested-too-deeply', message: 'is nested too deeply' })
    return null
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      canonicalJson(item === undefined ? null : item, maxDepth - 1, issues, join(path, index)),
    )
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return null
  const result: JsonObject = {}
  for (const key of Object.keys(value).sort()) {
    if (key === '__proto__') {
      issues.push({
        path: join(path, key),
        code: 'key-not-allowed',
        message: 'is not allowed and was left out',
      })
      continue
    }
    const item = (value as Record<string, unknown>)[key]
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    result[key] = canonicalJson(item, maxDepth - 1, issues, join(path, key))
  }
  return result
}
