/**
 * The ballot calls of the map page ({@link BallotClient}, shared/protocol/ballotApi.ts),
 * made as this person (participantFetch.ts).
 */
import { type BallotResponse, ballotsPath } from '../../shared/protocol/ballotApi'
import { participantFetch } from './participantFetch'
import type { BallotClient } from '../workshop/model/BallotClient'

/** The ballot calls of `mapId`; `guestToken` is read at each call (the session may come late). */
export function ballotCalls(
  mapId: string,
  token: string | null,
  guestToken: () => string | null,
): BallotClient {
  const call = participantFetch(token, guestToken)
  const path = (roundId: string) => ballotsPath(mapId, roundId)
  return {
    put: async (roundId, ballot) =>
      (await (await call(path(roundId), 'PUT', { ballot })).json()) as BallotResponse,
    mine: async (roundId) =>
      (await (await call(`${path(roundId)}/mine`, 'GET')).json()) as BallotResponse,
    reveal: async (roundId) => {
      await call(`${path(roundId)}/reveal`, 'POST')
    },
    discard: async (roundId) => {
      await call(path(roundId), 'DELETE')
    },
  }
}
