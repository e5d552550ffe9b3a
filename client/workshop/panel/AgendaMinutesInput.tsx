/**
 * The minutes of one agenda block, as the facilitator types them. Written through like every
 * text field (client/drafts/WriteThroughText.ts): once per pause and on leaving, so typing
 * "45" is one change, not "4" then "45", and the field can be emptied while retyping. Anything
 * but a whole number from 1 to 600 stays in the field with the reason beside it.
 */
import { MAX_BLOCK_MINUTES } from '../../../shared/workshop/agenda'
import { useWriteThroughText } from '../../drafts/useWriteThroughText'
import type { WriteOutcome } from '../../drafts/WriteThroughText'
import { useTranslation } from '../../i18n/useTranslation'

export function AgendaMinutesInput({
  blockId,
  label,
  minutes,
  onCommit,
}: {
  blockId: string
  label: string
  minutes: number
  onCommit(minutes: number): void
}) {
  const { t } = useTranslation()
  const errorId = `agenda-${blockId}-minutes-error`
  const binding = useWriteThroughText({
    stored: String(minutes),
    draftKey: `agenda/${blockId}/minutes`,
    write: (text): WriteOutcome => {
      const value = Number(text.trim())
      if (!/^\d+$/.test(text.trim()) || value < 1 || value > MAX_BLOCK_MINUTES) {
        return { ok: false, errors: [{ path: 'minutes', message: 'out of range' }] }
      }
      onCommit(value)
      return { ok: true }
    },
  })
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        maxLength={3}
        size={4}
        aria-label={label}
        aria-invalid={binding.error ? true : undefined}
        aria-describedby={binding.error ? errorId : undefined}
        value={binding.text}
        onChange={(event) => binding.onChange(event.target.value)}
        onFocus={binding.onFocus}
        onBlur={binding.onBlur}
        onKeyDown={(event) => {
          if (event.key === 'Enter') binding.flushNow()
          if (event.key === 'Escape') event.currentTarget.blur()
        }}
      />
      {binding.error && (
        <span className="field__error" id={errorId} role="alert">
          {t('workshop.agenda.minutesInvalid', { max: MAX_BLOCK_MINUTES })}
        </span>
      )}
    </>
  )
}
