/**
 * Form controls for the panels. Text commits on blur or Enter (one document change per
 * edit, not one per keystroke); selects and checkboxes commit at once. Every control has a
 * visible label, and an error from the model is shown under the control it belongs to.
 */
import { type ReactNode, useEffect, useId, useState } from 'react'

interface FieldProps {
  label: string
  error?: string | null
  hint?: string
}

function FieldFrame({
  id,
  label,
  error,
  hint,
  children,
}: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
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

function describedBy(id: string, props: FieldProps) {
  return (
    [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ') ||
    undefined
  )
}

/** A one-line text input that writes on blur or Enter. */
export function TextField(
  props: FieldProps & {
    value: string
    onCommit(value: string): void
    maxLength?: number
    type?: 'text' | 'email' | 'tel' | 'date'
    placeholder?: string
    testId?: string
  },
) {
  const id = useId()
  const [draft, setDraft] = useState(props.value)
  useEffect(() => setDraft(props.value), [props.value])
  const commit = () => {
    if (draft !== props.value) props.onCommit(draft)
  }
  return (
    <FieldFrame id={id} {...props}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={draft}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        data-testid={props.testId}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          if (event.key === 'Escape') setDraft(props.value)
        }}
      />
    </FieldFrame>
  )
}

/** A multi-line text area that writes on blur. */
export function TextArea(
  props: FieldProps & { value: string; onCommit(value: string): void; rows?: number },
) {
  const id = useId()
  const [draft, setDraft] = useState(props.value)
  useEffect(() => setDraft(props.value), [props.value])
  return (
    <FieldFrame id={id} {...props}>
      <textarea
        id={id}
        value={draft}
        rows={props.rows ?? 3}
        maxLength={10_000}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== props.value) props.onCommit(draft)
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
  const rounded = props.value === null ? '' : String(Math.round(props.value))
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

/** A score from 1 to 5 that may be fractional (from a position on the grid), or empty. */
export function ScoreNumber(
  props: FieldProps & {
    value: number | null
    onCommit(value: number | null): void
    testId?: string
  },
) {
  const id = useId()
  const shown = props.value === null ? '' : String(props.value)
  const [draft, setDraft] = useState(shown)
  useEffect(() => setDraft(shown), [shown])
  const commit = () => {
    if (draft === shown) return
    const parsed = draft.trim() === '' ? null : Number(draft.replace(',', '.'))
    props.onCommit(parsed === null || Number.isFinite(parsed) ? parsed : Number.NaN)
  }
  return (
    <FieldFrame id={id} {...props}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={1}
        max={5}
        step={0.25}
        value={draft}
        data-testid={props.testId}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
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
