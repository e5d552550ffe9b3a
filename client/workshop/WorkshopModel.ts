/**
 * The workshop state of one map as tldraw signals, for the panels, the timer and the cards.
 * Reads go through the validated readers of shared/workshop; writes go to the document with
 * this client's origin (so undo never touches them and the server checks the role).
 */
import { type Atom, atom, computed } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { PRESENCE_FIELD, type ParticipantInfo, USER_FIELD } from '../sync/PresenceBinding'
import {
  FACILITATION_MAP,
  HANDS_ARRAY,
  WORKSHOP_MAP,
} from '../../shared/document/mapDocumentLayout'
import { aggregateRatings, type AggregatedRatings } from '../../shared/scoring/aggregateRatings'
import { tallyVotes } from '../../shared/workshop/dotVoting'
import { type FacilitationState, readFacilitation } from '../../shared/workshop/facilitationState'
import { readRatings } from '../../shared/workshop/privateScoring'
import { type RaisedHand, handQueue } from '../../shared/workshop/raisedHands'

/** A participant as the participants list shows them. */
export interface Participant extends ParticipantInfo {
  connected: boolean
  /** Local-clock time of their last pointer or keyboard activity. */
  lastActivity: number
  /** True for this browser. */
  self: boolean
}

/** What a card shows on top of the record during a session. */
export interface CardDecoration {
  /** Dots from a closed vote. */
  votes?: number
  /** The group's private scores once revealed. */
  ratings?: AggregatedRatings
}

/** Live workshop state of one map. */
export class WorkshopModel {
  /** The facilitation settings, re-read on every change. */
  readonly facilitation: Atom<FacilitationState>
  /** Bumped on every change of the participants' contributions. */
  private readonly contributions = atom('workshopContributions', 0)

  /** Raised hands in queue order. */
  readonly hands = computed<RaisedHand[]>('hands', () => {
    this.contributions.get()
    return handQueue(this.doc)
  })

  /** Per stakeholder: vote dots after the vote closed, scores after they were revealed. */
  readonly decorations = computed<Map<string, CardDecoration>>('cardDecorations', () => {
    this.contributions.get()
    const { vote, scoring } = this.facilitation.get()
    const decorations = new Map<string, CardDecoration>()
    if (vote?.status === 'closed') {
      for (const { stakeholderId, votes } of tallyVotes(this.doc, vote)) {
        decorations.set(stakeholderId, { votes })
      }
    }
    if (scoring?.status === 'revealed') {
      const ratings = [...readRatings(this.doc, scoring.id).values()]
      if (ratings.length > 0) {
        const current = decorations.get(scoring.stakeholderId) ?? {}
        decorations.set(scoring.stakeholderId, { ...current, ratings: aggregateRatings(ratings) })
      }
    }
    return decorations
  })

  /** Everyone seen in this session: connected ones, and those who left (as disconnected). */
  readonly participants = atom<Participant[]>('participants', [])
  private readonly lastSeen = new Map<string, Participant>()

  constructor(
    readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    readonly origin: unknown,
    private readonly awareness: Awareness | null = null,
  ) {
    this.facilitation = atom('facilitation', readFacilitation(doc))
    doc.getMap(FACILITATION_MAP).observe(this.onFacilitation)
    doc.getMap(WORKSHOP_MAP).observe(this.onContribution)
    doc.getArray(HANDS_ARRAY).observe(this.onContribution)
    awareness?.on('change', this.onAwareness)
    this.onAwareness()
  }

  private onAwareness = () => {
    if (!this.awareness) return
    const connected = new Set<string>()
    for (const [clientId, state] of this.awareness.getStates()) {
      const info = state[USER_FIELD] as Partial<ParticipantInfo> | undefined
      const presence = state[PRESENCE_FIELD] as
        { lastActivityTimestamp?: number | null } | undefined
      if (!info || typeof info.userId !== 'string') continue
      connected.add(info.userId)
      this.lastSeen.set(info.userId, {
        userId: info.userId,
        name: typeof info.name === 'string' ? info.name : 'Anonymous',
        color: typeof info.color === 'string' ? info.color : '#888888',
        role: typeof info.role === 'string' ? info.role : '',
        place: info.place === 'room' || info.place === 'remote' ? info.place : null,
        connected: true,
        lastActivity: presence?.lastActivityTimestamp ?? Date.now(),
        self: clientId === this.awareness.clientID,
      })
    }
    for (const [userId, participant] of this.lastSeen) {
      if (!connected.has(userId) && participant.connected) {
        this.lastSeen.set(userId, { ...participant, connected: false })
      }
    }
    this.participants.set(
      [...this.lastSeen.values()].sort(
        (a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name),
      ),
    )
  }

  private onFacilitation = () => this.facilitation.set(readFacilitation(this.doc))
  private onContribution = () => this.contributions.update((n) => n + 1)

  /** Reactive read of the raw contributions, for components that compute their own view. */
  contributionsVersion(): number {
    return this.contributions.get()
  }

  dispose() {
    this.awareness?.off('change', this.onAwareness)
    this.doc.getMap(FACILITATION_MAP).unobserve(this.onFacilitation)
    this.doc.getMap(WORKSHOP_MAP).unobserve(this.onContribution)
    this.doc.getArray(HANDS_ARRAY).unobserve(this.onContribution)
  }
}
