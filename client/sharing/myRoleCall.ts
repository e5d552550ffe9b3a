/**
 * Asks the server for the role card dealt to this person and its private brief
 * (shared/protocol/roleBriefApi.ts), as the ballot calls do: the map's share token, and the
 * guest session's token in `X-Guest-Session` (or the signed-in session's cookie).
 */
import { type MyRoleResponse, myRolePath } from '../../shared/protocol/roleBriefApi'
import { GUEST_SESSION_HEADER } from '../../shared/protocol/guestApi'
import { errorFromResponse, unreachableError } from '../config/apiClient'

/** The call for `mapId`; `guestToken` is read at each call (the session may come late). */
export function myRoleCall(
  mapId: string,
  token: string | null,
  guestToken: () => string | null,
): () => Promise<MyRoleResponse> {
  return async () => {
    const guest = guestToken()
    let response: Response
    try {
      response = await fetch(myRolePath(mapId), {
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(token !== null && { authorization: `Bearer ${token}` }),
          ...(guest !== null && { [GUEST_SESSION_HEADER]: guest }),
        },
      })
    } catch (error) {
      throw unreachableError(error)
    }
    if (!response.ok) throw await errorFromResponse(response)
    return (await response.json()) as MyRoleResponse
  }
}
