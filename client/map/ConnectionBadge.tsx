import { useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import type { MapConnection } from '../sync/MapConnection'

/** Always-visible connection state: connected, reconnecting, offline or refused. */
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
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      {t(`status.${status.kind}`)}
    </div>
  )
}
