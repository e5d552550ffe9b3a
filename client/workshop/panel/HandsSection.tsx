/**
 * Raise or lower one's hand, and see one's place in the queue; the facilitator sees the
 * queue and lowers hands from it.
 */
import { useValue } from 'tldraw'
import { ordinal } from '../../i18n/ordinal'
import { useTranslation } from '../../i18n/useTranslation'
import { shownName } from '../../user/displayName'
import { useWorkshopSession } from './WorkshopSession'

export function HandsSection() {
  const { t, locale } = useTranslation()
  const { model, facilitator } = useWorkshopSession()
  const { hands } = model
  const queue = useValue('hands', () => hands.queue.get(), [hands])
  const raised = useValue('my hand', () => hands.mineIsRaised.get(), [hands])
  const place = useValue('my place', () => hands.myPlace.get(), [hands])
  return (
    <section aria-labelledby="hands-heading">
      <h3 id="hands-heading">{t('workshop.hands.heading')}</h3>
      <button
        type="button"
        className={`button${raised ? '' : ' button--primary'}`}
        aria-pressed={raised}
        data-testid="raise-hand"
        onClick={() => (raised ? hands.lower() : hands.raise())}
      >
        {raised ? t('workshop.hands.lower') : t('workshop.hands.raise')}
      </button>
      {/* Read out as it changes: the place moves up while one waits. */}
      <p className="workshop__hand-place" aria-live="polite" data-testid="hand-place">
        {place !== null && t('workshop.hands.place', { place: ordinal(locale, place) })}
      </p>
      {facilitator && (
        <ol
          className="workshop__queue"
          aria-label={t('workshop.hands.queue')}
          data-testid="hand-queue"
        >
          {queue.length === 0 && <li className="panel__muted">{t('workshop.hands.none')}</li>}
          {queue.map((hand) => {
            const name = shownName(hand.name, t)
            return (
              <li key={hand.userId}>
                <span>{name}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => hands.lowerFor(hand.userId)}
                >
                  {t('workshop.hands.lowerFor', { name })}
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
