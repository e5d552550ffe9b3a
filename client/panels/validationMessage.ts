/**
 * The model's validation errors in the user's language. The model (shared/) reports an
 * error as a path, a code with params, and an English sentence for logs and API clients; a
 * person sees a sentence of the UI catalogue chosen from the code (and, for dates, the
 * field), never the English.
 */
import type { WriteError } from '../drafts/WriteThroughText'
import type { MessageKey } from '../i18n/messages.en'

/** Error path of a score field's own text that is no number at all. */
export const NOT_A_NUMBER_PATH = 'score'

/** A message of the UI catalogue with its parameters. */
export interface UiMessage {
  key: MessageKey
  params: Record<string, string | number>
}

/** The message that says why `text`, typed at the field of `error.path`, was not stored. */
export function validationMessage(error: WriteError, text: string): UiMessage {
  const empty = text.trim() === ''
  const message = (key: MessageKey, params: UiMessage['params'] = {}): UiMessage => ({
    key,
    params,
  })
  // A log entry's date is refused with the date's own code whether empty or malformed.
  if (lastField(error.path) === 'date') {
    return message(empty ? 'validation.dateRequired' : 'validation.date')
  }
  switch (error.code) {
    case 'unknown-stakeholder':
      return message('validation.removed')
    case 'too-long':
      return message('validation.tooLong', { max: Number(error.params?.['max']) })
    case 'invalid-date':
      return message('validation.date')
    case 'invalid-email':
      return message('validation.email')
    case 'empty':
      return message('validation.nameRequired')
    case 'score-out-of-range':
      return message(
        error.params?.['wholeNumber'] === true ? 'validation.wholeScore' : 'validation.score',
      )
    case 'not-a-number':
      return message('validation.score')
    case 'confidential':
      return message('validation.confidential')
    default:
      return message(empty ? 'validation.required' : 'validation.invalid')
  }
}

/** `engagement.log[2].date` → `date`; `impacts[0]` → `impacts`. */
function lastField(path: string): string {
  const segments = path.replace(/\[\d+\]/g, '').split('.')
  return segments[segments.length - 1] ?? ''
}

/** `message` in the UI's language, given its translate function. */
export function explain(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  message: UiMessage,
): string {
  return t(message.key, message.params)
}
