import { useEffect, useState } from 'react'
import { AUTH_PATHS, type SessionResponse } from '../../shared/protocol/sessionApi'
import { fetchSession } from '../config/apiClient'
import { forgetAllDrafts } from '../drafts/FieldDrafts'
import { useTranslation } from '../i18n/useTranslation'

/**
 * Who is signed in, at the top of the home page (issue 18). In organisation mode: a "Sign in"
 * link, or the user's name with "Sign out" (a form POST: the server ends the session and
 * sends the browser on to the provider's logout; the drafts typed in this browser go too). In open mode, and until the server has
 * answered, nothing at all: the page stays as it was.
 */
export function SessionBar() {
  const { t } = useTranslation()
  const [session, setSession] = useState<SessionResponse | null>(null)

  useEffect(() => {
    let current = true
    fetchSession()
      .then((answer) => {
        if (current) setSession(answer)
      })
      // No answer: show nothing; the rest of the page works as in open mode.
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [])

  if (session === null || session.mode !== 'organisation') return null
  if (session.user === null) {
    return (
      <div className="session-bar">
        <a className="session-bar__sign-in" href={AUTH_PATHS.login}>
          {t('session.signIn')}
        </a>
      </div>
    )
  }
  return (
    <div className="session-bar session-bar--signed-in">
      <span className="session-bar__name">
        {t('session.signedInAs', { name: session.user.name })}
      </span>
      <form method="post" action={AUTH_PATHS.logout} onSubmit={() => forgetAllDrafts()}>
        <button type="submit">{t('session.signOut')}</button>
      </form>
      <form method="post" action={AUTH_PATHS.logoutEverywhere} onSubmit={() => forgetAllDrafts()}>
        <button
          type="submit"
          className="session-bar__everywhere"
          title={t('session.signOutEverywhere.hint')}
        >
          {t('session.signOutEverywhere')}
        </button>
      </form>
    </div>
  )
}
