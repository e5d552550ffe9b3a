/**
 * Reads an untrusted value (socket message, HTTP body, import file) into plain data that a
 * valibot schema may then check, following the schema's own shape. valibot reads `input[key]`,
 * which runs getters and Proxy traps, and walks a whole array before checking its length; so
 * before it sees anything, this copies only the fields the schema knows:
 * - properties are read through `Object.getOwnPropertyDescriptor`, so a getter is reported
 *   instead of run, and every read that can reach a Proxy trap is guarded;
 * - an array's length is checked against the schema's `maxLength` before an item is read;
 * - only the known, fixed shape is walked, so cycles are never followed;
 * - unknown keys (including `__proto__` and `constructor`) are left out and listed.
 * What cannot be copied is replaced by a symbol that no schema accepts; the problem it stands
 * for is returned beside the copy, so the schema's issue for that symbol can be replaced by it.
 * An object where a string or number belongs becomes {@link NOT_DATA}, which every leaf
 * schema refuses with its own problem. valibot therefore only ever sees data built here.
 */
import type { ValidationProblem } from './validationError'

/** Stands for an object or function where the schema wants a string, number or boolean. */
export const NOT_DATA = Symbol('not data')

/** Ignored (unknown) key paths reported at most. */
const MAX_IGNORED_KEYS = 50
/** Own keys of one object looked at when searching for unknown keys. */
const MAX_KEYS_SCANNED = 10_000

/** The parts of a valibot schema this reader follows (objects, arrays, nullable). */
interface SchemaShape {
  readonly type: string
  readonly entries?: Readonly<Record<string, SchemaShape>>
  readonly item?: SchemaShape
  readonly wrapped?: SchemaShape
  readonly pipe?: readonly { readonly type: string; readonly requirement?: unknown }[]
}

/** The copy of an input, what could not be copied, and the unknown keys left out. */
export interface UntrustedInputCopy {
  value: unknown
  /** Problems by the symbol that took the unreadable value's place. */
  problems: Map<symbol, ValidationProblem>
  /** Paths of the unknown keys, e.g. `engagement.extra`, at most 50. */
  ignoredKeys: string[]
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

/** Copies `input` as far as `schema` describes it; see the module comment. */
export function readUntrustedInput(schema: unknown, input: unknown): UntrustedInputCopy {
  const problems = new Map<symbol, ValidationProblem>()
  const ignoredKeys: string[] = []

  function refuse(problem: ValidationProblem): symbol {
    const marker = Symbol(problem.code)
    problems.set(marker, problem)
    return marker
  }

  /** An own data property: its value, `undefined` with `missing` set, or a refusal. */
  function readOwn(container: object, key: string): { value: unknown; missing: boolean } {
    let descriptor: PropertyDescriptor | undefined
    try {
      descriptor = Object.getOwnPropertyDescriptor(container, key)
    } catch {
      return { value: refuse({ code: 'unreadable', params: {} }), missing: false }
    }
    if (descriptor === undefined) return { value: undefined, missing: true }
    if (!('value' in descriptor)) {
      return { value: refuse({ code: 'getter', params: {} }), missing: false }
    }
    return { value: descriptor.value, missing: false }
  }

  /** Array.isArray, which throws on a revoked Proxy. */
  function isArray(value: object): boolean | symbol {
    try {
      return Array.isArray(value)
    } catch {
      return refuse({ code: 'unreadable', params: {} })
    }
  }

  function copyObject(entries: Readonly<Record<string, SchemaShape>>, value: object, path: string) {
    const array = isArray(value)
    if (typeof array === 'symbol') return array
    if (array) {
      return refuse({
        code: 'not-an-object',
        params: {},
        message: 'must be an object, not an array',
      })
    }
    let ownKeys: string[]
    try {
      ownKeys = Object.keys(value)
    } catch {
      return refuse({ code: 'unreadable', params: {} })
    }
    const scanned = Math.min(ownKeys.length, MAX_KEYS_SCANNED)
    for (let index = 0; index < scanned && ignoredKeys.length < MAX_IGNORED_KEYS; index++) {
      const key = ownKeys[index]
      if (key !== undefined && !Object.hasOwn(entries, key)) ignoredKeys.push(join(path, key))
    }
    const copy: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(entries)) {
      const field = readOwn(value, key)
      if (!field.missing) copy[key] = copyValue(entry, field.value, join(path, key))
    }
    return copy
  }

  function copyArray(shape: SchemaShape, item: SchemaShape, value: object, path: string) {
    const array = isArray(value)
    if (typeof array === 'symbol') return array
    if (!array) return NOT_DATA
    const length = readOwn(value, 'length').value
    if (typeof length !== 'number') return refuse({ code: 'unreadable', params: {} })
    const max = shape.pipe?.find((action) => action.type === 'max_length')?.requirement
    if (typeof max === 'number' && length > max) {
      return refuse({ code: 'too-many-items', params: { max } })
    }
    const copy: unknown[] = []
    for (let index = 0; index < length; index++) {
      const element = readOwn(value, String(index))
      // A hole in a sparse array is a missing item.
      copy.push(
        element.missing
          ? refuse({ code: 'required', params: {} })
          : copyValue(item, element.value, join(path, index)),
      )
    }
    return copy
  }

  function copyValue(schemaNode: unknown, value: unknown, path: string): unknown {
    if (typeof value === 'symbol' && problems.has(value)) return value
    if (typeof value === 'function') return NOT_DATA
    // Primitives are data: the schema checks them as they are.
    if (typeof value !== 'object' || value === null) return value
    const shape = schemaNode as SchemaShape
    if (shape.type === 'nullable' && shape.wrapped) return copyValue(shape.wrapped, value, path)
    if (shape.type === 'object' && shape.entries) return copyObject(shape.entries, value, path)
    if (shape.type === 'array' && shape.item) return copyArray(shape, shape.item, value, path)
    // A leaf (string, number, boolean, vocabulary): an object is never valid there.
    return NOT_DATA
  }

  return { value: copyValue(schema, input, ''), problems, ignoredKeys }
}
