import { useEffect, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation'
import type { RecordUndo } from './RecordUndo'

/** Buttons for a {@link RecordUndo}, enabled when there is something to undo or redo. */
export function RecordUndoButtons({ undo }: { undo: RecordUndo }) {
  const { t } = useTranslation()
  const [sizes, setSizes] = useState({ undo: 0, redo: 0 })
  useEffect(() => {
    const update = () => setSizes({ undo: undo.undoSize, redo: undo.redoSize })
    update()
    return undo.onChange(update)
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
