/**
 * The role play's rounds on the page (shared/workshop/rolePlayRounds.ts) and their observer
 * sheets (observerNotes.ts): the facilitator starts round 1, 2, … with the workshop's
 * countdown (the phase-3 block's, named after the round in the top bar) and the holders of
 * the observer cards as its observers, names others, and ends the round; each observer
 * writes their own sheet, which everyone reads and the evaluation of phase 4 shows. The
 * server refuses a note written by anyone but its observer or a facilitator.
 */
import { type Atom, type Signal, atom, computed } from 'tldraw'
import type * as Y from 'yjs'
import { FACILITATION_MAP, OBSERVER_NOTES_MAP } from '../../../shared/document/mapDocumentLayout'
import { readAgenda } from '../../../shared/workshop/agenda'
import {
  type NotesByField,
  OBSERVER_NOTE_LIMIT,
  type ObserverNoteField,
  type ObserverSheet,
  notesByField,
  observerNoteKey,
  readObserverSheets,
} from '../../../shared/workshop/observerNotes'
import { type RoleCard, observerHolders } from '../../../shared/workshop/rolePlay'
import {
  type RolePlayRound,
  type RolePlayRounds,
  currentRound,
  endRound,
  readRolePlayRounds,
  roundTimer,
  startRound,
  withObservers,
} from '../../../shared/workshop/rolePlayRounds'
import { readTimer } from '../../../shared/workshop/timer'
import type { WriteOutcome } from '../../drafts/WriteThroughText'

/** The rounds key of the `facilitation` root. */
const ROUNDS_KEY = 'rolePlayRounds'

export class RolePlayRoundsModel {
  readonly rounds: Atom<RolePlayRounds>
  readonly sheets: Atom<readonly ObserverSheet[]>
  /** The round being played, if any. */
  readonly current = computed<RolePlayRound | null>('current round', () =>
    currentRound(this.rounds.get()),
  )
  /** The rounds whose sheet this person writes, latest first. */
  readonly mine = computed<RolePlayRound[]>('my observed rounds', () => {
    const id = this.selfId.get()
    if (id === null) return []
    return this.rounds
      .get()
      .rounds.filter((round) => round.observerIds.includes(id))
      .reverse()
  })
  /** What the observers noted in the rounds started before `time`, per field and round. */
  notesBefore(time: number): NotesByField {
    return notesByField(this.rounds.get(), this.sheets.get(), time)
  }
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: unknown,
    /** The server-known id of this person; null until known. */
    readonly selfId: Signal<string | null>,
    private readonly cards: Signal<readonly RoleCard[]>,
    /** The server's clock. */
    private readonly now: () => number,
  ) {
    const facilitation = doc.getMap<unknown>(FACILITATION_MAP)
    const notes = doc.getMap<unknown>(OBSERVER_NOTES_MAP)
    this.rounds = atom('role-play rounds', readRolePlayRounds(facilitation.get(ROUNDS_KEY)))
    this.sheets = atom('observer sheets', readObserverSheets(notes.entries()))
    const rereadRounds = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(ROUNDS_KEY)) {
        this.rounds.set(readRolePlayRounds(facilitation.get(ROUNDS_KEY)))
      }
    }
    const rereadNotes = () => this.sheets.set(readObserverSheets(notes.entries()))
    facilitation.observe(rereadRounds)
    notes.observe(rereadNotes)
    this.stops.push(
      () => facilitation.unobserve(rereadRounds),
      () => notes.unobserve(rereadNotes),
    )
  }

  dispose() {
    for (const stop of this.stops) stop()
  }

  /** Starts the next round for everyone, with `minutes` on the workshop's countdown. */
  start(minutes: number) {
    const next = startRound(
      this.rounds.get(),
      observerHolders(this.cards.get()),
      minutes,
      this.now(),
    )
    const round = currentRound(next)!
    const facilitation = this.doc.getMap<unknown>(FACILITATION_MAP)
    const phase3 = readAgenda(facilitation.get('agenda')).find((block) => block.kind === 'phase-3')
    this.doc.transact(() => {
      facilitation.set(ROUNDS_KEY, next)
      facilitation.set('timer', roundTimer(phase3?.id ?? 'phase-3', round))
    }, this.origin)
  }

  /** Ends the round being played, and its countdown if it still runs; its sheets stay. */
  end() {
    const round = this.current.get()
    if (!round) return
    const facilitation = this.doc.getMap<unknown>(FACILITATION_MAP)
    this.doc.transact(() => {
      facilitation.set(ROUNDS_KEY, endRound(this.rounds.get()))
      if (readTimer(facilitation.get('timer'))?.partId === round.id) facilitation.delete('timer')
    }, this.origin)
  }

  /** Names `observerId` an observer of round `roundId` too (facilitators). */
  addObserver(roundId: string, observerId: string) {
    const round = this.rounds.get().rounds.find((each) => each.id === roundId)
    if (!round || round.observerIds.includes(observerId)) return
    this.writeRounds(withObservers(this.rounds.get(), roundId, [...round.observerIds, observerId]))
  }

  /** Takes `observerId` off round `roundId`'s observers; what they noted stays. */
  removeObserver(roundId: string, observerId: string) {
    const round = this.rounds.get().rounds.find((each) => each.id === roundId)
    if (!round) return
    this.writeRounds(
      withObservers(
        this.rounds.get(),
        roundId,
        round.observerIds.filter((id) => id !== observerId),
      ),
    )
  }

  /** Writes one field of an observer's sheet (their own, or any for a facilitator). */
  writeNote(
    roundId: string,
    observerId: string,
    field: ObserverNoteField,
    text: string,
  ): WriteOutcome {
    const key = observerNoteKey({ roundId, observerId, field })
    this.doc.transact(
      () =>
        this.doc.getMap<unknown>(OBSERVER_NOTES_MAP).set(key, text.slice(0, OBSERVER_NOTE_LIMIT)),
      this.origin,
    )
    return { ok: true }
  }

  private writeRounds(rounds: RolePlayRounds) {
    this.doc.transact(
      () => this.doc.getMap<unknown>(FACILITATION_MAP).set(ROUNDS_KEY, rounds),
      this.origin,
    )
  }
}
