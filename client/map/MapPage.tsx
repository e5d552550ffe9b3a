import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useState } from 'react'
import { Tldraw, useValue } from 'tldraw'
import type { ClientConfig, MapMetadata } from '../../shared/protocol/api'
import { rememberMap } from '../home/recentMaps'
import { ApiRequestError, fetchMapMetadata } from '../config/apiClient'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useTranslation } from '../i18n/useTranslation'
import { navigate } from '../navigation'
import { UserNameField } from '../user/UserNameField'
import { tldrawCurrentUser } from '../user/localUser'
import { ConnectionBadge } from './ConnectionBadge'
import { type MapSession, useMapSession } from './useMapSession'

// Fonts, icons and translations come from our own origin, never from a CDN.
const assetUrls = getAssetUrlsByImport()

/** The map page: the shared canvas with a top bar. */
export function MapPage({ mapId, config }: { mapId: string; config: ClientConfig }) {
  const { t } = useTranslation()
  const [metadata, setMetadata] = useState<MapMetadata | null>(null)
  const [missing, setMissing] = useState(false)

  useEffect(() => {
    let cancelled = false
    fetchMapMetadata(mapId).then(
      (found) => {
        if (cancelled) return
        setMetadata(found)
        rememberMap(found.id, found.title)
        document.title = `${found.title} · ${t('app.name')}`
      },
      (error: unknown) => {
        if (!cancelled && error instanceof ApiRequestError && error.status === 404) setMissing(true)
      },
    )
    return () => {
      cancelled = true
    }
  }, [mapId]) // eslint-disable-line react-hooks/exhaustive-deps

  if (missing) {
    return (
      <main className="map-message">
        <p role="alert">{t('map.notFound')}</p>
        <a href="/">{t('map.back')}</a>
      </main>
    )
  }
  return <MapCanvas mapId={mapId} title={metadata?.title ?? ''} config={config} />
}

function MapCanvas({
  mapId,
  title,
  config,
}: {
  mapId: string
  title: string
  config: ClientConfig
}) {
  const { t } = useTranslation()
  const { connection, session } = useMapSession(mapId, 'Stakeholders')
  const refused = useValue('refused', () => connection?.status.get().kind === 'refused', [
    connection,
  ])

  return (
    <div className="map-page">
      <header className="map-bar">
        <a
          className="map-bar__back"
          href="/"
          onClick={(event) => {
            event.preventDefault()
            navigate('/')
          }}
        >
          ← {t('map.back')}
        </a>
        <h1 className="map-bar__title">{title}</h1>
        <div className="map-bar__tools">
          <UserNameField />
          <LanguageSwitch />
          {connection && <ConnectionBadge connection={connection} />}
        </div>
      </header>
      {session ? (
        <MapEditor session={session} config={config} />
      ) : (
        <p className="map-message" role="status">
          {refused ? t('map.notFound') : t('map.loading')}
        </p>
      )}
    </div>
  )
}

function MapEditor({ session, config }: { session: MapSession; config: ClientConfig }) {
  const { t } = useTranslation()
  const outdated = useValue('outdated', () => session.binding.schemaState.get() === 'outdated', [
    session,
  ])
  return (
    <div className="map-canvas">
      {outdated && (
        <div className="map-banner" role="alert">
          {t('map.outdated')}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {t('map.reload')}
          </button>
        </div>
      )}
      <Tldraw
        store={session.store}
        user={tldrawCurrentUser}
        assetUrls={assetUrls}
        licenseKey={config.tldrawLicenseKey ?? undefined}
        onMount={(editor) => {
          // Exposed for the browser tests and for debugging from the console.
          ;(window as unknown as { editor: unknown }).editor = editor
        }}
      />
    </div>
  )
}
