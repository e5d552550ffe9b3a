/**
 * Validation of an untrusted self-assessment (socket message, import file) by its schema,
 * with the policy of every record (`recordValidator.ts`): never throws, unknown keys are left
 * out and listed, every error has a path and a code for the client to translate.
 */
import { recordValidator } from '../stakeholder/recordValidator'
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import { selfAssessmentSchema } from './SelfAssessment'
import type { SelfAssessment } from './SelfAssessment'

const validate = recordValidator(selfAssessmentSchema)

/** Validates an untrusted value as a current-version self-assessment. Never throws. */
export function validateSelfAssessment(input: unknown): RecordValidationResult<SelfAssessment> {
  return validate(input)
}
