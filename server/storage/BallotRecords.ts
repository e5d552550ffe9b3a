/**
 * Ballots of the open scoring rounds and dot votes (issue 19, shared/workshop/ballots.ts):
 * one row per (map, round, voter), the ballot as JSON, replaced by its voter until the
 * round is revealed or closed, then deleted (the result goes into the document). Kept in
 * the database, not a node's memory, so a round survives a restart and a ballot handed in
 * on one node of a cluster counts when another reveals. A part of the store of its own,
 * like {@link MapSettingsRecords}; the rows go with the map when it is deleted.
 */

export interface BallotRecords {
  /** Stores (or replaces) `voterId`'s ballot; answers how many ballots the round now has. */
  putBallot(mapId: string, roundId: string, voterId: string, ballot: string): Promise<number>
  /** `voterId`'s ballot of the round, as stored; null when they have none. */
  getBallot(mapId: string, roundId: string, voterId: string): Promise<string | null>
  /** Every ballot of the round (who gave which is not answered). */
  listBallots(mapId: string, roundId: string): Promise<string[]>
  /** How many ballots the round has. */
  countBallots(mapId: string, roundId: string): Promise<number>
  /** Deletes `voterId`'s ballot of the round (they took it back). */
  deleteVoter(mapId: string, roundId: string, voterId: string): Promise<void>
  /** Deletes the round's ballots; answers how many there were. */
  deleteBallots(mapId: string, roundId: string): Promise<number>
  /**
   * Deletes the ballots of the map's rounds whose id starts with `prefix` (one kind: scoring
   * rounds or votes), except round `keep`: one of a kind is open at a time, so the others
   * were replaced without a reveal.
   */
  deleteOtherRounds(mapId: string, prefix: string, keep: string): Promise<number>
}
