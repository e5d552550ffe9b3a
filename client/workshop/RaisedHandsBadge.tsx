/**
 * How many hands are up, for the facilitator wherever they are looking (issue 19): on the
 * Workshop tab's label, so it shows while another tab of the side panel is open, and on the
 * button that shows a hidden panel. Nothing while no hand is up.
 */
import { useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import type { WorkshopModel } from './WorkshopModel'

export function RaisedHandsBadge({ model }: { model: WorkshopModel }) {
  const { t } = useTranslation()
  const count = useValue('raised hands', () => model.hands.queue.get().length, [model])
  if (count === 0) return null
  return (
    <span className="hands-badge" data-testid="hands-badge">
      {/* A drawn hand, not an emoji: not every projector laptop has an emoji font. */}
      <svg className="hands-badge__hand" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M5 9V4a1 1 0 0 1 2 0v3V2.5a1 1 0 0 1 2 0V7V3.5a1 1 0 0 1 2 0V9l1-1.4a1 1 0 0 1 1.7 1.1L11.2 13a3 3 0 0 1-2.6 1.5H7.5A3 3 0 0 1 4.5 11.5V6.5a1 1 0 0 1 .5-.9" />
      </svg>
      <span aria-hidden="true">{count}</span>
      {/* The space keeps it a word of its own in the tab's accessible name. */}
      <span className="visually-hidden">{` ${t('workshop.hands.badge', { count })}`}</span>
    </span>
  )
}
