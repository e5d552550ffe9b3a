/**
 * The ballot API (issue 19): private scores and dots go to the server, never into the
 * shared document (shared/workshop/ballots.ts).
 *
 * - `PUT /api/maps/<id>/ballots/<round>` `{ "ballot": … }`: the caller's ballot for the open
 *   scoring round (an object of scores), dot vote (a list of stakeholder ids) or
 *   dialogue-evaluation round (an object of scores per SER element), replacing
 *   their earlier one. Editors and above, with a server-known identity (a signed-in
 *   session, or a guest session in `X-Guest-Session`); a link token alone is refused
 *   (403 `ballot-needs-identity`). Answers {@link BallotResponse}.
 * - `GET /api/maps/<id>/ballots/<round>/mine`: the caller's own ballot (no one else's can be
 *   asked for).
 * - `POST /api/maps/<id>/ballots/<round>/reveal`: owners and facilitators; reveals the
 *   round (or closes the vote): the server writes the result into the document (for an
 *   evaluation round also into the evaluation's elements) and deletes the ballots.
 * - `DELETE /api/maps/<id>/ballots/<round>`: owners and facilitators; ends the round (or
 *   clears the vote) and deletes its ballots.
 */
import type { DotBallot, ElementBallot, ScoreBallot } from '../workshop/ballots'

/** A score, dot or element ballot as kept. */
export type Ballot = ScoreBallot | DotBallot | ElementBallot

/** Body of `PUT …/ballots/<round>`. */
export interface PutBallotRequest {
  ballot: unknown
}

/** Answer of `PUT` and `GET …/mine`: the caller's ballot (null: none) and how many handed one in. */
export interface BallotResponse {
  ballot: Ballot | null
  submitted: number
}

/** Path of a round's ballots. */
export function ballotsPath(mapId: string, roundId: string): string {
  return `/api/maps/${encodeURIComponent(mapId)}/ballots/${encodeURIComponent(roundId)}`
}
