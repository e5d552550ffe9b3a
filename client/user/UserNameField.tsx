import { useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import { localUserPreferences, setLocalUserPreferences } from './localUser'

/** The display name others see next to this person's cursor. */
export function UserNameField() {
  const { t } = useTranslation()
  const name = useValue('name', () => localUserPreferences.get().name, [])
  return (
    <label className="user-name">
      <span>{t('user.nameLabel')}</span>
      <input
        value={name}
        maxLength={60}
        placeholder={t('user.namePlaceholder')}
        onChange={(event) => setLocalUserPreferences({ name: event.target.value })}
      />
    </label>
  )
}
