/**
 * The role play of phase 3 (shared/workshop/rolePlay.ts): facilitators make and edit the
 * role cards, write each card's private brief and deal the cards to participants; everyone
 * sees who plays whom; the person holding a card sees its brief, which the server gives to
 * them alone (the page of anyone else never receives it).
 */
import { useValue } from 'tldraw'
import type { RoleCard } from '../../../shared/workshop/rolePlay'
import { ROLE_LIMITS } from '../../../shared/workshop/rolePlay'
import { useTranslation } from '../../i18n/useTranslation'
import { TextArea, TextField } from '../../panels/fields'
import { EntryList } from '../../panels/stakeholderEditor/EntryList'
import { shownName } from '../../user/displayName'
import { participantIdOf } from '../model/ParticipantsModel'
import type { RolePlayModel } from '../model/RolePlayModel'
import { useWorkshopSession } from './WorkshopSession'

/**
 * The card dealt to this person, with its brief, at the top of the Workshop tab while
 * they hold one (the role play needs it in view); nothing otherwise.
 */
export function MyRoleCard({ rolePlay }: { rolePlay: RolePlayModel }) {
  const { t } = useTranslation()
  const mine = useValue('my role', () => rolePlay.mine.get(), [rolePlay])
  const titleOf = (card: RoleCard) => card.title.trim() || t('workshop.roles.untitled')
  if (mine.status === 'none') return null
  return (
    <section aria-labelledby="my-role-heading" className="role-play">
      <h3 id="my-role-heading">
        {mine.status === 'held'
          ? t('workshop.roles.mine', { title: titleOf(mine.role.card) })
          : t('workshop.roles.mineHeading')}
      </h3>
      {mine.status === 'held' && (
        <div className="role-play__mine" data-testid="my-role">
          {mine.role.card.description && <p>{mine.role.card.description}</p>}
          <p className="role-play__brief-label">{t('workshop.roles.mineBrief')}</p>
          <p className="role-play__brief">{mine.role.brief}</p>
        </div>
      )}
      {mine.status === 'loading' && <p className="panel__muted">{t('workshop.roles.loading')}</p>}
      {mine.status === 'failed' && (
        <p role="alert">
          {t('workshop.roles.failed')}{' '}
          <button type="button" className="button" onClick={() => rolePlay.refreshMine()}>
            {t('workshop.roles.retry')}
          </button>
        </p>
      )}
    </section>
  )
}

/** Who plays whom, for everyone; the cards and their briefs, for facilitators. */
export function RolePlaySection({ rolePlay }: { rolePlay: RolePlayModel }) {
  const { t } = useTranslation()
  const { facilitator, model } = useWorkshopSession()
  const cards = useValue('role cards', () => rolePlay.cards.get(), [rolePlay])
  const participants = useValue('participants', () => model.participants.get(), [model])
  const names = new Map(
    participants.map((each) => [participantIdOf(each.userId), shownName(each.name, t)]),
  )
  const nameOf = (holderId: string) => names.get(holderId) ?? t('workshop.roles.absent')
  const titleOf = (card: RoleCard) => card.title.trim() || t('workshop.roles.untitled')
  if (!facilitator && cards.length === 0) return null
  return (
    <section aria-labelledby="roles-heading" className="role-play">
      <h3 id="roles-heading">{t('workshop.roles.heading')}</h3>
      {cards.length > 0 && (
        <>
          <h4>{t('workshop.roles.cast')}</h4>
          <ul className="role-play__cast" data-testid="role-cast">
            {cards.map((card) => (
              <li key={card.id}>
                <strong>{titleOf(card)}</strong>
                {card.holderId !== null && <> — {nameOf(card.holderId)}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {facilitator && <RoleCardsEditor rolePlay={rolePlay} nameOf={nameOf} />}
    </section>
  )
}

/** The facilitator's cards: title, public description, brief, and whom it is dealt to. */
function RoleCardsEditor({
  rolePlay,
  nameOf,
}: {
  rolePlay: RolePlayModel
  nameOf(holderId: string): string
}) {
  const { t, locale } = useTranslation()
  const { model } = useWorkshopSession()
  const cards = useValue('role cards', () => rolePlay.cards.get(), [rolePlay])
  const briefs = useValue('role briefs', () => rolePlay.briefs?.get() ?? new Map(), [rolePlay])
  const participants = useValue('participants', () => model.participants.get(), [model])
  const people = participants
    .filter((each) => each.role !== 'viewer' || each.name.trim() !== '')
    .map((each) => participantIdOf(each.userId))
  return (
    <>
      <p className="panel__muted">{t('workshop.roles.intro')}</p>
      {cards.length === 0 && (
        <button type="button" className="button" onClick={() => rolePlay.useDefaultRoles(locale)}>
          {t('workshop.roles.useDefaults')}
        </button>
      )}
      <EntryList
        entries={cards}
        summary={(card) =>
          `${card.title.trim() || t('workshop.roles.untitled')}${
            card.holderId === null ? '' : ` — ${nameOf(card.holderId)}`
          }`
        }
        labels={{
          none: t('workshop.roles.none'),
          add: t('workshop.roles.add'),
          remove: t('workshop.roles.remove'),
        }}
        onAdd={() => rolePlay.addRole()}
        onRemove={(card) => rolePlay.removeRole(card.id)}
        renderFields={(card) => {
          const key = `roles/${card.id}`
          const holders = [
            ...new Set([...people, ...(card.holderId === null ? [] : [card.holderId])]),
          ]
          return (
            <>
              <TextField
                label={t('workshop.roles.title')}
                value={card.title}
                maxLength={ROLE_LIMITS.title}
                draftKey={`${key}/title`}
                onCommit={(title) => (rolePlay.updateCard(card.id, { title }), { ok: true })}
              />
              <TextArea
                label={t('workshop.roles.description')}
                value={card.description}
                maxLength={ROLE_LIMITS.description}
                draftKey={`${key}/description`}
                onCommit={(description) => (
                  rolePlay.updateCard(card.id, { description }),
                  { ok: true }
                )}
              />
              <TextArea
                label={t('workshop.roles.brief')}
                value={briefs.get(card.id) ?? ''}
                maxLength={ROLE_LIMITS.brief}
                draftKey={`${key}/brief`}
                onCommit={(brief) => (rolePlay.setBrief(card.id, brief), { ok: true })}
              />
              <label className="field field--checkbox">
                <input
                  type="checkbox"
                  checked={card.observes}
                  onChange={(event) =>
                    rolePlay.updateCard(card.id, { observes: event.target.checked })
                  }
                />
                <span>{t('workshop.roles.observes')}</span>
              </label>
              <div className="field">
                <label htmlFor={`${key}-holder`}>{t('workshop.roles.holder')}</label>
                <select
                  id={`${key}-holder`}
                  value={card.holderId ?? ''}
                  onChange={(event) => rolePlay.deal(card.id, event.target.value || null)}
                >
                  <option value="">{t('workshop.roles.notDealt')}</option>
                  {holders.map((id) => (
                    <option key={id} value={id}>
                      {nameOf(id)}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )
        }}
      />
    </>
  )
}
