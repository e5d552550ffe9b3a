import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { timeRemaining } from '../../shared/workshop/timer'
import { useTranslation } from '../i18n/useTranslation'
import type { WorkshopModel } from './WorkshopModel'
import { agendaBlockName } from './agendaBlockName'
import { serverNow } from './serverClock'

function formatDuration(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${ms < 0 ? '−' : ''}${minutes}:${String(seconds).padStart(2, '0')}`
}

/** The running agenda block and its countdown, the same for everyone, in the top bar. */
export function TimerDisplay({ model }: { model: WorkshopModel }) {
  const { t, locale } = useTranslation()
  const { agenda } = model
  const timer = useValue('timer', () => agenda.timer.get(), [agenda])
  const blocks = useValue('agenda', () => agenda.blocks.get(), [agenda])
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 500)
    return () => clearInterval(timer)
  }, [])
  if (!timer) return null
  const block = blocks.find((b) => b.id === timer.blockId)
  const remaining = timeRemaining(timer, serverNow())
  return (
    <div
      className={`timer${remaining < 0 ? ' timer--over' : ''}${timer.pausedAt !== null ? ' timer--paused' : ''}`}
      role="timer"
      aria-label={t('workshop.timer.label')}
      data-testid="timer"
      data-remaining={Math.round(remaining / 1000)}
    >
      <span className="timer__block">{block ? agendaBlockName(block, locale) : ''}</span>
      <span className="timer__time">{formatDuration(remaining)}</span>
      {timer.pausedAt !== null && (
        <span className="timer__paused">{t('workshop.timer.paused')}</span>
      )}
    </div>
  )
}
