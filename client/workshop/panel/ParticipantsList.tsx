/** Who is here: name, colour, role, in the room or remote, and who is idle or gone. */
import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { shownName } from '../../user/displayName'
import { useWorkshopSession } from './WorkshopSession'

/** Someone who has not moved or typed for this long shows as idle. */
const IDLE_AFTER_MS = 2 * 60_000

export function ParticipantsList() {
  const { t } = useTranslation()
  const { model } = useWorkshopSession()
  const participants = useValue('participants', () => model.participants.get(), [model])
  // Re-render now and then, so "idle" appears without anyone moving.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(timer)
  }, [])
  const here = participants.filter((p) => p.connected).length
  return (
    <section aria-labelledby="participants-heading">
      <h3 id="participants-heading">{t('workshop.participants.heading', { count: here })}</h3>
      <ul className="participants" data-testid="participants">
        {participants.map((participant) => {
          const status = !participant.connected
            ? 'disconnected'
            : now - participant.lastActivity > IDLE_AFTER_MS
              ? 'idle'
              : 'active'
          return (
            <li
              key={participant.userId}
              className={`participants__item participants__item--${status}`}
            >
              <span
                className="participants__colour"
                style={{ background: participant.color }}
                aria-hidden="true"
              />
              <span className="participants__name">
                {shownName(participant.name, t)}
                {participant.self && ` (${t('workshop.participants.you')})`}
              </span>
              <span className="participants__meta">
                {participant.role &&
                  t(`workshop.role.${participant.role}` as 'workshop.role.editor')}
                {participant.place && ` · ${t(`workshop.place.${participant.place}`)}`}
                {status !== 'active' && ` · ${t(`workshop.participants.${status}`)}`}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
