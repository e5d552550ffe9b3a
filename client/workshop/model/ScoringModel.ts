/**
 * Private scoring of one stakeholder (shared/workshop/privateScoring.ts): the facilitator
 * opens a round on a card, each participant submits their own scores, the facilitator
 * reveals the group's medians and spread, then adopts the medians into the record
 * (shared/workshop/adoptMedians.ts) or ends the round. Until the reveal nobody's screen
 * shows anyone else's scores, only how many have scored. This is the one place that writes
 * and reads the scores, so where they are kept can change without touching a panel.
 */
import { computed } from 'tldraw'
import {
  type AggregatedRatings,
  type Rating,
  aggregateRatings,
} from '../../../shared/scoring/aggregateRatings'
import { adoptMedians } from '../../../shared/workshop/adoptMedians'
import {
  type ScoringRound,
  openScoringRound,
  readRatings,
  submitRating,
} from '../../../shared/workshop/privateScoring'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import type { WorkshopDocument } from './WorkshopDocument'

/** The scoring round, this person's scores and the revealed result. */
export class ScoringModel {
  /** The open or revealed round, if any. */
  readonly round = computed<ScoringRound | null>(
    'scoring round',
    () => this.document.facilitation.get().scoring,
  )

  private readonly ratings = computed<Map<string, Rating>>('round ratings', () => {
    this.document.contributions()
    const round = this.round.get()
    return round ? readRatings(this.document.doc, round.id) : new Map()
  })

  /** How many participants have submitted scores in this round. */
  readonly submittedCount = computed('scored count', () => this.ratings.get().size)

  /** What this person submitted in this round, or null before they did. */
  readonly mine = computed<Rating | null>(
    'my rating',
    () => this.ratings.get().get(this.document.self.get().userId) ?? null,
  )

  /** The group's scores once revealed (and someone scored); null before. */
  readonly result = computed<AggregatedRatings | null>('round result', () => {
    const ratings = this.ratings.get()
    if (this.round.get()?.status !== 'revealed' || ratings.size === 0) return null
    return aggregateRatings([...ratings.values()])
  })

  constructor(
    private readonly document: WorkshopDocument,
    private readonly registry: StakeholderRegistry,
  ) {}

  /** Opens a round on the stakeholder `stakeholderId` for everyone. */
  open(stakeholderId: string) {
    this.document.setFacilitation('scoring', openScoringRound(stakeholderId, this.document.now()))
  }

  /** Submits this person's scores: `changes` over what they submitted before. */
  submit(changes: Rating) {
    const round = this.round.get()
    if (round?.status !== 'open') return
    const { doc, origin, self } = this.document
    submitRating(doc, round.id, self.get().userId, { ...this.mine.get(), ...changes }, origin)
  }

  /** Shows everyone the group's result. */
  reveal() {
    const round = this.round.get()
    if (round?.status === 'open')
      this.document.setFacilitation('scoring', { ...round, status: 'revealed' })
  }

  /** Writes the revealed medians into the stakeholder's record and ends the round. */
  adopt() {
    const round = this.round.get()
    const result = this.result.get()
    if (!round || !result) return
    this.registry.patch(round.stakeholderId, adoptMedians(result))
    this.end()
  }

  /** Ends the round without changing the record. */
  end() {
    this.document.setFacilitation('scoring', null)
  }
}
