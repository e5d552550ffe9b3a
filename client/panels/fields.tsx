/**
 * Form controls for the panels. Text is written through to the document while you type
 * (see client/drafts/WriteThroughText.ts: one write per pause, and at once when you leave
 * the field, the field unmounts or the page goes away); selects and checkboxes write at
 * once. Every control has a visible label, and an error is shown at the control it belongs
 * to (aria-invalid, aria-describedby), in the user's language, with the refused text kept.
 *
 * Inside a {@link FieldsReadOnly} provider (viewers) the same fields render as plain text:
 * a person who cannot change a value is not shown an input for it.
 */
import { type ReactNode, createContext, useContext, useId } from 'react'
import { formatScoreText, parseScoreText, sameScoreText } from '../../shared/scoring/scoreText'
import { validationError } from '../../shared/stakeholder/validationError'
import { useWriteThroughText } from '../drafts/useWriteThroughText'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { useTranslation } from '../i18n/useTranslation'
import { NOT_A_NUMBER_PATH, explain, validationMessage } from './validationMessage'

/** True where the person may look but not change (viewers). */
export const FieldsReadOnly = createContext(false)

interface FieldProps {
  label: string
  error?: string | null
  hint?: string
  /** Ids of further descriptions (e.g. a hint shared by a row of fields). */
  describedBy?: string
}

function FieldFrame({
  id,
  label,
  error,
  hint,
  notice,
  children,
}: FieldProps & { id: string; notice?: string | null; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {notice && (
        <p className="field__notice" id={`${id}-notice`} role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

function describedBy(id: string, props: FieldProps & { notice?: string | null }) {
  return (
    [
      props.describedBy,
      props.hint && `${id}-hint`,
      props.notice && `${id}-notice`,
      props.error && `${id}-error`,
    ]
      .filter(Boolean)
      .join(' ') || undefined
  )
}

/** A value shown to someone who may not change it. */
function ReadOnlyValue({ label, text }: { label: string; text: string }) {
  const id = useId()
  return (
    <div className="field field--readonly">
      <span className="field__label" id={id}>
        {label}
      </span>
      <p className="field__value" aria-labelledby={id}>
        {text || '—'}
      </p>
    </div>
  )
}

interface TextProps extends FieldProps {
  value: string
  /** Where this field's unsaved text is kept: unique per field of the map. */
  draftKey: string
  onCommit(value: string): WriteOutcome
  maxLength?: number
  placeholder?: string
  testId?: string
}

/** The write-through state of a text field, with its error and notice in the UI's language. */
function useTextField(props: TextProps & { parse?: 'score' }) {
  const { t } = useTranslation()
  const binding = useWriteThroughText({
    stored: props.value,
    draftKey: props.draftKey,
    write: props.onCommit,
    same: props.parse === 'score' ? sameScoreText : undefined,
  })
  const error =
    props.error ?? (binding.error && explain(t, validationMessage(binding.error, binding.text)))
  const notice = binding.changedElsewhere ? t('field.changedElsewhere') : null
  return { binding, error, notice }
}

/** A one-line text input, written through as you type. */
export function TextField(props: TextProps & { type?: 'text' | 'email' | 'tel' | 'date' }) {
  const readOnly = useContext(FieldsReadOnly)
  if (readOnly) return <ReadOnlyValue label={props.label} text={props.value} />
  return <EditableTextField key={props.draftKey} {...props} />
}

function EditableTextField(props: TextProps & { type?: 'text' | 'email' | 'tel' | 'date' }) {
  const id = useId()
  const { binding, error, notice } = useTextField(props)
  return (
    <FieldFrame id={id} {...props} error={error} notice={notice}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={binding.text}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { ...props, error, notice })}
        data-testid={props.testId}
        onChange={(event) => binding.onChange(event.target.value)}
        onFocus={binding.onFocus}
        onBlur={binding.onBlur}
        onKeyDown={(event) => {
          if (event.key === 'Enter') binding.flushNow()
          // Escape leaves the field and keeps what was typed; undo takes it back.
          if (event.key === 'Escape') event.currentTarget.blur()
        }}
      />
    </FieldFrame>
  )
}

/** A multi-line text area, written through as you type. */
export function TextArea(props: TextProps & { rows?: number }) {
  const readOnly = useContext(FieldsReadOnly)
  if (readOnly) return <ReadOnlyValue label={props.label} text={props.value} />
  return <EditableTextArea key={props.draftKey} {...props} />
}

function EditableTextArea(props: TextProps & { rows?: number }) {
  const id = useId()
  const { binding, error, notice } = useTextField(props)
  return (
    <FieldFrame id={id} {...props} error={error} notice={notice}>
      <textarea
        id={id}
        value={binding.text}
        rows={props.rows ?? 3}
        maxLength={props.maxLength ?? 10_000}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { ...props, error, notice })}
        data-testid={props.testId}
        onChange={(event) => binding.onChange(event.target.value)}
        onFocus={binding.onFocus}
        onBlur={binding.onBlur}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur()
        }}
      />
    </FieldFrame>
  )
}

/** A choice among fixed options; `null` is the "not set" option when `emptyLabel` is given. */
export function SelectField<T extends string>(
  props: FieldProps & {
    value: T | null
    options: readonly T[]
    labels: Readonly<Record<T, string>>
    onCommit(value: T | null): void
    emptyLabel?: string
    testId?: string
  },
) {
  const id = useId()
  const readOnly = useContext(FieldsReadOnly)
  if (readOnly) {
    const text = props.value === null ? (props.emptyLabel ?? '') : props.labels[props.value]
    return <ReadOnlyValue label={props.label} text={text} />
  }
  return (
    <FieldFrame id={id} {...props}>
      <select
        id={id}
        value={props.value ?? ''}
        aria-describedby={describedBy(id, props)}
        data-testid={props.testId}
        onChange={(event) => props.onCommit((event.target.value || null) as T | null)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels[option]}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** A whole score 1–5, or not assessed. */
export function ScoreSelect(
  props: FieldProps & {
    value: number | null
    onCommit(value: number | null): void
    notAssessedLabel: string
    testId?: string
  },
) {
  const id = useId()
  const readOnly = useContext(FieldsReadOnly)
  const rounded = props.value === null ? '' : String(Math.round(props.value))
  if (readOnly) {
    return <ReadOnlyValue label={props.label} text={rounded || props.notAssessedLabel} />
  }
  return (
    <FieldFrame id={id} {...props}>
      <select
        id={id}
        value={rounded}
        data-testid={props.testId}
        aria-describedby={describedBy(id, props)}
        onChange={(event) =>
          props.onCommit(event.target.value === '' ? null : Number(event.target.value))
        }
      >
        <option value="">{props.notAssessedLabel}</option>
        {[1, 2, 3, 4, 5].map((score) => (
          <option key={score} value={score}>
            {score}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/**
 * Reads a typed score and hands it on; text that is no number is refused at the field.
 * Shared by the editor's and the register's score inputs.
 */
export function writeScoreText(
  text: string,
  current: number | null,
  onCommit: (value: number | null) => WriteOutcome,
): WriteOutcome {
  const parsed = parseScoreText(text)
  if (!parsed.ok) {
    const notANumber = { code: 'not-a-number', params: {} } as const
    return { ok: false, errors: [validationError(NOT_A_NUMBER_PATH, notANumber)] }
  }
  return parsed.value === current ? { ok: true } : onCommit(parsed.value)
}

/**
 * A score from 1 to 5 that may be fractional (from a position on the grid), or empty. Typed
 * as text, so that a decimal comma ("2,5") is read as a Dutch reader means it.
 */
export function ScoreNumber(
  props: FieldProps & {
    value: number | null
    draftKey: string
    onCommit(value: number | null): WriteOutcome
    testId?: string
  },
) {
  const { locale } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const shown = formatScoreText(props.value, locale)
  if (readOnly) return <ReadOnlyValue label={props.label} text={shown} />
  return (
    <EditableScoreNumber
      key={props.draftKey}
      {...props}
      shown={shown}
      write={(text) => writeScoreText(text, props.value, props.onCommit)}
    />
  )
}

function EditableScoreNumber(
  props: FieldProps & {
    shown: string
    draftKey: string
    write(text: string): WriteOutcome
    testId?: string
  },
) {
  const id = useId()
  const { binding, error, notice } = useTextField({
    ...props,
    value: props.shown,
    onCommit: props.write,
    parse: 'score',
  })
  return (
    <FieldFrame id={id} {...props} error={error} notice={notice}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={binding.text}
        maxLength={12}
        data-testid={props.testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { ...props, error, notice })}
        onChange={(event) => binding.onChange(event.target.value)}
        onFocus={binding.onFocus}
        onBlur={binding.onBlur}
        onKeyDown={(event) => {
          if (event.key === 'Enter') binding.flushNow()
          if (event.key === 'Escape') event.currentTarget.blur()
        }}
      />
    </FieldFrame>
  )
}

/** A yes/no choice. */
export function CheckboxField(
  props: FieldProps & { value: boolean; onCommit(value: boolean): void; testId?: string },
) {
  const id = useId()
  const { t } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  if (readOnly) {
    return (
      <ReadOnlyValue label={props.label} text={props.value ? t('common.yes') : t('common.no')} />
    )
  }
  return (
    <div className={`field field--checkbox${props.error ? ' field--error' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.value}
        data-testid={props.testId}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => props.onCommit(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  )
}
