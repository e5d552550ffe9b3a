/**
 * This person's ballot of the open round or vote, as the workshop model shows it: kept
 * here at once when they change it (so the form and the dots answer without waiting), then
 * handed to the server; what the server answers replaces it. Changes made while a call is
 * under way are sent once it returns, the latest only, so the server ends with what the
 * person last did. A refusal is kept as `error` (panels word it, apiFailureReason.ts) and
 * the ballot is fetched again from the server, so the screen never shows what was not
 * taken. When the round changes, the ballot is fetched for the new one (after a reload the
 * person sees what they handed in). Someone who may not hand in (a viewer: the projector on
 * the viewer link) follows no round, so their page never asks the server for a ballot it
 * would refuse them (403).
 */
import { atom } from 'tldraw'
import { canEditMap, isRole } from '../../../shared/protocol/roles'
import type { Ballot } from '../../../shared/protocol/ballotApi'
import type { BallotClient } from './BallotClient'

/** One person's ballot of the round they are in. */
export class OwnBallot<T extends Ballot> {
  /** The ballot as this person last made it; null before they handed one in. */
  readonly value = atom<T | null>('own ballot', null)
  /** The last refusal or failure of a call; null when the last call went through. */
  readonly error = atom<unknown>('ballot error', null)
  private roundId: string | null = null
  /** Bumped by every change: an answer to an older call is not shown. */
  private change = 0
  private queue: Promise<void> = Promise.resolve()

  /** `mayHandIn`: whether this person may hand in a ballot now (their role); read on follow. */
  constructor(
    private readonly client: BallotClient | null,
    private readonly mayHandIn: () => boolean = () => true,
  ) {}

  /** Follows round `roundId` (null: none open): a new round starts from the server's ballot. */
  follow(openRoundId: string | null): void {
    const roundId = this.mayHandIn() ? openRoundId : null
    if (roundId === this.roundId) return
    this.roundId = roundId
    this.change += 1
    this.value.set(null)
    this.error.set(null)
    if (roundId !== null) this.refetch(roundId, this.change)
  }

  /** Makes `ballot` this person's ballot: shown at once, handed in after earlier calls. */
  hand(ballot: T): Promise<boolean> {
    const roundId = this.roundId
    const change = ++this.change
    this.value.set(ballot)
    this.error.set(null)
    if (roundId === null || this.client === null) return Promise.resolve(false)
    const client = this.client
    const sent = this.queue.then(async () => {
      if (change !== this.change || roundId !== this.roundId) return true // a later one goes
      try {
        const answer = await client.put(roundId, ballot)
        if (change === this.change) this.value.set(answer.ballot as T | null)
        return true
      } catch (error) {
        if (roundId !== this.roundId) return false
        this.error.set(error)
        this.refetch(roundId, ++this.change)
        return false
      }
    })
    this.queue = sent.then(() => undefined)
    return sent
  }

  /** Resolves once every call made so far has been answered (for tests and the form). */
  settled(): Promise<void> {
    return this.queue
  }

  private refetch(roundId: string, change: number): void {
    if (this.client === null) return
    const fetched = this.client.mine(roundId).then(
      (answer) => {
        if (change === this.change && roundId === this.roundId)
          this.value.set(answer.ballot as T | null)
      },
      () => undefined,
    )
    this.queue = this.queue.then(() => fetched)
  }
}

/** Whether someone of `role` may hand in scores and dots (the server asks the same: editors up). */
export function mayHandInBallots(role: string): boolean {
  return isRole(role) && canEditMap(role)
}
