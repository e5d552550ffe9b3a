/**
 * How the workshop model hands in this person's ballots (shared/protocol/ballotApi.ts):
 * over HTTP on the map page (client/sharing/ballotCalls.ts), in memory in model tests.
 * Every call rejects with an ApiRequestError when the server refuses.
 */
import type { Ballot, BallotResponse } from '../../../shared/protocol/ballotApi'

/** This person's ballot calls for one map. */
export interface BallotClient {
  /** Hands in (replaces) this person's ballot for the open round or vote. */
  put(roundId: string, ballot: Ballot): Promise<BallotResponse>
  /** This person's own ballot of the round, as the server keeps it. */
  mine(roundId: string): Promise<BallotResponse>
  /** Facilitators: reveals the round or closes the vote (the server writes the result). */
  reveal(roundId: string): Promise<void>
  /** Facilitators: ends the round or clears the vote, and its ballots are deleted. */
  discard(roundId: string): Promise<void>
}
