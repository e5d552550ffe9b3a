/**
 * Raised hands: anyone taking part raises and lowers their own hand; a facilitator lowers
 * anyone's once they have had the word. The queue is in the order hands reached the group
 * (shared/workshop/raisedHands.ts).
 */
import { computed } from 'tldraw'
import {
  type RaisedHand,
  handQueue,
  lowerHand,
  raiseHand,
} from '../../../shared/workshop/raisedHands'
import type { WorkshopDocument } from './WorkshopDocument'

/** The raised-hands queue and its actions. */
export class HandsModel {
  /** Raised hands, first raised first. */
  readonly queue = computed<RaisedHand[]>('hands', () => {
    this.document.contributions()
    return handQueue(this.document.doc)
  })

  /** True while this person's hand is up. */
  readonly mineIsRaised = computed('my hand', () =>
    this.queue.get().some((hand) => hand.userId === this.document.self.get().userId),
  )

  /** This person's place in the queue (1 first); null while their hand is down. */
  readonly myPlace = computed('my place', () => {
    const index = this.queue
      .get()
      .findIndex((hand) => hand.userId === this.document.self.get().userId)
    return index < 0 ? null : index + 1
  })

  constructor(private readonly document: WorkshopDocument) {}

  /** Raises this person's hand, under the name the others know them by. */
  raise() {
    const { doc, origin, self, now } = this.document
    const { userId, name } = self.get()
    raiseHand(doc, userId, name, now(), origin)
  }

  /** Lowers this person's own hand. */
  lower() {
    this.lowerFor(this.document.self.get().userId)
  }

  /**
   * Lowers someone's hand (a facilitator's action once they have had the word); the server
   * refuses it from anyone else (checkContributionOwner), so only facilitators are offered it.
   */
  lowerFor(userId: string) {
    lowerHand(this.document.doc, userId, this.document.origin)
  }
}
