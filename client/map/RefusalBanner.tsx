import { useValue } from 'tldraw'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { useTranslation } from '../i18n/useTranslation'
import type { MapConnection } from '../sync/MapConnection'

/**
 * Why the server stopped serving an open map, over the canvas: the link gives no access
 * any more (a guest link expired or was withdrawn, a share link was replaced; or a member's
 * membership or role was taken away), the map was
 * deleted, or another final refusal. Nothing while the connection is not refused. In
 * organisation mode a 4401 means the person's session ended (signed out everywhere, by an
 * admin, or expired): they are told so, with a way to sign in again and come back here.
 */
export function RefusalBanner({
  connection,
  organisation = false,
  viaLink = true,
}: {
  connection: MapConnection
  organisation?: boolean
  /** False for a signed-in member who came in by membership, with no link. */
  viaLink?: boolean
}) {
  const { t } = useTranslation()
  const code = useValue(
    'refusal',
    () => {
      const status = connection.status.get()
      return status.kind === 'refused' ? status.code : null
    },
    [connection],
  )
  if (code === null) return null
  if (organisation && code === CloseCode.unauthorized) {
    const here = window.location.pathname + window.location.search
    return (
      <div className="map-banner" role="alert">
        {t('map.open.signed-out')}{' '}
        <a href={`/auth/login?returnTo=${encodeURIComponent(here)}`}>
          {t('map.open.sign-in-again')}
        </a>
      </div>
    )
  }
  const text =
    code === CloseCode.forbidden || code === CloseCode.unauthorized
      ? t(viaLink ? 'map.open.no-access' : 'map.open.no-membership')
      : code === CloseCode.mapNotFound
        ? t('map.open.not-found')
        : t('map.refused', { code })
  return (
    <div className="map-banner" role="alert">
      {text}
    </div>
  )
}
