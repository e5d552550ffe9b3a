/**
 * The facilitator's requests on everyone's view (shared/workshop/viewRequests.ts): follow
 * me, bring everyone to the area I see, look at this card. Each participant's page acts on
 * them in useWorkshopEffects.ts.
 */
import { computed } from 'tldraw'
import type { PageArea } from '../../../shared/workshop/viewRequests'
import type { WorkshopDocument } from './WorkshopDocument'

/** Follow me, bring everyone here and spotlight. */
export class ViewRequestsModel {
  /** True while everyone is asked to follow this person. */
  readonly everyoneFollowsMe = computed(
    'everyone follows me',
    () => this.document.facilitation.get().followMe?.userId === this.document.self.get().userId,
  )

  /** Whom everyone is asked to follow now (their participant id); null: nobody. */
  readonly followed = computed(
    'followed',
    () => this.document.facilitation.get().followMe?.userId ?? null,
  )

  constructor(private readonly document: WorkshopDocument) {}

  /** Asks everyone to follow this person's view, or ends that when they already do. */
  toggleFollowMe() {
    const { userId } = this.document.self.get()
    this.document.setFacilitation(
      'followMe',
      this.everyoneFollowsMe.get() ? null : { userId, at: this.document.now() },
    )
  }

  /** Takes everyone's view to `area` once (they may move away again). */
  bringEveryoneHere(area: PageArea) {
    const { x, y, w, h } = area
    const { userId } = this.document.self.get()
    this.document.setFacilitation('bringHere', {
      userId,
      at: this.document.now(),
      bounds: { x, y, w, h },
    })
  }

  /** Zooms everyone else to the card `shapeId` and makes it stand out for a moment. */
  spotlight(shapeId: string) {
    const { userId } = this.document.self.get()
    this.document.setFacilitation('spotlight', { userId, at: this.document.now(), shapeId })
  }
}
