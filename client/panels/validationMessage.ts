/**
 * The model's validation errors in the user's language. The model (shared/) reports an
 * error as a path and an English sentence for logs and API clients; a person sees a
 * sentence chosen from the path's last field and the kind of problem, never the English.
 */
import type { ValidationError } from '../../shared/stakeholder/validateStakeholder'
import type { MessageKey } from '../i18n/messages.en'

/** Score fields that take whole numbers only (salience attributes, severity, likelihood). */
const WHOLE_SCORES = new Set([
  'power',
  'legitimacy',
  'urgency',
  'scale',
  'scope',
  'irremediability',
  'likelihood',
])
const DECIMAL_SCORES = new Set(['influence', 'impact'])

/** Error path of a score field's own text that is no number at all. */
export const NOT_A_NUMBER_PATH = 'score'

/** A message of the UI catalogue with its parameters. */
export interface UiMessage {
  key: MessageKey
  params: Record<string, string | number>
}

/** The message that says why `text`, typed at the field of `error.path`, was not stored. */
export function validationMessage(error: ValidationError, text: string): UiMessage {
  const field = lastField(error.path)
  const empty = text.trim() === ''
  const tooLong = /at most (\d+) characters/.exec(error.message)
  let key: MessageKey = 'validation.invalid'
  let params: Record<string, string | number> = {}
  if (field === 'id' && error.message.startsWith('no stakeholder')) key = 'validation.removed'
  else if (tooLong) [key, params] = ['validation.tooLong', { max: Number(tooLong[1]) }]
  else if (field === 'date') key = empty ? 'validation.dateRequired' : 'validation.date'
  else if (field === 'email') key = 'validation.email'
  else if (field === 'name' && empty) key = 'validation.nameRequired'
  else if (WHOLE_SCORES.has(field)) key = 'validation.wholeScore'
  else if (DECIMAL_SCORES.has(field) || field === NOT_A_NUMBER_PATH) key = 'validation.score'
  else if (empty) key = 'validation.required'
  return { key, params }
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
