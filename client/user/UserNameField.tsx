import { useValue } from 'tldraw'
import type { Identity } from '../../shared/protocol/identity'
import { useTranslation } from '../i18n/useTranslation'
import { localUserPreferences, setLocalUserPreferences } from './localUser'

/**
 * The display name others see next to this person's cursor. A signed-in user's name is the
 * identity provider's (the server shows that one to everyone), so it is shown, not asked.
 */
export function UserNameField({ identity = null }: { identity?: Identity | null }) {
  const { t } = useTranslation()
  const name = useValue('name', () => localUserPreferences.get().name, [])
  if (identity?.kind === 'user') {
    return <span className="user-name">{t('session.signedInAs', { name: identity.name })}</span>
  }
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
