/**
 * The agenda and its shared countdown (shared/workshop/agenda.ts, timer.ts): the facilitator
 * plans the blocks' minutes and starts, pauses, resumes, extends or stops a block's timer (or
 * one of phase 1's assignments); everyone's top bar shows the same time left, and the signal
 * when it reaches zero.
 */
import { computed } from 'tldraw'
import {
  type AgendaBlock,
  type AgendaPart,
  boardOf,
  withBlockBoard,
  withBlockMinutes,
  withPartMinutes,
} from '../../../shared/workshop/agenda'
import {
  type TimerState,
  extendTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
} from '../../../shared/workshop/timer'
import type { WorkshopDocument } from './WorkshopDocument'

/** The agenda, the running timer and the facilitator's actions on them. */
export class AgendaModel {
  /** The blocks, the manual's agenda until the facilitator changes it. */
  readonly blocks = computed<AgendaBlock[]>('agenda', () => this.document.facilitation.get().agenda)
  /** The running or paused countdown, if any. */
  readonly timer = computed<TimerState | null>(
    'timer',
    () => this.document.facilitation.get().timer,
  )

  /** Whether a tone sounds at zero, as the facilitator set it for everyone. */
  readonly sound = computed<boolean>(
    'timerSound',
    () => this.document.facilitation.get().timerSound,
  )

  constructor(private readonly document: WorkshopDocument) {}

  /** Plans block `blockId` for `minutes` (1–600, checked where they are typed). */
  setMinutes(blockId: string, minutes: number) {
    this.document.setFacilitation('agenda', withBlockMinutes(this.blocks.get(), blockId, minutes))
  }

  /** Plans part `partId` of block `blockId` for `minutes` (1–600, checked where typed). */
  setPartMinutes(blockId: string, partId: string, minutes: number) {
    this.document.setFacilitation(
      'agenda',
      withPartMinutes(this.blocks.get(), blockId, partId, minutes),
    )
  }

  /**
   * Starts (or restarts) a block's countdown, or one of its parts', for everyone; starting
   * the block itself also opens its board.
   */
  start(block: AgendaBlock, part?: AgendaPart) {
    this.document.setFacilitation('timer', startTimer(block, this.document.now(), part))
    if (!part) this.openBoard(block)
  }

  /**
   * Opens the block's board for everyone (boardLinks.ts): whoever follows the facilitator
   * sees it with them, and each table goes to its own part of it (useOpenBoard.ts).
   * Answers whether the block has a board.
   */
  openBoard(block: AgendaBlock): boolean {
    const board = boardOf(block)
    if (board === null) return false
    const { userId } = this.document.self.get()
    this.document.setFacilitation('openBoard', { userId, at: this.document.now(), board })
    return true
  }

  /** Links block `blockId` to `board` ('' for none). */
  linkBoard(blockId: string, board: string) {
    this.document.setFacilitation('agenda', withBlockBoard(this.blocks.get(), blockId, board))
  }

  /** The board that was opened last, if any. */
  readonly openedBoard = computed(
    'opened board',
    () => this.document.facilitation.get().openBoard?.board ?? null,
  )

  /** Gives the running or paused countdown `minutes` more, for everyone. */
  extend(minutes: number) {
    const timer = this.timer.get()
    if (timer) {
      this.document.setFacilitation(
        'timer',
        extendTimer(timer, minutes * 60_000, this.document.now()),
      )
    }
  }

  /** Turns the tone at zero on or off for everyone. */
  setSound(on: boolean) {
    this.document.setFacilitation('timerSound', on)
  }

  pause() {
    const timer = this.timer.get()
    if (timer) this.document.setFacilitation('timer', pauseTimer(timer, this.document.now()))
  }

  resume() {
    const timer = this.timer.get()
    if (timer) this.document.setFacilitation('timer', resumeTimer(timer, this.document.now()))
  }

  stop() {
    this.document.setFacilitation('timer', null)
  }
}
