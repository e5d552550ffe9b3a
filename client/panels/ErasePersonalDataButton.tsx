/**
 * An "erase personal data" button with its confirmation dialog (a modal `<dialog>`): it
 * says that the data goes from the map and all its history and that this cannot be
 * undone. Focus goes to Cancel, Escape cancels, and focus returns to the button.
 */
import { useRef, useState } from 'react'
import { apiFailureReason } from '../i18n/apiFailureReason'
import { useTranslation } from '../i18n/useTranslation'

export function ErasePersonalDataButton({
  label,
  title,
  onErase,
  testId,
}: {
  label: string
  title: string
  /** Erases on the server; rejects with the failure, worded here by its code. */
  onErase(): Promise<void>
  testId: string
}) {
  const { t, locale } = useTranslation()
  const trigger = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const titleId = `${testId}-title`

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await onErase()
      dialog.current?.close()
    } catch (caught) {
      setError(t('erase.failed', { reason: apiFailureReason(locale, caught) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="button button--danger"
        data-testid={testId}
        onClick={() => {
          setError(null)
          dialog.current?.showModal()
          cancel.current?.focus()
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="erase-dialog"
        aria-labelledby={titleId}
        data-testid={`${testId}-dialog`}
        onClose={() => trigger.current?.focus()}
      >
        <h2 id={titleId}>{title}</h2>
        <p>{t('erase.body')}</p>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="erase-dialog__actions">
          <button
            ref={cancel}
            type="button"
            className="button"
            autoFocus
            onClick={() => dialog.current?.close()}
          >
            {t('erase.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            data-testid={`${testId}-confirm`}
            onClick={() => void confirm()}
          >
            {busy ? t('erase.busy') : t('erase.confirm')}
          </button>
        </div>
      </dialog>
    </>
  )
}
