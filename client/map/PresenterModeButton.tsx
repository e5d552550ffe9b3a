/**
 * The button that turns presenter mode on and off (presenterMode.ts), in the map bar; while
 * presenting the bar shrinks to this button and the timer in a corner. Escape leaves
 * presenter mode too, unless it is closing something else first (a dialog, a text field).
 */
import { useEffect } from 'react'
import { type Editor, useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import { isPresenting, setPresenting } from './presenterMode'

export function PresenterModeButton({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const presenting = useValue('presenting', () => isPresenting(editor), [editor])
  useLeaveWithEscape(editor, presenting)
  return (
    <button
      type="button"
      className={`button map-bar__present${presenting ? ' button--primary' : ''}`}
      aria-pressed={presenting}
      title={t('map.present.shortcut')}
      data-testid="presenter-mode"
      onClick={() => setPresenting(editor, !presenting)}
    >
      {presenting ? t('map.present.leave') : t('map.present.enter')}
    </button>
  )
}

function useLeaveWithEscape(editor: Editor, presenting: boolean) {
  useEffect(() => {
    if (!presenting) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      // Escape in a field leaves the field (keeping what was typed), not presenter mode.
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'))
        return
      setPresenting(editor, false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [editor, presenting])
}
