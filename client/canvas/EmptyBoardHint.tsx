/**
 * A short hint in the middle of an empty board on what to do first, with the actions
 * themselves: add one stakeholder or paste a list (in the Add tab, focused), or add a
 * matrix. It goes away as soon as the page has a shape, and for good on this map in this
 * browser once dismissed. A viewer, who cannot add anything, is only told the map is empty.
 */
import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import type { PanelNavigation } from '../panels/PanelNavigation'
import { MATRIX_TYPE } from '../shapes/influence-impact-matrix/matrixShape'
import { addBoard } from './boardActions'

const DISMISSED_KEY = 'stakeholder-canvas:empty-hint-dismissed:'

function wasDismissed(mapId: string): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY + mapId) === '1'
  } catch {
    return false
  }
}

function rememberDismissed(mapId: string) {
  try {
    localStorage.setItem(DISMISSED_KEY + mapId, '1')
  } catch {
    // Private mode without storage: the hint returns next time, which is harmless.
  }
}

/** The hint over an empty page of the map; nothing once the page has content. */
export function EmptyBoardHint({
  editor,
  mapId,
  readOnly,
  navigation,
}: {
  editor: Editor
  mapId: string
  readOnly: boolean
  navigation: PanelNavigation
}) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState(() => wasDismissed(mapId))
  const empty = useValue('page is empty', () => editor.getCurrentPageShapeIds().size === 0, [
    editor,
  ])
  if (!empty || dismissed) return null
  return (
    <section className="empty-hint" aria-labelledby="empty-hint-title" data-testid="empty-hint">
      <button
        type="button"
        className="empty-hint__dismiss"
        aria-label={t('hint.dismiss')}
        onClick={() => {
          rememberDismissed(mapId)
          setDismissed(true)
        }}
      >
        ×
      </button>
      <h2 id="empty-hint-title">{t('hint.title')}</h2>
      {readOnly ? (
        <p>{t('hint.readOnly')}</p>
      ) : (
        <>
          <p>{t('hint.body')}</p>
          <div className="empty-hint__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigation.open('add', '#quick-add-name')}
            >
              {t('hint.addOne')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => navigation.open('add', '#quick-add-list')}
            >
              {t('hint.paste')}
            </button>
            <button type="button" className="button" onClick={() => addBoard(editor, MATRIX_TYPE)}>
              {t('hint.matrix')}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
