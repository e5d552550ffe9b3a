/**
 * Validation of an untrusted record by its valibot schema, for every record of the model
 * (stakeholder, dialogue plan, commitment, dialogue evaluation). The policy is the one
 * `validateStakeholder.ts` describes: never throws (`untrustedInputReader` copies the known
 * shape as plain data first), unknown keys are left out and listed in `ignoredKeys`, every
 * error is returned with a path and a code, up to {@link MAX_VALIDATION_ERRORS}.
 */
import * as v from 'valibot'
import { untrustedInputReader } from './untrustedInputReader'
import { MAX_VALIDATION_ERRORS, VALIDATION_ERROR_CODES, validationError } from './validationError'
import type { CodedValidationError, ValidationProblem } from './validationError'

/** Outcome of a record's validation: a value or all the errors. */
export type RecordValidationResult<T> =
  { ok: true; value: T; ignoredKeys: string[] } | { ok: false; errors: CodedValidationError[] }

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

/** The problem a schema rule named in its message (see `says` in recordSchemaRules.ts). */
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

/**
 * A validator for records of `schema`. `rank` orders the errors (a stable sort; by default
 * they keep the schema's order), since callers show the first one.
 */
export function recordValidator<S extends v.GenericSchema>(
  schema: S,
  rank?: (error: CodedValidationError) => number,
): (input: unknown) => RecordValidationResult<v.InferOutput<S>> {
  const read = untrustedInputReader(schema)
  return (input) => {
    let errors: CodedValidationError[]
    try {
      const copy = read(input)
      const result = v.safeParse(schema, copy.value)
      if (result.success) return { ok: true, value: result.output, ignoredKeys: copy.ignoredKeys }
      errors = result.issues.map((issue) =>
        validationError(pathOf(issue), problemOf(issue, copy.problems)),
      )
      if (rank) errors.sort((a, b) => rank(a) - rank(b))
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
}
