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
 *
 * The schema is turned into a plan once (`untrustedInputReader`); reading then allocates
 * little more than the copy, since every record a peer changes passes through here.
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

/** How to copy the value at one place of the schema. */
type Plan =
  | { readonly kind: 'leaf' }
  | {
      readonly kind: 'object'
      readonly entries: readonly (readonly [string, Plan])[]
      readonly known: ReadonlySet<string>
    }
  | { readonly kind: 'array'; readonly item: Plan; readonly max: number | undefined }

const LEAF: Plan = { kind: 'leaf' }

function planOf(schema: SchemaShape): Plan {
  // null is a primitive and passes as it is; only the wrapped schema shapes an object.
  if (schema.type === 'nullable' && schema.wrapped) return planOf(schema.wrapped)
  if (schema.type === 'object' && schema.entries) {
    const entries = Object.entries(schema.entries).map(
      ([key, entry]) => [key, planOf(entry)] as const,
    )
    return { kind: 'object', entries, known: new Set(Object.keys(schema.entries)) }
  }
  if (schema.type === 'array' && schema.item) {
    const max = schema.pipe?.find((action) => action.type === 'max_length')?.requirement
    return {
      kind: 'array',
      item: planOf(schema.item),
      max: typeof max === 'number' ? max : undefined,
    }
  }
  return LEAF
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

/** Marks an absent property (a missing key, a hole in a sparse array). */
const MISSING = Symbol('missing')

/** A reader that copies an input as far as `schema` (a valibot schema) describes it. */
export function untrustedInputReader(schema: unknown): (input: unknown) => UntrustedInputCopy {
  const plan = planOf(schema as SchemaShape)
  return (input) => readWithPlan(plan, input)
}

function readWithPlan(plan: Plan, input: unknown): UntrustedInputCopy {
  const problems = new Map<symbol, ValidationProblem>()
  const ignoredKeys: string[] = []

  function refuse(problem: ValidationProblem): symbol {
    const marker = Symbol(problem.code)
    problems.set(marker, problem)
    return marker
  }

  /** An own data property's value, {@link MISSING}, or a refusal. */
  function readOwn(container: object, key: string): unknown {
    let descriptor: PropertyDescriptor | undefined
    try {
      descriptor = Object.getOwnPropertyDescriptor(container, key)
    } catch {
      return refuse({ code: 'unreadable', params: {} })
    }
    if (descriptor === undefined) return MISSING
    if (!('value' in descriptor)) return refuse({ code: 'getter', params: {} })
    return descriptor.value
  }

  /** Array.isArray, which throws on a revoked Proxy. */
  function isArray(value: object): boolean | symbol {
    try {
      return Array.isArray(value)
    } catch {
      return refuse({ code: 'unreadable', params: {} })
    }
  }

  function copyObject(plan: Extract<Plan, { kind: 'object' }>, value: object, path: string) {
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
      if (key !== undefined && !plan.known.has(key)) ignoredKeys.push(join(path, key))
    }
    const copy: Record<string, unknown> = {}
    for (const [key, entry] of plan.entries) {
      const field = readOwn(value, key)
      if (field !== MISSING) copy[key] = copyValue(entry, field, path, key)
    }
    return copy
  }

  function copyArray(plan: Extract<Plan, { kind: 'array' }>, value: object, path: string) {
    const array = isArray(value)
    if (typeof array === 'symbol') return array
    if (!array) return NOT_DATA
    const length = readOwn(value, 'length')
    if (typeof length !== 'number') return refuse({ code: 'unreadable', params: {} })
    if (plan.max !== undefined && length > plan.max) {
      return refuse({ code: 'too-many-items', params: { max: plan.max } })
    }
    const copy: unknown[] = []
    for (let index = 0; index < length; index++) {
      const item = readOwn(value, String(index))
      // A hole in a sparse array is a missing item.
      copy.push(
        item === MISSING
          ? refuse({ code: 'required', params: {} })
          : copyValue(plan.item, item, path, index),
      )
    }
    return copy
  }

  /** The copy of `value`, found at `key` of the container at `parentPath`. */
  function copyValue(plan: Plan, value: unknown, parentPath: string, key: string | number) {
    if (typeof value === 'function') return NOT_DATA
    // Primitives (and our refusals) are data: the schema checks them as they are.
    if (typeof value !== 'object' || value === null) return value
    // Paths are only built for objects: unknown keys are the one thing that reports one.
    const path = join(parentPath, key)
    if (plan.kind === 'object') return copyObject(plan, value, path)
    if (plan.kind === 'array') return copyArray(plan, value, path)
    // A leaf (string, number, boolean, vocabulary): an object is never valid there.
    return NOT_DATA
  }

  return { value: copyValue(plan, input, '', ''), problems, ignoredKeys }
}
