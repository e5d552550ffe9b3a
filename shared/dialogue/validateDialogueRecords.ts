/**
 * Validation of untrusted dialogue plans, commitments and dialogue evaluations (socket
 * message, import file), by their schemas. The policy is the stakeholder record's
 * (`validateStakeholder.ts`, `recordValidator.ts`): never throws, unknown keys are left out
 * and listed, every error comes with a path and a code for the client to translate.
 */
import { recordValidator } from '../stakeholder/recordValidator'
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import { commitmentSchema } from './Commitment'
import type { Commitment } from './Commitment'
import { dialogueEvaluationSchema } from './DialogueEvaluation'
import type { DialogueEvaluation } from './DialogueEvaluation'
import { dialoguePlanSchema } from './DialoguePlan'
import type { DialoguePlan } from './DialoguePlan'

const plan = recordValidator(dialoguePlanSchema)
const commitment = recordValidator(commitmentSchema)
const evaluation = recordValidator(dialogueEvaluationSchema)

/** Validates an untrusted value as a current-version dialogue plan. Never throws. */
export function validateDialoguePlan(input: unknown): RecordValidationResult<DialoguePlan> {
  return plan(input)
}

/** Validates an untrusted value as a current-version commitment. Never throws. */
export function validateCommitment(input: unknown): RecordValidationResult<Commitment> {
  return commitment(input)
}

/** Validates an untrusted value as a current-version dialogue evaluation. Never throws. */
export function validateDialogueEvaluation(
  input: unknown,
): RecordValidationResult<DialogueEvaluation> {
  return evaluation(input)
}
