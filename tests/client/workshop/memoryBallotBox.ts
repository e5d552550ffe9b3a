/**
 * The server's ballot box in memory, for model tests (the real one, server/rooms/BallotBox.ts,
 * is tested with the real server in tests/server/ballots.test.ts): the same rules of
 * shared/workshop/ballots.ts, one ballot per person per round, the count and at the reveal
 * the result written into one person's document (and from there to everyone's).
 */
import type * as Y from 'yjs'
import { FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import { stakeholdersMap } from '../../../shared/document/stakeholderDocument'
import { ApiRequestError } from '../../../client/config/apiClient'
import type { BallotClient } from '../../../client/workshop/model/BallotClient'
import type { Ballot } from '../../../shared/protocol/ballotApi'
import { aggregateElementRatings } from '../../../shared/dialogue/aggregateElementRatings'
import {
  type DotBallot,
  type ElementBallot,
  type ScoreBallot,
  aggregateScoreBallots,
  checkDotBallot,
  checkElementBallot,
  checkScoreBallot,
  tallyDotBallots,
} from '../../../shared/workshop/ballots'
import { writeElementResults } from '../../../server/rooms/writeElementResults'
import { readFacilitation } from '../../../shared/workshop/facilitationState'
import { canEditMap, isRole } from '../../../shared/protocol/roles'

const SERVER = Symbol('server')

export class MemoryBallotBox {
  private readonly rounds = new Map<string, Map<string, Ballot>>()
  private doc: Y.Doc | null = null

  /** The document the "server" writes into (everyone else receives it from there). */
  writeInto(doc: Y.Doc) {
    this.doc ??= doc
  }

  /** Ballots kept for a round (for tests asserting they are gone). */
  kept(roundId: string): number {
    return this.rounds.get(roundId)?.size ?? 0
  }

  /** Calls refused because the caller may not hand in (a viewer), as `mine`/`put` of a voter. */
  readonly refusedCalls: string[] = []

  /** The calls of `voterId`; like the server, it refuses a viewer's (403). */
  clientFor(voterId: string, role = 'editor'): BallotClient {
    const mayHandIn = isRole(role) && canEditMap(role)
    const refuseViewer = (call: string) => {
      if (mayHandIn) return
      this.refusedCalls.push(`${call} of ${voterId}`)
      throw refusal(403, 'forbidden')
    }
    return {
      put: async (roundId, raw) => {
        refuseViewer('put')
        const doc = this.doc!
        const { scoring, vote, evaluation } = readFacilitation(doc)
        const key =
          scoring?.id === roundId && scoring.status === 'open'
            ? 'scoring'
            : vote?.id === roundId && vote.status === 'open'
              ? 'vote'
              : evaluation?.id === roundId && evaluation.status === 'open'
                ? 'evaluation'
                : null
        if (key === null) throw refusal(409, 'round-not-open')
        const checked =
          key === 'scoring'
            ? checkScoreBallot(raw)
            : key === 'evaluation'
              ? checkElementBallot(raw)
              : checkDotBallot(raw, vote!.budget, new Set(stakeholdersMap(doc).keys()))
        if (!checked.ok) throw refusal(400, checked.reason)
        const ballots = this.rounds.get(roundId) ?? new Map<string, Ballot>()
        this.rounds.set(roundId, ballots)
        if (Array.isArray(checked.ballot) && checked.ballot.length === 0) ballots.delete(voterId)
        else ballots.set(voterId, checked.ballot)
        this.patch(key, { submitted: ballots.size })
        return { ballot: ballots.get(voterId) ?? null, submitted: ballots.size }
      },
      mine: async (roundId) => {
        refuseViewer('mine')
        const ballots = this.rounds.get(roundId)
        return { ballot: ballots?.get(voterId) ?? null, submitted: ballots?.size ?? 0 }
      },
      reveal: async (roundId) => {
        const { scoring, evaluation } = readFacilitation(this.doc!)
        const ballots = [...(this.rounds.get(roundId)?.values() ?? [])]
        if (scoring?.id === roundId) {
          const result = aggregateScoreBallots(ballots as ScoreBallot[])
          this.patch('scoring', { status: 'revealed', submitted: ballots.length, result })
        } else if (evaluation?.id === roundId) {
          const result = aggregateElementRatings(ballots as ElementBallot[])
          const { evaluationId } = evaluation
          writeElementResults(this.doc!, evaluationId, result, new Date(), SERVER)
          this.patch('evaluation', { status: 'revealed', submitted: ballots.length, result })
        } else {
          const tally = tallyDotBallots(ballots as DotBallot[])
          this.patch('vote', { status: 'closed', submitted: ballots.length, tally })
        }
        this.rounds.delete(roundId)
      },
      discard: async (roundId) => {
        const doc = this.doc!
        const { scoring, vote, evaluation } = readFacilitation(doc)
        const key =
          scoring?.id === roundId
            ? 'scoring'
            : vote?.id === roundId
              ? 'vote'
              : evaluation?.id === roundId
                ? 'evaluation'
                : null
        if (key !== null) doc.transact(() => doc.getMap(FACILITATION_MAP).delete(key), SERVER)
        this.rounds.delete(roundId)
      },
    }
  }

  private patch(key: 'scoring' | 'vote' | 'evaluation', fields: object) {
    const doc = this.doc!
    const map = doc.getMap<unknown>(FACILITATION_MAP)
    const current = map.get(key) as object
    doc.transact(() => map.set(key, { ...current, ...fields }), SERVER)
  }
}

function refusal(status: number, code: string): ApiRequestError {
  return new ApiRequestError(status, code, code)
}
