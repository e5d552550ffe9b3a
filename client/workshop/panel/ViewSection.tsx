/** The facilitator's controls on everyone's view: follow me, bring everyone here, spotlight. */
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { TemplateLockToggle } from './TemplateLockToggle'
import { useSelectedCard } from './useSelectedCard'
import { useWorkshopSession } from './WorkshopSession'

export function ViewSection() {
  const { t } = useTranslation()
  const { editor, model } = useWorkshopSession()
  const { view } = model
  const following = useValue('everyone follows me', () => view.everyoneFollowsMe.get(), [view])
  const selected = useSelectedCard()
  return (
    <section aria-labelledby="view-heading">
      <h3 id="view-heading">{t('workshop.view.heading')}</h3>
      <div className="workshop__buttons">
        <button
          type="button"
          className={`button${following ? ' button--primary' : ''}`}
          aria-pressed={following}
          data-testid="follow-me"
          onClick={() => view.toggleFollowMe()}
        >
          {following ? t('workshop.view.stopFollowMe') : t('workshop.view.followMe')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="bring-here"
          onClick={() => view.bringEveryoneHere(editor.getViewportPageBounds())}
        >
          {t('workshop.view.bringHere')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!selected}
          onClick={() => selected && view.spotlight(selected.id)}
        >
          {t('workshop.view.spotlight')}
        </button>
      </div>
      <TemplateLockToggle />
    </section>
  )
}
