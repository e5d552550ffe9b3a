/**
 * The agenda with each block's minutes, and for the facilitator the timer's controls: start
 * or restart a block, pause, resume, stop. Everyone sees the minutes; the countdown itself is
 * in the top bar (../TimerDisplay.tsx).
 */
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { agendaBlockName } from '../agendaBlockName'
import { AgendaMinutesInput } from './AgendaMinutesInput'
import { useWorkshopSession } from './WorkshopSession'

export function AgendaSection() {
  const { t, locale } = useTranslation()
  const { model, facilitator } = useWorkshopSession()
  const { agenda } = model
  const blocks = useValue('agenda', () => agenda.blocks.get(), [agenda])
  const timer = useValue('timer', () => agenda.timer.get(), [agenda])
  return (
    <section aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">{t('workshop.agenda.heading')}</h3>
      <ol className="workshop__agenda">
        {blocks.map((block) => {
          const running = timer?.blockId === block.id
          const name = agendaBlockName(block, locale)
          return (
            <li key={block.id} className={running ? 'workshop__agenda--running' : undefined}>
              <span className="workshop__agenda-name">{name}</span>
              {facilitator ? (
                <AgendaMinutesInput
                  blockId={block.id}
                  label={t('workshop.agenda.minutesFor', { name })}
                  minutes={block.minutes}
                  onCommit={(minutes) => agenda.setMinutes(block.id, minutes)}
                />
              ) : (
                <span>{t('workshop.agenda.minutes', { minutes: block.minutes })}</span>
              )}
              {facilitator && (
                <button
                  type="button"
                  className="button"
                  data-testid={`start-${block.id}`}
                  onClick={() => agenda.start(block)}
                >
                  {running ? t('workshop.timer.restart') : t('workshop.timer.start')}
                </button>
              )}
            </li>
          )
        })}
      </ol>
      {facilitator && timer && (
        <div className="exchange__buttons">
          {timer.pausedAt === null ? (
            <button type="button" className="button" onClick={() => agenda.pause()}>
              {t('workshop.timer.pause')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => agenda.resume()}>
              {t('workshop.timer.resume')}
            </button>
          )}
          <button type="button" className="button" onClick={() => agenda.stop()}>
            {t('workshop.timer.stop')}
          </button>
        </div>
      )}
    </section>
  )
}
