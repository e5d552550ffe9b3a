/**
 * The role play's rounds (RolePlayRoundsModel): the facilitator starts round 1, 2, … on the
 * workshop's timer and ends it, and names who observes it (the holders of the observer
 * cards to begin with); each observer writes their own observer sheet, per SER element
 * where useful, at the top of the tab ({@link MyObserverSheet}); everyone reads every
 * round's sheets. Notes are written through as typed (fields.tsx), so every way out of a
 * field keeps them; the server refuses a note from anyone but its observer or a facilitator.
 */
import { useValue } from 'tldraw'
import { DIALOGUE_ELEMENT_LABELS } from '../../../shared/labels/dialogueLabels'
import {
  OBSERVER_NOTE_FIELDS,
  OBSERVER_NOTE_LIMIT,
  type ObserverNoteField,
  sheetOf,
} from '../../../shared/workshop/observerNotes'
import { observerHolders } from '../../../shared/workshop/rolePlay'
import { ROUND_LIMITS, type RolePlayRound } from '../../../shared/workshop/rolePlayRounds'
import { useStoredDraft } from '../../drafts/useStoredDraft'
import { useTranslation } from '../../i18n/useTranslation'
import { FieldsReadOnly, TextArea } from '../../panels/fields'
import type { RolePlayModel } from '../model/RolePlayModel'
import type { RolePlayRoundsModel } from '../model/RolePlayRoundsModel'
import { CountInput } from './CountInput'
import { useCountDraft } from './useCountDraft'
import { participantIdOf } from '../model/ParticipantsModel'
import { useNameOf } from './useNameOf'
import { useWorkshopSession } from './WorkshopSession'

/** Minutes a round starts with unless the facilitator types others. */
const DEFAULT_ROUND_MINUTES = 10

/** The round whose sheet this person writes at the top of the tab: the current one, or their latest. */
function roundOfMySheet(rounds: RolePlayRoundsModel): RolePlayRound | null {
  const mine = rounds.mine.get()
  const current = rounds.current.get()
  return mine.find((round) => round.id === current?.id) ?? mine[0] ?? null
}

/** One observer's sheet: what they noticed, then per SER element. */
function ObserverSheetFields({
  rounds,
  round,
  observerId,
  testId,
}: {
  rounds: RolePlayRoundsModel
  round: RolePlayRound
  observerId: string
  testId: string
}) {
  const { t, locale } = useTranslation()
  const sheets = useValue('observer sheets', () => rounds.sheets.get(), [rounds])
  const { notes } = sheetOf(sheets, round.id, observerId)
  const field = (name: ObserverNoteField, rows: number) => (
    <TextArea
      key={name}
      label={
        name === 'general' ? t('workshop.rounds.general') : DIALOGUE_ELEMENT_LABELS[locale][name]
      }
      value={notes[name] ?? ''}
      maxLength={OBSERVER_NOTE_LIMIT}
      rows={rows}
      draftKey={`workshop/observer/${round.id}/${observerId}/${name}`}
      testId={`${testId}-${name}`}
      onCommit={(text) => rounds.writeNote(round.id, observerId, name, text)}
    />
  )
  const elementsNoted = OBSERVER_NOTE_FIELDS.some(
    (name) => name !== 'general' && (notes[name] ?? '') !== '',
  )
  return (
    <div className="observer-sheet" data-testid={testId}>
      {field('general', 3)}
      <details open={elementsNoted || undefined}>
        <summary>{t('workshop.rounds.perElement')}</summary>
        {OBSERVER_NOTE_FIELDS.filter((name) => name !== 'general').map((name) => field(name, 2))}
      </details>
    </div>
  )
}

/**
 * The observer's own sheet at the top of the Workshop tab, while the round they observe is
 * played (or the latest they observed); nothing for anyone else.
 */
export function MyObserverSheet({ rolePlay }: { rolePlay: RolePlayModel }) {
  const { t } = useTranslation()
  const { participant, facilitator } = useWorkshopSession()
  const { rounds } = rolePlay
  const round = useValue('my sheet round', () => roundOfMySheet(rounds), [rounds])
  const selfId = useValue('self id', () => rounds.selfId.get(), [rounds])
  // Viewers write nothing (the server drops it): an observer needs the editor role.
  if (!round || selfId === null || !(participant || facilitator)) return null
  return (
    <section aria-labelledby="my-observer-sheet-heading" className="role-play">
      <h3 id="my-observer-sheet-heading">
        {t('workshop.rounds.mySheet', { number: round.number })}
      </h3>
      <p className="panel__muted">{t('workshop.rounds.mySheetIntro')}</p>
      <ObserverSheetFields
        rounds={rounds}
        round={round}
        observerId={selfId}
        testId="my-observer-sheet"
      />
    </section>
  )
}

/** Rounds, their observers and sheets, for everyone; starting and ending, for facilitators. */
export function RolePlayRoundsSection({ rolePlay }: { rolePlay: RolePlayModel }) {
  const { t } = useTranslation()
  const { facilitator } = useWorkshopSession()
  const { rounds } = rolePlay
  const state = useValue('role-play rounds', () => rounds.rounds.get(), [rounds])
  const current = useValue('current round', () => rounds.current.get(), [rounds])
  const cards = useValue('role cards', () => rolePlay.cards.get(), [rolePlay])
  const mySheet = useValue('my sheet round', () => roundOfMySheet(rounds), [rounds])
  const selfId = useValue('self id', () => rounds.selfId.get(), [rounds])
  const nameOf = useNameOf()
  const minutes = useCountDraft(
    'workshop/roles/roundMinutes',
    DEFAULT_ROUND_MINUTES,
    ROUND_LIMITS.minutes,
  )
  if (!facilitator && state.rounds.length === 0) return null
  const next = Math.max(0, ...state.rounds.map((round) => round.number)) + 1
  const observersNow = observerHolders(cards)
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ')
  return (
    <section aria-labelledby="rounds-heading" className="role-play">
      <h3 id="rounds-heading">{t('workshop.rounds.heading')}</h3>
      {facilitator && !current && (
        <>
          <p className="panel__muted">{t('workshop.rounds.intro')}</p>
          <div className="workshop__row">
            <CountInput
              label={t('workshop.rounds.minutes')}
              max={ROUND_LIMITS.minutes}
              text={minutes.text}
              onText={minutes.setText}
            />
            <button
              type="button"
              className="button button--primary"
              data-testid="start-round"
              onClick={() => rounds.start(minutes.count)}
            >
              {t('workshop.rounds.start', { number: next })}
            </button>
          </div>
          <p className="panel__muted" data-testid="round-observers-next">
            {observersNow.length > 0
              ? t('workshop.rounds.startObservers', { names: names(observersNow) })
              : t('workshop.rounds.noObserverCard')}
          </p>
        </>
      )}
      {current && (
        <div className="workshop__row">
          <p data-testid="round-playing">
            <strong>{t('workshop.rounds.playing', { number: current.number })}</strong>
          </p>
          {facilitator && (
            <button
              type="button"
              className="button"
              data-testid="end-round"
              onClick={() => rounds.end()}
            >
              {t('workshop.rounds.end', { number: current.number })}
            </button>
          )}
        </div>
      )}
      {[...state.rounds].reverse().map((round) => (
        <details
          key={round.id}
          className="entry"
          data-testid={`round-${round.number}`}
          open={round.id === current?.id || undefined}
        >
          <summary>
            {round.observerIds.length > 0
              ? t('workshop.rounds.summary', {
                  number: round.number,
                  names: names(round.observerIds),
                })
              : t('workshop.rounds.summaryNone', { number: round.number })}
          </summary>
          {facilitator && <RoundObservers rounds={rounds} round={round} nameOf={nameOf} />}
          {round.observerIds.map((observerId) => {
            const mine = round.id === mySheet?.id && observerId === selfId
            return (
              <div key={observerId}>
                <h4>{t('workshop.rounds.sheetOf', { name: nameOf(observerId) })}</h4>
                {mine ? (
                  <p className="panel__muted">{t('workshop.rounds.mySheetAbove')}</p>
                ) : (
                  <FieldsReadOnly.Provider
                    value={!(facilitator || (observerId === selfId && round.id !== mySheet?.id))}
                  >
                    <ObserverSheetFields
                      rounds={rounds}
                      round={round}
                      observerId={observerId}
                      testId={`sheet-${round.number}-${observerId}`}
                    />
                  </FieldsReadOnly.Provider>
                )}
              </div>
            )
          })}
        </details>
      ))}
    </section>
  )
}

/** The facilitator names and removes a round's observers. */
function RoundObservers({
  rounds,
  round,
  nameOf,
}: {
  rounds: RolePlayRoundsModel
  round: RolePlayRound
  nameOf(id: string): string
}) {
  const { t } = useTranslation()
  const { model } = useWorkshopSession()
  const participants = useValue('participants', () => model.participants.get(), [model])
  const [chosen, setChosen] = useStoredDraft(`workshop/observer/${round.id}/choice`)
  const candidates = [
    ...new Set(
      participants
        .filter((each) => each.role !== 'viewer')
        .map((each) => participantIdOf(each.userId))
        .filter((id) => !round.observerIds.includes(id)),
    ),
  ]
  const choice = candidates.includes(chosen) ? chosen : (candidates[0] ?? '')
  const selectId = `observer-choice-${round.id}`
  return (
    <div className="observer-list">
      <h4>{t('workshop.rounds.observers')}</h4>
      {round.observerIds.length === 0 ? (
        <p className="panel__muted">{t('workshop.rounds.noObservers')}</p>
      ) : (
        <ul>
          {round.observerIds.map((id) => (
            <li key={id}>
              {nameOf(id)}{' '}
              <button
                type="button"
                className="button"
                aria-label={t('workshop.rounds.removeObserver', { name: nameOf(id) })}
                onClick={() => rounds.removeObserver(round.id, id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <div className="workshop__row">
          <label htmlFor={selectId}>{t('workshop.rounds.chooseObserver')}</label>
          <select
            id={selectId}
            value={choice}
            data-testid={`observer-choice-${round.number}`}
            onChange={(event) => setChosen(event.target.value)}
          >
            {candidates.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid={`add-observer-${round.number}`}
            onClick={() => choice && rounds.addObserver(round.id, choice)}
          >
            {t('workshop.rounds.addObserver')}
          </button>
        </div>
      )}
    </div>
  )
}
