/** The shape every answer of validateStakeholder and migrateStakeholder must have. */
import { expect } from 'vitest'
import { VALIDATION_ERROR_CODES, validateStakeholder } from '../../../shared/index'
import type { StakeholderValidationResult } from '../../../shared/index'

/**
 * What every answer must be, whatever the input: a value that validates to itself, or at
 * most 51 errors, each with a path, a known code and an English message.
 */
export function expectWellFormed(result: StakeholderValidationResult): void {
  if (result.ok) {
    expect(validateStakeholder(result.value)).toEqual({
      ok: true,
      value: result.value,
      ignoredKeys: [],
    })
    return
  }
  expect(result.errors.length).toBeGreaterThan(0)
  expect(result.errors.length).toBeLessThanOrEqual(51)
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string')
    expect(VALIDATION_ERROR_CODES).toContain(error.code)
    expect(error.message).not.toBe('')
  }
}
