/**
 * Who is here: name, colour, role, in the room or remote, who is idle or gone, and who is a
 * guest. A facilitator renames a guest here (e.g. to a role-play role); the server shows
 * the new name to everyone. A name being typed is a draft of the map (FieldDrafts): the
 * form stays open with it through a click elsewhere, another panel tab and a reload, until
 * it is saved or cancelled.
 * While everyone is asked to follow someone, the facilitator sees who follows and who
 * stopped (issue 19). Nobody is shown as idle to themselves: they are the one looking.
 * Viewers (the projector on the viewer link, an onlooker) are counted apart, below the
 * participants: not as idle participants (a projector never moves), and with no rename (a
 * facilitator renames guests who take part, e.g. to a role-play role).
 * While this page is offline the list says so, and that the others' state is unknown: they
 * are not shown as disconnected for this page's own lost connection.
 */
import { type FormEvent, useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { useFieldDrafts } from '../../drafts/FieldDrafts'
import { useStoredDraft } from '../../drafts/useStoredDraft'
import { useTranslation } from '../../i18n/useTranslation'
import { ANONYMOUS_NAME, shownName } from '../../user/displayName'
import type { Participant } from '../model/ParticipantsModel'
import { participantStatus } from '../participantStatus'
import { useWorkshopSession } from './WorkshopSession'

/** The draft key of the new name typed for guest `userId`. */
const renameDraftKey = (userId: string) => `participants/rename/${userId}`

export function ParticipantsList() {
  const { t } = useTranslation()
  const { model, facilitator } = useWorkshopSession()
  const canRename = facilitator && model.canRenameParticipants
  const [renaming, setRenaming] = useState<string | null>(null)
  const drafts = useFieldDrafts()
  const isRenaming = (userId: string) =>
    renaming === userId || drafts.get(renameDraftKey(userId)) !== undefined
  const participants = useValue('participants', () => model.participants.get(), [model])
  const followed = useValue('followed', () => model.view.followed.get(), [model])
  const online = useValue('connected', () => model.connected.get(), [model])
  // Re-render now and then, so "idle" appears without anyone moving.
  const [now, setNow] = useState(() => model.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(model.now()), 15_000)
    return () => clearInterval(timer)
  }, [model])
  const viewers = participants.filter((p) => p.role === 'viewer' && p.connected)
  const taking = participants.filter((p) => p.role !== 'viewer')
  const here = taking.filter((p) => p.connected).length
  const askedToFollow = (participant: Participant) =>
    online &&
    facilitator &&
    followed !== null &&
    participant.connected &&
    participant.userId !== followed
  return (
    <section aria-labelledby="participants-heading">
      <h3 id="participants-heading">
        {online
          ? t('workshop.participants.heading', { count: here })
          : t('workshop.participants.headingOffline')}
      </h3>
      {!online && (
        <p className="panel__muted" data-testid="participants-offline">
          {t('workshop.participants.offlineNote')}
        </p>
      )}
      <ul className="participants" data-testid="participants">
        {taking.map((participant) => {
          const status = participantStatus(participant, now, online)
          const asked = askedToFollow(participant)
          const follows = participant.following === followed
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
              {canRename && isRenaming(participant.userId) ? (
                <RenameForm
                  participant={participant}
                  onOpen={() => setRenaming(participant.userId)}
                  onDone={() => setRenaming(null)}
                />
              ) : (
                <span className="participants__name">
                  {shownName(participant.name, t)}
                  {participant.self && ` (${t('workshop.participants.you')})`}
                </span>
              )}
              {participant.kind === 'guest' && (
                <span className="participants__kind">{t('workshop.participants.guest')}</span>
              )}
              <span className="participants__meta">
                {participant.role &&
                  t(`workshop.role.${participant.role}` as 'workshop.role.editor')}
                {participant.place && ` · ${t(`workshop.place.${participant.place}`)}`}
                {status !== 'active' && ` · ${t(`workshop.participants.${status}`)}`}
              </span>
              {asked && <FollowState follows={follows} />}
              {canRename &&
                participant.kind === 'guest' &&
                participant.userId.startsWith('g_') &&
                !participant.self &&
                participant.connected &&
                !isRenaming(participant.userId) && (
                  <button
                    type="button"
                    className="participants__rename"
                    onClick={() => {
                      // The form starts from the current name, kept as its draft.
                      drafts.set(renameDraftKey(participant.userId), participant.name)
                      setRenaming(participant.userId)
                    }}
                    aria-label={t('workshop.participants.rename', {
                      name: shownName(participant.name, t),
                    })}
                  >
                    {t('workshop.participants.renameShort')}
                  </button>
                )}
            </li>
          )
        })}
      </ul>
      {viewers.length > 0 && (
        <>
          <p className="panel__muted" id="viewers-heading">
            {t('workshop.participants.viewers', { count: viewers.length })}
          </p>
          <ul className="participants" data-testid="viewers" aria-labelledby="viewers-heading">
            {viewers.map((viewer) => (
              <li key={viewer.userId} className="participants__item participants__item--viewer">
                <span
                  className="participants__colour"
                  style={{ background: viewer.color }}
                  aria-hidden="true"
                />
                <span className="participants__name">
                  {viewer.name.trim() === '' || viewer.name === ANONYMOUS_NAME
                    ? t('workshop.participants.unnamedViewer')
                    : shownName(viewer.name, t)}
                  {viewer.self && ` (${t('workshop.participants.you')})`}
                </span>
                {askedToFollow(viewer) && <FollowState follows={viewer.following === followed} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** Whether someone asked to follow still does (shown to the facilitator). */
function FollowState({ follows }: { follows: boolean }) {
  const { t } = useTranslation()
  return (
    <span
      className={`participants__follow participants__follow--${follows ? 'on' : 'off'}`}
      data-testid="follow-state"
    >
      {follows ? t('workshop.participants.follows') : t('workshop.participants.leftFollowing')}
    </span>
  )
}

/** The facilitator's inline rename of one guest. */
function RenameForm({
  participant,
  onOpen,
  onDone,
}: {
  participant: Participant
  /** Called once shown (also when reopened from its draft): it stays open when emptied. */
  onOpen: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  useEffect(onOpen, []) // eslint-disable-line react-hooks/exhaustive-deps
  const { model } = useWorkshopSession()
  const [name, setName, clearName] = useStoredDraft(renameDraftKey(participant.userId))
  const [failed, setFailed] = useState(false)
  const done = () => {
    clearName()
    onDone()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    model.renameParticipant(participant.userId, name).then(done, () => setFailed(true))
  }
  return (
    <form className="participants__rename-form" onSubmit={submit}>
      <input
        value={name}
        maxLength={100}
        autoFocus
        aria-label={t('workshop.participants.newName', { name: shownName(participant.name, t) })}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') done()
        }}
      />
      <button type="submit">{t('workshop.participants.saveName')}</button>
      <button type="button" onClick={done}>
        {t('workshop.participants.cancelRename')}
      </button>
      {failed && <span role="alert">{t('workshop.participants.renameFailed')}</span>}
    </form>
  )
}
