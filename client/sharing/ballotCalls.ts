/**
 * The ballot calls of the map page ({@link BallotClient}, shared/protocol/ballotApi.ts): the
 * map's share token for the role, and who this person is as the server knows them — the
 * guest session's token in `X-Guest-Session`, or the signed-in session's cookie.
 */
import { type BallotResponse, ballotsPath } from '../../shared/protocol/ballotApi'
import { GUEST_SESSION_HEADER } from '../../shared/protocol/guestApi'
import { errorFromResponse, unreachableError } from '../config/apiClient'
import type { BallotClient } from '../workshop/model/BallotClient'

/** The ballot calls of `mapId`; `guestToken` is read at each call (the session may come late). */
export function ballotCalls(
  mapId: string,
  token: string | null,
  guestToken: () => string | null,
): BallotClient {
  async function call(path: string, method: string, body?: unknown): Promise<Response> {
    const guest = guestToken()
    let response: Response
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(token !== null && { authorization: `Bearer ${token}` }),
          ...(guest !== null && { [GUEST_SESSION_HEADER]: guest }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
    } catch (error) {
      throw unreachableError(error)
    }
    if (!response.ok) throw await errorFromResponse(response)
    return response
  }
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
