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
      <span aria-hidden="true">✋ {count}</span>
      <span className="visually-hidden">{t('workshop.hands.badge', { count })}</span>
    </span>
  )
}
