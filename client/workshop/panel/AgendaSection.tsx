/**
 * The agenda with each block's minutes (and phase 1's three assignments with theirs), and for
 * the facilitator the timer's controls: start or restart a block or an assignment, +1 and +5
 * minutes, pause, resume, stop, the next assignment, and whether a tone sounds at zero.
 * Everyone sees the minutes; the countdown itself is in the top bar (../TimerDisplay.tsx).
 */
import { useValue } from 'tldraw'
import { type AgendaBlock, type AgendaPart, partAfter } from '../../../shared/workshop/agenda'
import { useTranslation } from '../../i18n/useTranslation'
import { agendaBlockName, agendaPartName } from '../agendaBlockName'
import { AgendaBoardLink } from './AgendaBoardLink'
import { AgendaMinutesInput } from './AgendaMinutesInput'
import { useWorkshopSession } from './WorkshopSession'

export function AgendaSection() {
  const { t, locale } = useTranslation()
  const { model, facilitator } = useWorkshopSession()
  const { agenda } = model
  const blocks = useValue('agenda', () => agenda.blocks.get(), [agenda])
  const timer = useValue('timer', () => agenda.timer.get(), [agenda])
  const sound = useValue('timerSound', () => agenda.sound.get(), [agenda])
  const timedBlock = timer ? blocks.find((block) => block.id === timer.blockId) : undefined
  const next = timedBlock && timer ? partAfter(timedBlock, timer.partId) : null

  /** The minutes field (facilitator) or text (everyone else), and the start button. */
  function planAndStart(
    block: AgendaBlock,
    part: AgendaPart | undefined,
    name: string,
    running: boolean,
  ) {
    const id = part ? `${block.id}-${part.id}` : block.id
    const minutes = (part ?? block).minutes
    return (
      <>
        {facilitator ? (
          <AgendaMinutesInput
            blockId={id}
            label={t('workshop.agenda.minutesFor', { name })}
            minutes={minutes}
            onCommit={(value) =>
              part
                ? agenda.setPartMinutes(block.id, part.id, value)
                : agenda.setMinutes(block.id, value)
            }
          />
        ) : (
          <span>{t('workshop.agenda.minutes', { minutes })}</span>
        )}
        {facilitator && (
          <button
            type="button"
            className="button"
            data-testid={`start-${id}`}
            aria-label={t(running ? 'workshop.timer.restartNamed' : 'workshop.timer.startNamed', {
              name,
            })}
            onClick={() => agenda.start(block, part)}
          >
            {running ? t('workshop.timer.restart') : t('workshop.timer.start')}
          </button>
        )}
      </>
    )
  }

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
              {planAndStart(block, undefined, name, running && timer?.partId === null)}
              {facilitator && block.kind !== 'break' && block.kind !== 'closing' && (
                <AgendaBoardLink block={block} name={name} />
              )}
              {block.parts && (
                <ol className="workshop__agenda-parts">
                  {block.parts.map((part) => {
                    const partRunning = running && timer?.partId === part.id
                    const partName = agendaPartName(part, locale)
                    return (
                      <li
                        key={part.id}
                        className={partRunning ? 'workshop__agenda--running' : undefined}
                        aria-current={partRunning ? 'step' : undefined}
                      >
                        <span className="workshop__agenda-name">{partName}</span>
                        {planAndStart(block, part, partName, partRunning)}
                      </li>
                    )
                  })}
                </ol>
              )}
            </li>
          )
        })}
      </ol>
      {facilitator && timer && (
        <div className="exchange__buttons">
          <button
            type="button"
            className="button"
            data-testid="timer-add-1"
            aria-label={t('workshop.timer.addOneLabel')}
            onClick={() => agenda.extend(1)}
          >
            {t('workshop.timer.addOne')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="timer-add-5"
            aria-label={t('workshop.timer.addFiveLabel')}
            onClick={() => agenda.extend(5)}
          >
            {t('workshop.timer.addFive')}
          </button>
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
          {timedBlock && next && (
            <button
              type="button"
              className="button"
              data-testid="timer-next-part"
              onClick={() => agenda.start(timedBlock, next)}
            >
              {t('workshop.timer.next', { name: agendaPartName(next, locale) })}
            </button>
          )}
        </div>
      )}
      {facilitator && (
        <label className="workshop__timer-sound">
          <input
            type="checkbox"
            data-testid="timer-sound"
            checked={sound}
            onChange={(event) => agenda.setSound(event.target.checked)}
          />
          {t('workshop.timer.sound')}
        </label>
      )}
    </section>
  )
}
