import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { contactsMap, stakeholdersMap } from '../../shared/document/stakeholderDocument'
import { useTranslation } from '../i18n/useTranslation'

/**
 * Undo and redo for this person's own edits of stakeholder records. Yjs' undo manager only
 * tracks transactions with this client's origin, so someone else's edit is never undone;
 * the canvas has tldraw's own undo, which likewise only covers local changes.
 */
export function createRecordUndo(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager([stakeholdersMap(doc), contactsMap(doc)], {
    trackedOrigins: new Set([origin]),
    // Typing a name and tabbing to the next field is one step, not one per field.
    captureTimeout: 800,
  })
}

/** Buttons for {@link createRecordUndo}, enabled when there is something to undo or redo. */
export function RecordUndoButtons({ undo }: { undo: Y.UndoManager }) {
  const { t } = useTranslation()
  const [sizes, setSizes] = useState({ undo: 0, redo: 0 })
  useEffect(() => {
    const update = () => setSizes({ undo: undo.undoStack.length, redo: undo.redoStack.length })
    update()
    undo.on('stack-item-added', update)
    undo.on('stack-item-popped', update)
    undo.on('stack-cleared', update)
    return () => {
      undo.off('stack-item-added', update)
      undo.off('stack-item-popped', update)
      undo.off('stack-cleared', update)
    }
  }, [undo])
  return (
    <div className="record-undo" role="group" aria-label={t('undo.group')}>
      <button
        type="button"
        className="button"
        disabled={sizes.undo === 0}
        onClick={() => undo.undo()}
        data-testid="undo-record"
      >
        ↶ {t('undo.undo')}
      </button>
      <button
        type="button"
        className="button"
        disabled={sizes.redo === 0}
        onClick={() => undo.redo()}
      >
        ↷ {t('undo.redo')}
      </button>
    </div>
  )
}
