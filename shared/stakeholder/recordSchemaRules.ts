/**
 * The building blocks of the records' valibot schemas (stakeholder, dialogue plan,
 * commitment, dialogue evaluation), so every record words a rule the same way. Each rule
 * names its problem with a code (see `validationError.ts`), never with words; the
 * validators (`recordValidator.ts`) read the code back and a UI says it in its language.
 */
import * as v from 'valibot'
import type { ValidationErrorCode, ValidationParams } from './validationError'
import { isIsoDate, isIsoTimestamp } from './isIsoDate'
import { STAKEHOLDER_ID_PATTERN, STAKEHOLDER_LIMITS } from './stakeholderVocabulary'

const LIMITS = STAKEHOLDER_LIMITS

/**
 * A rule's message: the problem as JSON of its code and params, which the validator reads
 * back. Words are added later, in English for logs or by the client in its language.
 */
export function says(code: ValidationErrorCode, params: ValidationParams = {}): () => string {
  const problem = JSON.stringify({ code, params })
  return () => problem
}

/** A string of at most `max` characters; `format` (if any) is checked within that length. */
export function text(
  max: number,
  format?: { test: (value: string) => boolean; code: ValidationErrorCode },
) {
  const test = format?.test ?? (() => true)
  return v.pipe(
    v.string(says('not-a-string')),
    v.maxLength(max, says('too-long', { max })),
    // A string over the limit was reported already; the format check is linear in its length.
    v.check((value) => value.length > max || test(value), says(format?.code ?? 'not-a-string')),
  )
}

/** An id: letters, digits and `_ : . -` (see `STAKEHOLDER_ID_PATTERN`). */
export const idSchema = text(LIMITS.idLength, {
  test: (value) => STAKEHOLDER_ID_PATTERN.test(value),
  code: 'invalid-id',
})
/** A one-line text (name, topic, method, ...). */
export const shortText = () => text(LIMITS.shortText)
/** A free text (notes, input received, ...). */
export const longText = () => text(LIMITS.longText)
/** An ISO 8601 UTC timestamp. */
export const timestamp = () => text(30, { test: isIsoTimestamp, code: 'invalid-timestamp' })
/** An ISO calendar date `YYYY-MM-DD`. */
export const isoDate = () => text(10, { test: isIsoDate, code: 'invalid-date' })

/** A one-line text that is not blank. */
export function nonBlankShortText() {
  return v.pipe(
    shortText(),
    v.check((value) => value.length > LIMITS.shortText || value.trim() !== '', says('empty')),
  )
}

/** One of a closed vocabulary. */
export function oneOf<const T extends readonly string[]>(values: T) {
  return v.picklist(values, says('not-one-of', { options: values.join(', ') }))
}

/** One of a closed vocabulary, or null while not decided. */
export function oneOfOrNull<const T extends readonly string[]>(values: T) {
  return v.nullable(
    v.picklist(values, says('not-one-of', { options: `${values.join(', ')} or null` })),
  )
}

/** A score: 1–5 (whole numbers only for `wholeNumber`), or null when not assessed. */
export function score(wholeNumber: boolean) {
  const { scoreMin: min, scoreMax: max } = LIMITS
  return v.nullable(
    v.custom<number>(
      (value) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= min &&
        value <= max &&
        (!wholeNumber || Number.isInteger(value)),
      says('score-out-of-range', { min, max, wholeNumber }),
    ),
  )
}

/** True or false. */
export const yesNo = () => v.boolean(says('not-yes-no'))

/** An object with exactly these fields, each required (unknown keys are not kept). */
export function record<const E extends v.ObjectEntries>(entries: E) {
  const notAnObject = JSON.stringify({ code: 'not-an-object', params: {} })
  const required = JSON.stringify({ code: 'required', params: {} })
  // valibot reports a missing key with the object's message, and a path to the key.
  return v.object(entries, (issue) => (issue.path === undefined ? notAnObject : required))
}

type Keyed = Readonly<Record<string, unknown>>

/** Reports a value of `key` that occurs twice in a list, at `list[index].<key>`. */
function uniqueBy<T extends Keyed>(key: string) {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    const items: unknown = dataset.value
    if (!Array.isArray(items)) return
    const seen = new Set<string>()
    items.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null) return
      const id = (item as Keyed)[key]
      // An invalid id is reported where it is; only valid ones can be duplicates.
      if (typeof id !== 'string' || !STAKEHOLDER_ID_PATTERN.test(id)) return
      if (seen.has(id)) {
        addIssue({
          message: says('duplicate-id', { id }),
          path: [
            { type: 'array', origin: 'value', input: items, key: index, value: item },
            {
              type: 'object',
              origin: 'value',
              input: item as Record<string, unknown>,
              key,
              value: id,
            },
          ],
        })
      }
      seen.add(id)
    })
  })
}

/** A list of at most `max` items. */
export function list<T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.array(item, says('not-an-array')),
    v.maxLength(max, says('too-many-items', { max })),
  )
}

/** A list of at most `max` items whose `key` (default `id`) is unique. */
export function listWithIds<T extends v.GenericSchema<unknown, Keyed>>(
  item: T,
  max: number,
  key = 'id',
) {
  return v.pipe(
    v.array(item, says('not-an-array')),
    v.maxLength(max, says('too-many-items', { max })),
    uniqueBy<v.InferOutput<T>>(key),
  )
}

/**
 * The `schemaVersion` of a record written by this code: older records go to the record's
 * migration (named `migration`, for the message), newer ones are refused (an old client
 * must not silently drop new fields).
 */
export function schemaVersion<const N extends number>(current: N, migration: string) {
  return v.custom<N>(
    (value) => value === current,
    (issue) => {
      const version = issue.input
      const newer = typeof version === 'number' && Number.isInteger(version) && version > current
      return newer
        ? says('newer-version', { version, supported: current })()
        : says('older-version', { supported: current, migration })()
    },
  )
}
