/**
 * The editor's refusals, shown at the control that caused them: a select's, a checkbox's or a
 * list's write that the model refused, keyed by field (or entry field), in the user's
 * language. Text fields show their own refusals (see fields.tsx); this is the rest.
 */
import { useState } from 'react'
import type { WriteOutcome } from '../../drafts/WriteThroughText'
import { useTranslation } from '../../i18n/useTranslation'
import { explain, validationMessage } from '../validationMessage'

/** Each refused field's message, by field key. */
export type FieldErrors = Record<string, string>

/** The form's refusals and the function that records (or clears) one. */
export function useFieldErrors() {
  const { t } = useTranslation()
  const [errors, setErrors] = useState<FieldErrors>({})

  function report(key: string, result: WriteOutcome) {
    setErrors((previous) => {
      const next = { ...previous }
      if (result.ok) delete next[key]
      else if (result.errors[0]) next[key] = explain(t, validationMessage(result.errors[0], '-'))
      return next
    })
  }
  return { errors, report }
}
