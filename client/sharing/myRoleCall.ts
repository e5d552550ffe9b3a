/**
 * Asks the server for the role card dealt to this person and its private brief
 * (shared/protocol/roleBriefApi.ts), as this person (participantFetch.ts).
 */
import { type MyRoleResponse, myRolePath } from '../../shared/protocol/roleBriefApi'
import { participantFetch } from './participantFetch'

/** The call for `mapId`; `guestToken` is read at each call (the session may come late). */
export function myRoleCall(
  mapId: string,
  token: string | null,
  guestToken: () => string | null,
): () => Promise<MyRoleResponse> {
  const call = participantFetch(token, guestToken)
  return async () => (await (await call(myRolePath(mapId))).json()) as MyRoleResponse
}
