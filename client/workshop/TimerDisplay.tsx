/**
 * The running agenda block (and assignment, in phase 1) with its countdown, the same for
 * everyone, in the top bar; and the signal when it reaches zero: the timer turns red and
 * flashes and a banner big enough for a projector says time is up, on every screen. A tone
 * sounds too when the facilitator turned it on and this browser lets the page play sound
 * (timeUpTone.ts). The banner can be closed on one screen; more time brings the timer back.
 */
import { useEffect, useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { findPart } from '../../shared/workshop/agenda'
import { type TimerState, isTimeUp, timeRemaining } from '../../shared/workshop/timer'
import { useTranslation } from '../i18n/useTranslation'
import type { WorkshopModel } from './WorkshopModel'
import { agendaBlockName, agendaPartName } from './agendaBlockName'
import { serverNow } from './serverClock'
import { playTimeUpTone, prepareTimeUpTone } from './timeUpTone'

function formatDuration(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${ms < 0 ? '−' : ''}${minutes}:${String(seconds).padStart(2, '0')}`
}

/** One countdown as started or extended: closing its banner must not hide the next one's. */
function countdownKey(timer: TimerState): string {
  return `${timer.blockId}/${timer.partId ?? ''}/${timer.startedAt}/${timer.durationMs}`
}

/** The running agenda block and its countdown, the same for everyone, in the top bar. */
export function TimerDisplay({ model }: { model: WorkshopModel }) {
  const { t, locale } = useTranslation()
  const { agenda } = model
  const timer = useValue('timer', () => agenda.timer.get(), [agenda])
  const blocks = useValue('agenda', () => agenda.blocks.get(), [agenda])
  const sound = useValue('timerSound', () => agenda.sound.get(), [agenda])
  const playRounds = useValue('role-play rounds', () => model.facilitation.get().rolePlayRounds, [
    model,
  ])
  const [, setTick] = useState(0)
  const [closedKey, setClosedKey] = useState<string | null>(null)
  const [tone, setTone] = useState<'played' | 'silent' | 'off'>('off')
  // The countdown last seen still running on this page: the tone is for the moment zero is
  // reached, not for opening a page on a block that ran over long ago.
  const seenRunning = useRef<string | null>(null)
  useEffect(() => {
    prepareTimeUpTone()
    const interval = setInterval(() => setTick((n) => n + 1), 500)
    return () => clearInterval(interval)
  }, [])

  const now = serverNow()
  const key = timer ? countdownKey(timer) : null
  const up = timer !== null && isTimeUp(timer, now)
  useEffect(() => {
    if (!key) return
    if (!up) {
      seenRunning.current = key
      setTone('off')
    } else if (seenRunning.current === key) {
      seenRunning.current = null
      setTone(sound ? (playTimeUpTone() ? 'played' : 'silent') : 'off')
    }
  }, [key, up, sound])

  if (!timer) return null
  const block = blocks.find((b) => b.id === timer.blockId)
  const part = block ? findPart(block, timer.partId) : null
  const blockName = block ? agendaBlockName(block, locale) : ''
  // A role-play round is timed as a part of the phase-3 block (rolePlayRounds.ts).
  const round = part ? null : (playRounds.rounds.find((r) => r.id === timer.partId) ?? null)
  const partName = part
    ? agendaPartName(part, locale)
    : round
      ? t('workshop.timer.round', { number: round.number })
      : null
  const partNumber = part && block?.parts ? block.parts.indexOf(part) + 1 : 0
  const what = partName ? `${blockName} · ${partName}` : blockName
  const remaining = timeRemaining(timer, now)
  const paused = timer.pausedAt !== null
  return (
    <>
      <div
        className={`timer${remaining < 0 ? ' timer--over' : ''}${up ? ' timer--up' : ''}${paused ? ' timer--paused' : ''}`}
        role="timer"
        aria-label={t('workshop.timer.label')}
        // A narrow bar cuts or hides the labels: the whole of them on hover.
        title={what}
        data-testid="timer"
        data-remaining={Math.round(remaining / 1000)}
        data-up={up ? 'true' : undefined}
      >
        <span className="timer__block">{blockName}</span>
        {partName && round && (
          <span className="timer__part" data-testid="timer-part">
            {partName}
          </span>
        )}
        {partName && !round && (
          <span className="timer__part" data-testid="timer-part">
            {t('workshop.timer.part', {
              number: partNumber,
              count: block?.parts?.length ?? 0,
              name: partName,
            })}
          </span>
        )}
        <span className="timer__time">{formatDuration(remaining)}</span>
        {paused && <span className="timer__paused">{t('workshop.timer.paused')}</span>}
      </div>
      {up && closedKey !== key && (
        <div className="time-up" role="alert" data-testid="time-up" data-tone={tone}>
          <strong className="time-up__title">{t('workshop.timer.up')}</strong>
          <span className="time-up__what">{what}</span>
          <button
            type="button"
            className="button"
            aria-label={t('workshop.timer.closeUp')}
            onClick={() => setClosedKey(key)}
          >
            {t('workshop.timer.close')}
          </button>
        </div>
      )}
    </>
  )
}
