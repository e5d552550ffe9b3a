/**
 * Validation of an untrusted stakeholder record (socket message, HTTP body, import file),
 * by the schema in `Stakeholder.ts`.
 *
 * Policy, chosen so it is safe on anything a peer or a file can hand us:
 * - It never throws. `untrustedInputReader` first copies the known shape as plain data
 *   (a getter is reported instead of run, Proxy traps are guarded, sizes are checked before
 *   anything is iterated, cycles are never followed); the schema only checks that copy.
 * - Unknown keys (including `__proto__` and `constructor`) are NOT errors: they are left
 *   out of the returned value and listed in `ignoredKeys`. The value is always a freshly
 *   built object with only known keys, so prototype-pollution keys cannot travel on.
 *   Records from a newer app version are refused by `schemaVersion`, not by key checks.
 * - Every field is required (the record has a fixed shape; `createStakeholder` fills
 *   defaults, `migrateStakeholder` upgrades older shapes).
 * - All errors are returned, each with a path like `impacts[2].scale` and a code with
 *   params for the client to translate, up to {@link MAX_VALIDATION_ERRORS}.
 */
import * as v from 'valibot'
import { STAKEHOLDER_KEYS, stakeholderSchema } from './Stakeholder'
import type { Stakeholder } from './Stakeholder'
import { untrustedInputReader } from './untrustedInputReader'
import { MAX_VALIDATION_ERRORS, VALIDATION_ERROR_CODES, validationError } from './validationError'
import type { CodedValidationError, ValidationProblem } from './validationError'

export {
  MAX_VALIDATION_ERRORS,
  VALIDATION_ERROR_CODES,
  englishValidationMessage,
} from './validationError'
export type {
  CodedValidationError,
  ValidationError,
  ValidationErrorCode,
  ValidationParams,
} from './validationError'

/** Outcome of `validateStakeholder` and `migrateStakeholder`: a value or all the errors. */
export type StakeholderValidationResult =
  | { ok: true; value: Stakeholder; ignoredKeys: string[] }
  | { ok: false; errors: CodedValidationError[] }

/**
 * Errors are listed with the lists (`represents`, `impacts`, `contacts`) first, then the
 * other fields in record order, as this function always has: callers show the first error.
 */
const ERROR_ORDER: readonly string[] = [
  'schemaVersion',
  'id',
  'represents',
  'impacts',
  'contacts',
  ...STAKEHOLDER_KEYS.filter(
    (key) => !['schemaVersion', 'id', 'represents', 'impacts', 'contacts'].includes(key),
  ),
]

/** Copies the known shape of an input as plain data (see untrustedInputReader.ts). */
const readStakeholderInput = untrustedInputReader(stakeholderSchema)

const UNREADABLE: ValidationProblem = { code: 'unreadable', params: {} }

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key: unknown = item.key
    path =
      typeof key === 'number'
        ? `${path}[${key}]`
        : path === ''
          ? String(key)
          : `${path}.${String(key)}`
  }
  return path
}

/** The problem a schema rule named in its message (see `says` in Stakeholder.ts). */
function problemOf(issue: v.BaseIssue<unknown>, refused: Map<symbol, ValidationProblem>) {
  if (typeof issue.input === 'symbol') {
    const problem = refused.get(issue.input)
    if (problem) return problem
  }
  try {
    const named = JSON.parse(issue.message) as Partial<ValidationProblem>
    const code = VALIDATION_ERROR_CODES.find((known) => known === named.code)
    if (code) return { code, params: named.params ?? {} }
  } catch {
    // Every rule of the schema names its problem; this is a bug, reported as unreadable.
  }
  return UNREADABLE
}

function rank(error: CodedValidationError): number {
  const field = /^\w*/.exec(error.path)?.[0] ?? ''
  return field === '' ? -1 : ERROR_ORDER.indexOf(field)
}

/**
 * Validates an untrusted value as a current-version stakeholder record. Never throws;
 * see the module comment for the policy on unknown keys and hostile inputs.
 */
export function validateStakeholder(input: unknown): StakeholderValidationResult {
  let errors: CodedValidationError[]
  try {
    const copy = readStakeholderInput(input)
    const result = v.safeParse(stakeholderSchema, copy.value)
    if (result.success) return { ok: true, value: result.output, ignoredKeys: copy.ignoredKeys }
    errors = result.issues
      .map((issue) => validationError(pathOf(issue), problemOf(issue, copy.problems)))
      // A stable sort: within one field the schema's order stays.
      .sort((a, b) => rank(a) - rank(b))
  } catch {
    // Every read is guarded; this is the last line of defence against a bug.
    errors = [validationError('', UNREADABLE)]
  }
  if (errors.length > MAX_VALIDATION_ERRORS) {
    errors = errors.slice(0, MAX_VALIDATION_ERRORS)
    errors.push(
      validationError('', { code: 'too-many-errors', params: { limit: MAX_VALIDATION_ERRORS } }),
    )
  }
  return { ok: false, errors }
}
