/**
 * What a validator reports about an input: a path, a code and params for a UI to translate,
 * and the same in English for logs and API answers. The English is made here from the code
 * and params, so every validator words a problem the same way and the schema only names it.
 */

/** What is wrong with a value, as a code the client translates (with `params`). */
export const VALIDATION_ERROR_CODES = [
  'unreadable',
  'getter',
  'required',
  'not-an-object',
  'not-an-array',
  'not-a-string',
  'too-long',
  'empty',
  'invalid-id',
  'invalid-date',
  'invalid-timestamp',
  'invalid-email',
  'not-yes-no',
  'not-one-of',
  'score-out-of-range',
  'too-many-items',
  'duplicate-id',
  'represents-itself',
  'newer-version',
  'older-version',
  'too-many-errors',
  'unknown-stakeholder',
  'confidential',
  'not-a-number',
] as const
/** See {@link VALIDATION_ERROR_CODES}. */
export type ValidationErrorCode = (typeof VALIDATION_ERROR_CODES)[number]

/** Values a validation message is filled with. */
export type ValidationParams = Readonly<Record<string, string | number | boolean>>

/** One problem found in an input, at `path` (e.g. `engagement.log[0].date`; `''` = the root). */
export interface ValidationError {
  path: string
  /** In English, for logs and API answers; a UI translates a {@link CodedValidationError}. */
  message: string
}

/** A validation error with a code and params for the client to translate. */
export interface CodedValidationError extends ValidationError {
  code: ValidationErrorCode
  params: ValidationParams
}

/** Errors reported at most; a hostile input cannot make the error list itself huge. */
export const MAX_VALIDATION_ERRORS = 50

/** A problem before it is placed at a path: what the schema and the input reader report. */
export interface ValidationProblem {
  code: ValidationErrorCode
  params: ValidationParams
  /** A more precise English sentence than the code's usual one. */
  message?: string
}

/** The English sentence for a problem (without what it is about). */
export function englishValidationMessage({ code, params }: ValidationProblem): string {
  switch (code) {
    case 'unreadable':
      return 'could not be read'
    case 'getter':
      return 'must be plain data, not a getter'
    case 'required':
      return 'is required'
    case 'not-an-object':
      return 'must be an object'
    case 'not-an-array':
      return 'must be an array'
    case 'not-a-string':
      return 'must be a string'
    case 'too-long':
      return `must be at most ${params['max']} characters`
    case 'empty':
      return 'must not be empty'
    case 'invalid-id':
      return 'must be 1–100 characters of letters, digits, _ : . -'
    case 'invalid-date':
      return 'must be a calendar date written YYYY-MM-DD'
    case 'invalid-timestamp':
      return 'must be an ISO 8601 UTC timestamp like 2025-03-01T09:30:00.000Z'
    case 'invalid-email':
      return 'must be an e-mail address or empty'
    case 'not-yes-no':
      return 'must be true or false'
    case 'not-one-of':
      return `must be one of: ${params['options']}`
    case 'score-out-of-range': {
      const kind = params['wholeNumber'] === true ? 'a whole number' : 'a number'
      return `must be ${kind} from ${params['min']} to ${params['max']}, or null`
    }
    case 'too-many-items':
      return `must have at most ${params['max']} items`
    case 'duplicate-id':
      return `duplicate id "${params['id']}"`
    case 'represents-itself':
      return 'a stakeholder cannot represent itself'
    case 'newer-version':
      return `version ${params['version']} is newer than this app supports (${params['supported']})`
    case 'older-version':
      return `must be ${params['supported']}; use ${params['migration'] ?? 'migrateStakeholder'} for older records`
    case 'too-many-errors':
      return 'too many errors; the rest are not reported'
    case 'unknown-stakeholder':
      return `no stakeholder "${params['id']}"`
    case 'confidential':
      return 'is confidential: only owners and facilitators may change it'
    case 'not-a-number':
      return 'is not a number'
  }
}

/** A problem at `path`, with its English message. */
export function validationError(path: string, problem: ValidationProblem): CodedValidationError {
  const message = problem.message ?? englishValidationMessage(problem)
  return { path, code: problem.code, params: problem.params, message }
}
