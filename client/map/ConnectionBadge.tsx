import { useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import type { MapConnection } from '../sync/MapConnection'

/**
 * Always-visible connection state: connected, reconnecting, offline or refused. Its text is
 * short enough for a 1280 px top bar in both languages; the offline one explains itself in full
 * on hover and to screen readers.
 */
export function ConnectionBadge({ connection }: { connection: MapConnection }) {
  const { t } = useTranslation()
  const status = useValue('status', () => connection.status.get(), [connection])
  return (
    <div
      className={`connection-badge connection-badge--${status.kind}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-status={status.kind}
      title={status.kind === 'offline' ? t('status.offline.detail') : undefined}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      {t(`status.${status.kind}`)}
      {status.kind === 'offline' && (
        <span className="visually-hidden">{` ${t('status.offline.detail')}`}</span>
      )}
    </div>
  )
}
