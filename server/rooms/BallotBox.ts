/**
 * The server's side of private scoring, dot voting and dialogue-evaluation rounds (issue 19,
 * shared/workshop/ballots.ts):
 * ballots are handed in over HTTP (createBallotRoutes.ts) and kept in the database
 * (BallotRecords), never in the shared document.
 *
 * Flow, each step inside {@link LoadedRooms.withRoom} with a server-side peer:
 * - hand in: the room catches up with what other nodes stored, the round or vote must be the
 *   one open in its `facilitation` root, the ballot must pass the rules (scores 1–5, for a
 *   stakeholder's attributes or a dialogue's SER elements; dots within the budget, for
 *   stakeholders the map has); it replaces the voter's earlier one,
 *   and the server writes the round's count (`submitted`) into the document. An empty dot
 *   list takes the voter's ballot back.
 * - reveal (scoring, evaluation) / close (vote): the round is closed in the database, which
 *   answers its ballots; the server writes the group's result and the count into the
 *   document (an evaluation's result also into its record's elements, writeElementResults.ts;
 *   for the evaluation of a confidential plan, into its record in the confidential document
 *   only, so the round in `facilitation`, which every role receives, has no result),
 *   waits until that is stored, then deletes the ballots.
 * - discard: the round is closed and its ballots deleted, then it ends in the document (or
 *   the vote is cleared).
 * The database, not the document, decides whether a ballot came in time: a node whose
 * document still shows the round open while another node reveals it gets `round-closed`
 * from the database, so every ballot taken is in the result (BallotRecords.ts).
 * Ballots of rounds the document shows ended (replaced without a reveal, or ended by an
 * older client) are deleted whenever a ballot is handed in (discardEndedRounds.ts).
 *
 * One node at a time per map writes the count in the order of its ballots (a queue per
 * map); on a cluster two nodes may write it at once, and the next ballot or the reveal
 * writes it again from the database, which is exact.
 */
import type * as Y from 'yjs'
import { DIALOGUE_EVALUATION_LAYOUT, recordsMap } from '../../shared/document/dialogueDocument'
import { FACILITATION_MAP } from '../../shared/document/mapDocumentLayout'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import type { Ballot } from '../../shared/protocol/ballotApi'
import {
  type BallotRefusal,
  type DotBallot,
  type ScoreBallot,
  type ElementBallot,
  aggregateScoreBallots,
  checkDotBallot,
  checkElementBallot,
  checkScoreBallot,
  tallyDotBallots,
} from '../../shared/workshop/ballots'
import { aggregateElementRatings } from '../../shared/dialogue/aggregateElementRatings'
import { readFacilitation } from '../../shared/workshop/facilitationState'
import { ROUND_CLOSED } from '../storage/BallotRecords'
import type { MapStore } from '../storage/MapStore'
import type { Room } from './Room'
import type { RoomPeer } from './RoomPeer'
import { discardEndedRounds } from './discardEndedRounds'
import { writeElementResults } from './writeElementResults'

/** Which facilitation key holds a round, and what kind of ballot it takes. */
type OpenRound =
  | { key: 'scoring'; kind: 'score'; budget: 0 }
  | { key: 'vote'; kind: 'dots'; budget: number }
  | { key: 'evaluation'; kind: 'elements'; budget: 0; evaluationId: string }

/** Runs an action on the map's confidential room; null when the map does not exist. */
export type OnConfidentialRoom = <T>(
  action: (room: Room) => Promise<T>,
) => Promise<{ value: T } | null>

/** The facilitation keys that hold a round or vote. */
type RoundKey = OpenRound['key']

/** Outcome of a ballot action; `submitted` is the round's count afterwards. */
export type BallotOutcome =
  | { ok: true; submitted: number; ballot: Ballot | null }
  | { ok: false; reason: BallotRefusal | 'round-not-open' }

/** The round `roundId` if it is the one open in the room, else null. */
function openRound(doc: Y.Doc, roundId: string): OpenRound | null {
  const { scoring, vote, evaluation } = readFacilitation(doc)
  if (scoring?.id === roundId && scoring.status === 'open')
    return { key: 'scoring', kind: 'score', budget: 0 }
  if (vote?.id === roundId && vote.status === 'open')
    return { key: 'vote', kind: 'dots', budget: vote.budget }
  if (evaluation?.id === roundId && evaluation.status === 'open')
    return { key: 'evaluation', kind: 'elements', budget: 0, evaluationId: evaluation.evaluationId }
  return null
}

/** Sets fields on the stored round (written by the server, as `peer`). */
function patchRound(room: Room, key: RoundKey, fields: object, peer: RoomPeer): void {
  const map = room.doc.getMap<unknown>(FACILITATION_MAP)
  const current = map.get(key)
  if (typeof current !== 'object' || current === null) return
  room.doc.transact(() => map.set(key, { ...(current as object), ...fields }), peer)
}

/** The server's ballot actions on the maps of one store. */
export class BallotBox {
  /** Per map, the end of its queue of ballot actions on this node. */
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly store: MapStore) {}

  /** Hands in `voterId`'s ballot for the round (replacing theirs). */
  handIn(room: Room, peer: RoomPeer, roundId: string, voterId: string, raw: unknown) {
    return this.queued(room.mapId, async (): Promise<BallotOutcome> => {
      await room.catchUp()
      const round = openRound(room.doc, roundId)
      if (round === null) return { ok: false, reason: 'round-not-open' }
      const checked =
        round.kind === 'score'
          ? checkScoreBallot(raw)
          : round.kind === 'elements'
            ? checkElementBallot(raw)
            : checkDotBallot(raw, round.budget, new Set(stakeholdersMap(room.doc).keys()))
      if (!checked.ok) return checked
      const takesBack = Array.isArray(checked.ballot) && checked.ballot.length === 0
      const stored = takesBack ? null : JSON.stringify(checked.ballot)
      const submitted = await this.store.ballots.putBallot(room.mapId, roundId, voterId, stored)
      // Revealed or discarded on another node since this room caught up.
      if (submitted === ROUND_CLOSED) return { ok: false, reason: 'round-not-open' }
      await discardEndedRounds(this.store.ballots, room.mapId, room.doc)
      // The round may have closed while the database answered; leave the result alone then.
      // Under its own key, not in the round: see BallotCount (shared/workshop/ballots.ts).
      if (openRound(room.doc, roundId) !== null) {
        const facilitation = room.doc.getMap<unknown>(FACILITATION_MAP)
        room.doc.transact(() => facilitation.set('ballotCount', { roundId, submitted }), peer)
      }
      return { ok: true, submitted, ballot: takesBack ? null : checked.ballot }
    })
  }

  /** `voterId`'s own ballot of the round (null: none) and the round's count. */
  async mine(mapId: string, roundId: string, voterId: string): Promise<BallotOutcome> {
    const stored = await this.store.ballots.getBallot(mapId, roundId, voterId)
    const submitted = await this.store.ballots.countBallots(mapId, roundId)
    return { ok: true, submitted, ballot: stored === null ? null : (JSON.parse(stored) as Ballot) }
  }

  /**
   * Reveals the scoring or evaluation round or closes the vote: result into the document,
   * ballots deleted. `confidential` runs an action on the map's confidential room, where the
   * evaluation of a confidential plan is (its result goes there, not into the round).
   */
  reveal(room: Room, peer: RoomPeer, roundId: string, confidential?: OnConfidentialRoom) {
    return this.queued(room.mapId, async (): Promise<BallotOutcome> => {
      await room.catchUp()
      const round = openRound(room.doc, roundId)
      if (round === null) return { ok: false, reason: 'round-not-open' }
      // From here no node takes a ballot for it; these are all it will ever have.
      const stored = await this.store.ballots.closeRound(room.mapId, roundId)
      const ballots = stored.map((json) => JSON.parse(json) as unknown)
      const submitted = ballots.length
      if (round.kind === 'score') {
        const result = aggregateScoreBallots(ballots as ScoreBallot[])
        patchRound(room, 'scoring', { status: 'revealed', submitted, result }, peer)
      } else if (round.kind === 'elements') {
        const result = aggregateElementRatings(ballots as ElementBallot[])
        const now = new Date()
        const inMap = recordsMap(room.doc, DIALOGUE_EVALUATION_LAYOUT).has(round.evaluationId)
        // An evaluation of a confidential plan is in the confidential document: its result
        // goes there, stored first, and the round (which every role receives) keeps none.
        const secret =
          !inMap &&
          confidential !== undefined &&
          (
            await confidential(async (secretRoom) => {
              await secretRoom.catchUp()
              const written = writeElementResults(
                secretRoom.doc,
                round.evaluationId,
                result,
                now,
                peer,
              )
              if (written && !(await secretRoom.flush())) throw new Error('result not stored')
              return written
            })
          )?.value === true
        room.doc.transact(() => {
          if (inMap) writeElementResults(room.doc, round.evaluationId, result, now, peer)
          const shown = secret ? null : result
          patchRound(room, 'evaluation', { status: 'revealed', submitted, result: shown }, peer)
        }, peer)
      } else {
        const tally = tallyDotBallots(ballots as DotBallot[])
        patchRound(room, 'vote', { status: 'closed', submitted, tally }, peer)
      }
      // The result is stored before the ballots go, so a failure loses neither.
      if (!(await room.flush())) throw new Error('result of a round not stored')
      await this.store.ballots.deleteBallots(room.mapId, roundId)
      return { ok: true, submitted, ballot: null }
    })
  }

  /** Ends the scoring or evaluation round or clears the vote `roundId` (if current) and deletes its ballots. */
  discard(room: Room, peer: RoomPeer, roundId: string) {
    return this.queued(room.mapId, async (): Promise<BallotOutcome> => {
      await room.catchUp()
      await this.store.ballots.discardRound(room.mapId, roundId)
      const { scoring, vote, evaluation } = readFacilitation(room.doc)
      const key: RoundKey | null =
        scoring?.id === roundId
          ? 'scoring'
          : vote?.id === roundId
            ? 'vote'
            : evaluation?.id === roundId
              ? 'evaluation'
              : null
      if (key !== null) room.doc.transact(() => room.doc.getMap(FACILITATION_MAP).delete(key), peer)
      await room.flush()
      return { ok: true, submitted: 0, ballot: null }
    })
  }

  /** Runs `action` after the map's earlier ballot actions on this node. */
  private queued<T>(mapId: string, action: () => Promise<T>): Promise<T> {
    const before = this.queues.get(mapId) ?? Promise.resolve()
    const result = before.then(action, action)
    const tail = result.catch(() => undefined)
    this.queues.set(mapId, tail)
    void tail.then(() => {
      if (this.queues.get(mapId) === tail) this.queues.delete(mapId)
    })
    return result
  }
}
