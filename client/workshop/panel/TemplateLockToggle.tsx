/** The facilitator's checkbox that locks the template's frames and boards. */
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { useWorkshopSession } from './WorkshopSession'

export function TemplateLockToggle() {
  const { t } = useTranslation()
  const { editor, model } = useWorkshopSession()
  const { lock } = model
  const locked = useValue('template locked', () => lock.locked.get(), [lock])
  return (
    <label className="field field--checkbox">
      <input
        type="checkbox"
        checked={locked}
        onChange={(event) => lock.setLocked(editor, event.target.checked)}
      />
      <span>{t('workshop.view.lock')}</span>
    </label>
  )
}
