/**
 * The role-brief API (issue 21, shared/workshop/rolePlay.ts): a participant asks the server
 * for the brief of the role card dealt to them; no one can ask for another's.
 *
 * - `GET /api/maps/<id>/my-role`: any role that may open the map, with a server-known
 *   identity (a signed-in session, or a guest session in `X-Guest-Session`); a link token
 *   alone is refused (403 `ballot-needs-identity`, the same rule as for ballots). Answers
 *   {@link MyRoleResponse}: the card held by the caller with its brief, or null.
 */
import type { HeldRole } from '../workshop/rolePlay'

/** Answer of `GET …/my-role`. */
export interface MyRoleResponse {
  role: HeldRole | null
}

/** Path of the caller's role. */
export function myRolePath(mapId: string): string {
  return `/api/maps/${encodeURIComponent(mapId)}/my-role`
}
