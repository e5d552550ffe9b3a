import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { Rating } from '../../shared/scoring/aggregateRatings'
import { RATING_ATTRIBUTES } from '../../shared/scoring/aggregateRatings'
import { type Role, canEditMap, canFacilitate } from '../../shared/protocol/roles'
import { adoptMedians } from '../../shared/workshop/adoptMedians'
import { type AgendaBlock, withBlockMinutes } from '../../shared/workshop/agenda'
import {
  MAX_VOTE_BUDGET,
  castVote,
  openDotVote,
  tallyVotes,
  votesOf,
  withdrawVote,
} from '../../shared/workshop/dotVoting'
import { type FacilitationState, setFacilitation } from '../../shared/workshop/facilitationState'
import { openScoringRound, readRatings, submitRating } from '../../shared/workshop/privateScoring'
import { lowerHand, raiseHand } from '../../shared/workshop/raisedHands'
import { splitIntoTables } from '../../shared/workshop/splitIntoTables'
import { MAX_TABLES } from '../../shared/workshop/tableGroups'
import { templateLockScope } from '../../shared/workshop/templateLockScope'
import { pauseTimer, resumeTimer, startTimer } from '../../shared/workshop/timer'
import { isStakeholderCard } from '../canvas/boardActions'
import { useTranslation } from '../i18n/useTranslation'
import { useStoredDraft } from '../drafts/useStoredDraft'
import { ScoreNumber, ScoreSelect } from '../panels/fields'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { localUserPreferences } from '../user/localUser'
import { presenceUserId } from '../user/presenceUser'
import type { WorkshopModel } from './WorkshopModel'
import { ParticipantsList, useParticipants } from './ParticipantsList'
import { AgendaMinutesInput } from './AgendaMinutesInput'
import { agendaBlockName } from './agendaBlockName'
import { serverNow } from './serverClock'
import { bringGroupIntoPlenary, ensureGroupAreas, groupShapeIds } from './tableGroups'

/** Everything of the workshop in one panel: what participants do, and the facilitator's controls. */
export function WorkshopPanel({
  editor,
  registry,
  model,
  role,
}: {
  editor: Editor
  registry: StakeholderRegistry
  model: WorkshopModel
  role: Role
}) {
  const state = useValue('facilitation', () => model.facilitation.get(), [model])
  const facilitator = canFacilitate(role)
  const participant = canEditMap(role)
  return (
    <div className="workshop">
      {participant && <HandSection model={model} facilitator={facilitator} />}
      <AgendaSection model={model} state={state} facilitator={facilitator} />
      {facilitator && <ViewSection editor={editor} model={model} state={state} />}
      <GroupsSection
        editor={editor}
        registry={registry}
        model={model}
        state={state}
        facilitator={facilitator}
      />
      <ScoringSection
        editor={editor}
        registry={registry}
        model={model}
        state={state}
        facilitator={facilitator}
        participant={participant}
      />
      <VoteSection
        registry={registry}
        model={model}
        state={state}
        facilitator={facilitator}
        participant={participant}
      />
      <ParticipantsList model={model} />
    </div>
  )
}

function HandSection({ model, facilitator }: { model: WorkshopModel; facilitator: boolean }) {
  const { t } = useTranslation()
  const hands = useValue('hands', () => model.hands.get(), [model])
  const me = presenceUserId()
  const raised = hands.some((hand) => hand.userId === me)
  return (
    <section aria-labelledby="hands-heading">
      <h3 id="hands-heading">{t('workshop.hands.heading')}</h3>
      <button
        type="button"
        className={`button${raised ? '' : ' button--primary'}`}
        aria-pressed={raised}
        data-testid="raise-hand"
        onClick={() =>
          raised
            ? lowerHand(model.doc, me, model.origin)
            : raiseHand(
                model.doc,
                me,
                localUserPreferences.get().name || 'Anonymous',
                serverNow(),
                model.origin,
              )
        }
      >
        {raised ? t('workshop.hands.lower') : t('workshop.hands.raise')}
      </button>
      {facilitator && (
        <ol
          className="workshop__queue"
          aria-label={t('workshop.hands.queue')}
          data-testid="hand-queue"
        >
          {hands.length === 0 && <li className="panel__muted">{t('workshop.hands.none')}</li>}
          {hands.map((hand) => (
            <li key={hand.userId}>
              <span>{hand.name || 'Anonymous'}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => lowerHand(model.doc, hand.userId, model.origin)}
              >
                {t('workshop.hands.lowerFor', { name: hand.name })}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function AgendaSection({
  model,
  state,
  facilitator,
}: {
  model: WorkshopModel
  state: FacilitationState
  facilitator: boolean
}) {
  const { t, locale } = useTranslation()
  const { agenda, timer } = state
  const write = <K extends keyof FacilitationState>(key: K, value: FacilitationState[K]) =>
    setFacilitation(model.doc, key, value, model.origin)
  // The input checks the range (1–600 whole minutes) and says so at the field.
  const setMinutes = (block: AgendaBlock, minutes: number) =>
    write('agenda', withBlockMinutes(agenda, block.id, minutes))
  return (
    <section aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">{t('workshop.agenda.heading')}</h3>
      <ol className="workshop__agenda">
        {agenda.map((block) => {
          const running = timer?.blockId === block.id
          return (
            <li key={block.id} className={running ? 'workshop__agenda--running' : undefined}>
              <span className="workshop__agenda-name">{agendaBlockName(block, locale)}</span>
              {facilitator ? (
                <AgendaMinutesInput
                  blockId={block.id}
                  label={t('workshop.agenda.minutesFor', { name: agendaBlockName(block, locale) })}
                  minutes={block.minutes}
                  onCommit={(minutes) => setMinutes(block, minutes)}
                />
              ) : (
                <span>{t('workshop.agenda.minutes', { minutes: block.minutes })}</span>
              )}
              {facilitator && (
                <button
                  type="button"
                  className="button"
                  data-testid={`start-${block.id}`}
                  onClick={() => write('timer', startTimer(block, serverNow()))}
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
            <button
              type="button"
              className="button"
              onClick={() => write('timer', pauseTimer(timer, serverNow()))}
            >
              {t('workshop.timer.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => write('timer', resumeTimer(timer, serverNow()))}
            >
              {t('workshop.timer.resume')}
            </button>
          )}
          <button type="button" className="button" onClick={() => write('timer', null)}>
            {t('workshop.timer.stop')}
          </button>
        </div>
      )}
    </section>
  )
}

function ViewSection({
  editor,
  model,
  state,
}: {
  editor: Editor
  model: WorkshopModel
  state: FacilitationState
}) {
  const { t } = useTranslation()
  const me = presenceUserId()
  const following = state.followMe?.userId === me
  const selected = useValue(
    'selected card',
    () => {
      const only = editor.getOnlySelectedShape()
      return isStakeholderCard(only) ? only : null
    },
    [editor],
  )
  const write = <K extends keyof FacilitationState>(key: K, value: FacilitationState[K]) =>
    setFacilitation(model.doc, key, value, model.origin)
  return (
    <section aria-labelledby="view-heading">
      <h3 id="view-heading">{t('workshop.view.heading')}</h3>
      <div className="workshop__buttons">
        <button
          type="button"
          className={`button${following ? ' button--primary' : ''}`}
          aria-pressed={following}
          data-testid="follow-me"
          onClick={() => write('followMe', following ? null : { userId: me, at: serverNow() })}
        >
          {following ? t('workshop.view.stopFollowMe') : t('workshop.view.followMe')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="bring-here"
          onClick={() => {
            const { x, y, w, h } = editor.getViewportPageBounds()
            write('bringHere', { userId: me, at: serverNow(), bounds: { x, y, w, h } })
          }}
        >
          {t('workshop.view.bringHere')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!selected}
          onClick={() =>
            selected && write('spotlight', { userId: me, at: serverNow(), shapeId: selected.id })
          }
        >
          {t('workshop.view.spotlight')}
        </button>
      </div>
      <label className="field field--checkbox">
        <input
          type="checkbox"
          checked={state.templateLocked}
          onChange={(event) => {
            const locked = event.target.checked
            const boards = templateLockScope(editor.getCurrentPageShapes())
            // Locked shapes cannot be dragged or resized by accident; cards inside stay free.
            editor.run(
              () =>
                editor.updateShapes(
                  boards.map((shape) => ({ id: shape.id, type: shape.type, isLocked: locked })),
                ),
              {
                ignoreShapeLock: true,
              },
            )
            write('templateLocked', locked)
          }}
        />
        <span>{t('workshop.view.lock')}</span>
      </label>
    </section>
  )
}

function GroupsSection({
  editor,
  registry,
  model,
  state,
  facilitator,
}: {
  editor: Editor
  registry: StakeholderRegistry
  model: WorkshopModel
  state: FacilitationState
  facilitator: boolean
}) {
  const { t } = useTranslation()
  const [count, setCount] = useState(4)
  const [status, setStatus] = useState<string | null>(null)
  const participants = useParticipants(model)
  const me = presenceUserId()
  const groups = state.groups
  const myGroup = groups?.assignments[me]
  const tableName = (n: number) => t('workshop.groups.table', { number: n })

  const zoomToFrames = (frameIds: string[]) => {
    const bounds = frameIds
      .map((id) => editor.getShapePageBounds(id as never))
      .filter((b): b is NonNullable<typeof b> => b !== undefined)
    if (bounds.length === 0) return
    const [first, ...rest] = bounds
    const union = rest.reduce((acc, b) => acc.union(b), first!.clone())
    editor.zoomToBounds(union, { animation: { duration: 300 }, inset: 40 })
  }

  if (!facilitator && !groups) return null
  return (
    <section aria-labelledby="groups-heading">
      <h3 id="groups-heading">{t('workshop.groups.heading')}</h3>
      {groups && myGroup !== undefined && (
        <p>
          {t('workshop.groups.yours', { number: myGroup + 1 })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => zoomToFrames([groupShapeIds(myGroup).frame])}
          >
            {t('workshop.groups.goToMine')}
          </button>
        </p>
      )}
      {facilitator && (
        <>
          <div className="workshop__row">
            <CountInput
              label={t('workshop.groups.count')}
              max={MAX_TABLES}
              value={count}
              onChange={setCount}
            />
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                const groups = splitIntoTables(participants, count)
                const frames = ensureGroupAreas(editor, groups.count, tableName)
                setFacilitation(model.doc, 'groups', groups, model.origin)
                zoomToFrames(frames)
              }}
            >
              {t('workshop.groups.split')}
            </button>
          </div>
          {groups && (
            <>
              <button
                type="button"
                className="button"
                onClick={() =>
                  zoomToFrames(
                    Array.from({ length: groups.count }, (_, i) => groupShapeIds(i).frame),
                  )
                }
              >
                {t('workshop.groups.showAll')}
              </button>
              <ul className="workshop__groups">
                {Array.from({ length: groups.count }, (_, index) => (
                  <li key={index}>
                    <span>
                      {tableName(index + 1)}:{' '}
                      {participants
                        .filter((p) => groups.assignments[p.userId] === index)
                        .map((p) => p.name)
                        .join(', ') || '—'}
                    </span>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const added = bringGroupIntoPlenary(editor, registry, index)
                        setStatus(
                          t('workshop.groups.brought', {
                            count: added,
                            table: tableName(index + 1),
                          }),
                        )
                      }}
                    >
                      {t('workshop.groups.bringToPlenary')}
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setFacilitation(model.doc, 'groups', null, model.origin)}
              >
                {t('workshop.groups.end')}
              </button>
            </>
          )}
          {status && (
            <p role="status" className="panel__muted">
              {status}
            </p>
          )}
        </>
      )}
    </section>
  )
}

function ScoringSection({
  editor,
  registry,
  model,
  state,
  facilitator,
  participant,
}: {
  editor: Editor
  registry: StakeholderRegistry
  model: WorkshopModel
  state: FacilitationState
  facilitator: boolean
  participant: boolean
}) {
  const { t } = useTranslation()
  const round = state.scoring
  const me = presenceUserId()
  useValue('contributions', () => model.contributionsVersion(), [model])
  const ratings = round ? readRatings(model.doc, round.id) : new Map<string, Rating>()
  const mine = ratings.get(me) ?? {}
  const decoration = useValue(
    'decoration',
    () => (round ? model.decorations.get().get(round.stakeholderId) : undefined),
    [model, round?.stakeholderId],
  )
  const stakeholder = useValue(
    'scored stakeholder',
    () => (round ? registry.get(round.stakeholderId) : null),
    [registry, round?.stakeholderId],
  )
  const selectedStakeholderId = useValue(
    'selected',
    () => {
      const only = editor.getOnlySelectedShape()
      return isStakeholderCard(only) ? only.props.stakeholderId : null
    },
    [editor],
  )
  // The private scores typed but not yet submitted survive a tab switch and a reload.
  const [draftText, setDraftText, clearDraft] = useStoredDraft(`scoring/${round?.id ?? ''}`)
  const draft = ratingDraft(draftText)
  const setDraft = (update: (current: Rating) => Rating) =>
    setDraftText(JSON.stringify(update(draft)))

  if (!facilitator && !round) return null
  return (
    <section aria-labelledby="scoring-heading">
      <h3 id="scoring-heading">{t('workshop.scoring.heading')}</h3>
      {!round && facilitator && (
        <button
          type="button"
          className="button button--primary"
          disabled={!selectedStakeholderId}
          data-testid="start-scoring"
          onClick={() =>
            selectedStakeholderId &&
            setFacilitation(
              model.doc,
              'scoring',
              openScoringRound(selectedStakeholderId, serverNow()),
              model.origin,
            )
          }
        >
          {t('workshop.scoring.start')}
        </button>
      )}
      {round && (
        <>
          <p>
            {t('workshop.scoring.of', { name: stakeholder?.name ?? '?' })}{' '}
            <span className="panel__muted" data-testid="scoring-count">
              {t('workshop.scoring.count', { count: ratings.size })}
            </span>
          </p>
          {round.status === 'open' && participant && (
            <form
              className="workshop__scoring"
              onSubmit={(event) => {
                event.preventDefault()
                submitRating(model.doc, round.id, me, { ...mine, ...draft }, model.origin)
                clearDraft()
              }}
            >
              <p className="panel__muted">{t('workshop.scoring.private')}</p>
              <div className="field-row field-row--three">
                {(['power', 'legitimacy', 'urgency'] as const).map((attribute) => (
                  <ScoreSelect
                    key={attribute}
                    label={t(`field.${attribute}`)}
                    value={(draft[attribute] ?? mine[attribute] ?? null) as number | null}
                    notAssessedLabel="–"
                    testId={`my-${attribute}`}
                    onCommit={(value) => setDraft((d) => ({ ...d, [attribute]: value }))}
                  />
                ))}
              </div>
              <div className="field-row">
                {(['influence', 'impact'] as const).map((attribute) => (
                  <ScoreNumber
                    key={attribute}
                    label={t(`field.${attribute}`)}
                    value={(draft[attribute] ?? mine[attribute] ?? null) as number | null}
                    testId={`my-${attribute}`}
                    draftKey={`scoring/${round.id}/${attribute}/text`}
                    onCommit={(value) => {
                      setDraft((d) => ({ ...d, [attribute]: value }))
                      return { ok: true }
                    }}
                  />
                ))}
              </div>
              <button type="submit" className="button button--primary" data-testid="submit-scores">
                {ratings.has(me) ? t('workshop.scoring.update') : t('workshop.scoring.submit')}
              </button>
              {ratings.has(me) && (
                <p className="exchange__status">{t('workshop.scoring.submitted')}</p>
              )}
            </form>
          )}
          {round.status === 'revealed' && decoration?.ratings && (
            <table className="exchange__table" data-testid="scoring-result">
              <thead>
                <tr>
                  <th scope="col">{t('workshop.scoring.attribute')}</th>
                  <th scope="col">{t('workshop.scoring.median')}</th>
                  <th scope="col">{t('workshop.scoring.range')}</th>
                </tr>
              </thead>
              <tbody>
                {RATING_ATTRIBUTES.map((attribute) => {
                  const aggregate = decoration.ratings![attribute]
                  return (
                    <tr
                      key={attribute}
                      className={aggregate.disagreement ? 'workshop__disagree' : undefined}
                    >
                      <th scope="row">{t(`field.${attribute}`)}</th>
                      <td>{aggregate.median ?? '–'}</td>
                      <td>
                        {aggregate.count > 0 ? `${aggregate.min}–${aggregate.max}` : '–'}
                        {aggregate.disagreement && ` ⚠ ${t('workshop.card.disagreement')}`}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
          {facilitator && (
            <div className="workshop__buttons">
              {round.status === 'open' && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="reveal-scores"
                  onClick={() =>
                    setFacilitation(
                      model.doc,
                      'scoring',
                      { ...round, status: 'revealed' },
                      model.origin,
                    )
                  }
                >
                  {t('workshop.scoring.reveal')}
                </button>
              )}
              {round.status === 'revealed' && decoration?.ratings && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="adopt-scores"
                  onClick={() => {
                    registry.patch(round.stakeholderId, adoptMedians(decoration.ratings!))
                    setFacilitation(model.doc, 'scoring', null, model.origin)
                  }}
                >
                  {t('workshop.scoring.adopt')}
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => setFacilitation(model.doc, 'scoring', null, model.origin)}
              >
                {t('workshop.scoring.end')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}

function VoteSection({
  registry,
  model,
  state,
  facilitator,
  participant,
}: {
  registry: StakeholderRegistry
  model: WorkshopModel
  state: FacilitationState
  facilitator: boolean
  participant: boolean
}) {
  const { t } = useTranslation()
  const vote = state.vote
  const me = presenceUserId()
  const [budget, setBudget] = useState(3)
  const [message, setMessage] = useState<string | null>(null)
  useValue('contributions', () => model.contributionsVersion(), [model])
  const stakeholders = useValue('stakeholders', () => registry.all.get(), [registry])
  const mine = vote ? votesOf(model.doc, vote.id, me) : []
  if (!facilitator && !vote) return null
  return (
    <section aria-labelledby="vote-heading">
      <h3 id="vote-heading">{t('workshop.vote.heading')}</h3>
      {!vote && facilitator && (
        <div className="workshop__row">
          <CountInput
            label={t('workshop.vote.budget')}
            max={MAX_VOTE_BUDGET}
            value={budget}
            onChange={setBudget}
          />
          <button
            type="button"
            className="button button--primary"
            data-testid="open-vote"
            onClick={() =>
              setFacilitation(
                model.doc,
                'vote',
                openDotVote(t('workshop.vote.question'), budget, serverNow()),
                model.origin,
              )
            }
          >
            {t('workshop.vote.open')}
          </button>
        </div>
      )}
      {vote && (
        <>
          <p>
            <strong>{vote.question}</strong>
          </p>
          {vote.status === 'open' && participant && (
            <>
              <p data-testid="votes-left">
                {t('workshop.vote.left', { left: vote.budget - mine.length, budget: vote.budget })}
              </p>
              <ul className="workshop__votes">
                {stakeholders.map((stakeholder) => {
                  const count = mine.filter((id) => id === stakeholder.id).length
                  return (
                    <li key={stakeholder.id}>
                      <span>{stakeholder.name}</span>
                      <span aria-label={t('workshop.vote.mine', { count })}>
                        {'●'.repeat(count)}
                      </span>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('workshop.vote.add', { name: stakeholder.name })}
                        onClick={() => {
                          const result = castVote(model.doc, vote, me, stakeholder.id, model.origin)
                          setMessage(result.ok ? null : t(`workshop.vote.${result.reason}`))
                        }}
                      >
                        +
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={count === 0}
                        aria-label={t('workshop.vote.remove', { name: stakeholder.name })}
                        onClick={() =>
                          withdrawVote(model.doc, vote, me, stakeholder.id, model.origin)
                        }
                      >
                        −
                      </button>
                    </li>
                  )
                })}
              </ul>
              {message && (
                <p role="alert" className="exchange__warning">
                  {message}
                </p>
              )}
            </>
          )}
          {vote.status === 'closed' && (
            <ol className="workshop__results" data-testid="vote-results">
              {tallyVotes(model.doc, vote).map(({ stakeholderId, votes }) => (
                <li key={stakeholderId}>
                  {registry.get(stakeholderId)?.name ?? '?'}:{' '}
                  {t('workshop.card.votes', { count: votes })}
                </li>
              ))}
            </ol>
          )}
          {facilitator && (
            <div className="workshop__buttons">
              {vote.status === 'open' ? (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="close-vote"
                  onClick={() =>
                    setFacilitation(model.doc, 'vote', { ...vote, status: 'closed' }, model.origin)
                  }
                >
                  {t('workshop.vote.close')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  onClick={() => setFacilitation(model.doc, 'vote', null, model.origin)}
                >
                  {t('workshop.vote.clear')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  )
}

/** A kept scoring draft: known attributes with a number or null; anything else is dropped. */
function ratingDraft(text: string): Rating {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    const draft: Rating = {}
    if (typeof parsed !== 'object' || parsed === null) return draft
    for (const attribute of RATING_ATTRIBUTES) {
      const value = (parsed as Record<string, unknown>)[attribute]
      if (value === null || typeof value === 'number') draft[attribute] = value
    }
    return draft
  } catch {
    return {}
  }
}

/** A small whole number from 1 to `max`, such as the number of tables or of dots. */
function CountInput({
  label,
  max,
  value,
  onChange,
}: {
  label: string
  max: number
  value: number
  onChange(value: number): void
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(event) => onChange(Math.min(max, Math.max(1, Number(event.target.value) || 1)))}
      />
    </label>
  )
}
