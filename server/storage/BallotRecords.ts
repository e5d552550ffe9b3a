/**
 * Ballots of the open scoring rounds and dot votes (issue 19, shared/workshop/ballots.ts):
 * one row per (map, round, voter), the ballot as JSON, replaced by its voter until the
 * round is revealed or closed, then deleted (the result goes into the document). Kept in
 * the database, not a node's memory, so a round survives a restart and a ballot handed in
 * on one node of a cluster counts when another reveals. A part of the store of its own,
 * like {@link MapSettingsRecords}; the rows go with the map when it is deleted.
 *
 * Closing a round is atomic with handing in on any node: the database remembers the
 * round as closed, and a ballot and a close of the same round take turns (a lock per
 * round), so a ballot is either in the ballots the close answers or refused.
 */

/** What {@link BallotRecords.putBallot} answers when the round was closed first. */
export const ROUND_CLOSED = 'round-closed'

export interface BallotRecords {
  /**
   * Stores or replaces `voterId`'s ballot (null takes it back), unless the round is closed;
   * answers how many ballots the round now has, or {@link ROUND_CLOSED}.
   */
  putBallot(
    mapId: string,
    roundId: string,
    voterId: string,
    ballot: string | null,
  ): Promise<number | typeof ROUND_CLOSED>
  /** `voterId`'s ballot of the round, as stored; null when they have none. */
  getBallot(mapId: string, roundId: string, voterId: string): Promise<string | null>
  /** How many ballots the round has. */
  countBallots(mapId: string, roundId: string): Promise<number>
  /**
   * Marks the round closed (no ballot is taken afterwards) and answers its ballots (who
   * gave which is not answered); they stay until {@link deleteBallots}. Closing again
   * answers the same ballots.
   */
  closeRound(mapId: string, roundId: string): Promise<string[]>
  /** Deletes the round's ballots; answers how many there were. */
  deleteBallots(mapId: string, roundId: string): Promise<number>
  /** Closes the round and deletes its ballots at once; answers how many there were. */
  discardRound(mapId: string, roundId: string): Promise<number>
  /** The ids of the map's rounds and votes that have ballots. */
  roundsWithBallots(mapId: string): Promise<string[]>
}
