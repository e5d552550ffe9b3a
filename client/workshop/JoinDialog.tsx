import { type FormEvent, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation'
import {
  type ParticipantPlace,
  localUserPreferences,
  setLocalUserPreferences,
} from '../user/localUser'

/**
 * Asks a newcomer's display name and whether they are in the room or remote. A signed-in
 * person is not asked their name: it is the identity provider's, and the server shows it
 * whatever is typed (issue 18); the dialog says so and asks only where they are.
 */
export function JoinDialog({
  onJoined,
  signedInName = null,
}: {
  onJoined(): void
  signedInName?: string | null
}) {
  const { t } = useTranslation()
  const current = localUserPreferences.get()
  const [typedName, setName] = useState(current.name)
  const name = signedInName ?? typedName
  const [place, setPlace] = useState<ParticipantPlace>(current.place ?? 'room')
  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return
    setLocalUserPreferences({ name: name.trim().slice(0, 60), place })
    onJoined()
  }
  return (
    <div className="join-dialog" role="dialog" aria-modal="true" aria-labelledby="join-heading">
      <form className="join-dialog__card" onSubmit={onSubmit}>
        <h2 id="join-heading">{t('workshop.join.heading')}</h2>
        {signedInName !== null ? (
          <p className="join-dialog__signed-in">
            {t('session.signedInAs', { name: signedInName })}
          </p>
        ) : (
          <>
            <label htmlFor="join-name">{t('workshop.join.name')}</label>
            <input
              id="join-name"
              autoFocus
              value={typedName}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
            />
          </>
        )}
        <fieldset>
          <legend>{t('workshop.join.where')}</legend>
          {(['room', 'remote'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="place"
                checked={place === option}
                onChange={() => setPlace(option)}
              />
              {t(`workshop.place.${option}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          {t('workshop.join.submit')}
        </button>
      </form>
    </div>
  )
}
