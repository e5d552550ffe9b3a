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
import { STAKEHOLDER_KEYS, stakeholderSchema } from './Stakeholder'
import type { Stakeholder } from './Stakeholder'
import { recordValidator } from './recordValidator'
import type { RecordValidationResult } from './recordValidator'
import type { CodedValidationError } from './validationError'

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
export type StakeholderValidationResult = RecordValidationResult<Stakeholder>

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

function rank(error: CodedValidationError): number {
  const field = /^\w*/.exec(error.path)?.[0] ?? ''
  return field === '' ? -1 : ERROR_ORDER.indexOf(field)
}

const validate = recordValidator(stakeholderSchema, rank)

/**
 * Validates an untrusted value as a current-version stakeholder record. Never throws;
 * see the module comment for the policy on unknown keys and hostile inputs.
 */
export function validateStakeholder(input: unknown): StakeholderValidationResult {
  return validate(input)
}
