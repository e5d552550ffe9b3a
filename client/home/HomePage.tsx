import { type FormEvent, Suspense, lazy, useState } from 'react'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { AUTH_PATHS } from '../../shared/protocol/sessionApi'
import { ApiRequestError, createMap } from '../config/apiClient'
import { apiFailureReason } from '../i18n/apiFailureReason'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useTranslation } from '../i18n/useTranslation'
import { mapPath, navigate } from '../navigation'
import { rememberAccess } from '../sharing/mapAccess'
import { forgetMap, loadRecentMaps, rememberMap } from './recentMaps'
import { LibrarySection } from '../library/LibrarySection'
import { useSession } from '../library/useSession'
import { SessionBar } from './SessionBar'

// Importing a map file needs the zip and sheet readers: loaded on demand, in its own chunk.
const ImportMapForm = lazy(() =>
  import('../exchange/ImportMapForm').then((module) => ({ default: module.ImportMapForm })),
)

/**
 * Start page: create a map, or open one opened before in this browser. Signed in with the
 * organisation (organisation mode), the organisation's library takes the place of the list
 * of maps opened in this browser.
 */
export function HomePage() {
  const { t, locale } = useTranslation()
  const session = useSession()
  const signedIn = session?.mode === 'organisation' && session.user !== null
  // Organisation mode creates maps for signed-in members only (the server answers 401).
  const signedOut = session?.mode === 'organisation' && session.user === null
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<'ser-phase-1' | 'blank'>('ser-phase-1')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [recent, setRecent] = useState(loadRecentMaps)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const trimmed = title.trim()
    if (!trimmed) return
    setBusy(true)
    setError(null)
    try {
      const { id, tokens } = await createMap({ title: trimmed, template })
      if (tokens) rememberAccess(id, tokens)
      rememberMap(id, trimmed)
      navigate(mapPath(id))
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.code === ApiErrorCode.rateLimited) {
        setError(t('home.create.rateLimited'))
      } else if (
        failure instanceof ApiRequestError &&
        failure.code === ApiErrorCode.signInRequired
      ) {
        // The session ended while the page was open.
        setError(t('home.create.signInRequired'))
      } else {
        setError(t('home.create.failed', { reason: apiFailureReason(locale, failure) }))
      }
      setBusy(false)
    }
  }

  return (
    <main className="home">
      <header className="home__header">
        <h1>{t('app.name')}</h1>
        <SessionBar />
        <LanguageSwitch />
      </header>
      <p className="home__tagline">{t('app.tagline')}</p>

      {signedIn && <LibrarySection />}

      {signedOut ? (
        <section aria-labelledby="create-heading" className="home__card">
          <h2 id="create-heading">{t('home.create.heading')}</h2>
          <p>{t('home.create.signInFirst')}</p>
          <a className="home__sign-in" href={AUTH_PATHS.login}>
            {t('home.create.signIn')}
          </a>
        </section>
      ) : (
        <section aria-labelledby="create-heading" className="home__card">
          <h2 id="create-heading">{t('home.create.heading')}</h2>
          <form onSubmit={onSubmit} className="home__form">
            <label htmlFor="map-title">{t('home.create.titleLabel')}</label>
            <input
              id="map-title"
              name="title"
              value={title}
              maxLength={200}
              required
              placeholder={t('home.create.titlePlaceholder')}
              onChange={(event) => setTitle(event.target.value)}
            />
            <fieldset className="home__template">
              <legend>{t('home.create.template')}</legend>
              {(['ser-phase-1', 'blank'] as const).map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name="template"
                    value={choice}
                    checked={template === choice}
                    onChange={() => setTemplate(choice)}
                  />
                  <span>
                    <strong>{t(`home.create.template.${choice}`)}</strong>
                    <small>{t(`home.create.template.${choice}.hint`)}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={busy || !title.trim()}>
              {busy ? t('home.create.creating') : t('home.create.submit')}
            </button>
          </form>
          {error && (
            <p role="alert" className="home__error">
              {error}
            </p>
          )}
        </section>
      )}

      {!signedOut && (
        <section className="home__import">
          <Suspense fallback={null}>
            <ImportMapForm onImported={(id, importedTitle) => rememberMap(id, importedTitle)} />
          </Suspense>
        </section>
      )}

      {!signedIn && (
        <section aria-labelledby="recent-heading" className="home__card">
          <h2 id="recent-heading">{t('home.recent.heading')}</h2>
          {recent.length === 0 ? (
            <p className="home__muted">{t('home.recent.empty')}</p>
          ) : (
            <ul className="home__recent">
              {recent.map((entry) => (
                <li key={entry.id}>
                  <a
                    href={mapPath(entry.id)}
                    onClick={(event) => {
                      event.preventDefault()
                      navigate(mapPath(entry.id))
                    }}
                  >
                    {entry.title}
                  </a>
                  <time dateTime={entry.openedAt}>
                    {new Date(entry.openedAt).toLocaleString(locale)}
                  </time>
                  <button
                    type="button"
                    className="home__forget"
                    aria-label={`${t('home.recent.forget')}: ${entry.title}`}
                    onClick={() => {
                      forgetMap(entry.id)
                      setRecent(loadRecentMaps())
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  )
}
