/**
 * A call to the map's API as this person: the map's share token for the role, and who they
 * are as the server knows them — the guest session's token in `X-Guest-Session`, or the
 * signed-in session's cookie. Ballots and one's own role card go this way.
 */
import { GUEST_SESSION_HEADER } from '../../shared/protocol/guestApi'
import { errorFromResponse, unreachableError } from '../config/apiClient'

/** A fetch of `path` as this person; `guestToken` is read at each call (the session may come late). */
export function participantFetch(token: string | null, guestToken: () => string | null) {
  return async (path: string, method = 'GET', body?: unknown): Promise<Response> => {
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
}
