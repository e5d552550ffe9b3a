/**
 * The agenda and its shared countdown (shared/workshop/agenda.ts, timer.ts): the facilitator
 * plans the blocks' minutes and starts, pauses, resumes or stops a block's timer; everyone's
 * top bar shows the same time left.
 */
import { computed } from 'tldraw'
import { type AgendaBlock, withBlockMinutes } from '../../../shared/workshop/agenda'
import {
  type TimerState,
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

  constructor(private readonly document: WorkshopDocument) {}

  /** Plans block `blockId` for `minutes` (1–600, checked where they are typed). */
  setMinutes(blockId: string, minutes: number) {
    this.document.setFacilitation('agenda', withBlockMinutes(this.blocks.get(), blockId, minutes))
  }

  /** Starts (or restarts) a block's countdown for everyone. */
  start(block: AgendaBlock) {
    this.document.setFacilitation('timer', startTimer(block, this.document.now()))
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
