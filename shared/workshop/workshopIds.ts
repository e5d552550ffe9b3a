/**
 * Ids of scoring rounds, dot votes and dialogue-evaluation rounds. Participants' ballots (kept by the server) are
 * keyed by them, so a new round or vote starts
 * empty and never counts an earlier one's entries. They are made from the server time the
 * facilitator opened it: readable in the document, and a second one a moment later differs.
 */

/** The id of a scoring round opened at server time `now`. */
export function scoringRoundId(now: number): string {
  return `round-${now.toString(36)}`
}

/** The id of a dot vote opened at server time `now`. */
export function dotVoteId(now: number): string {
  return `vote-${now.toString(36)}`
}

/** The id of a dialogue-evaluation round opened at server time `now`. */
export function evaluationRoundId(now: number): string {
  return `evaluation-${now.toString(36)}`
}

/** The server time a round or vote id was made from; null for an id not made here. */
export function openedAtOfRound(id: string): number | null {
  const match = /^(?:round|vote|evaluation)-([0-9a-z]{1,11})$/.exec(id)
  return match === null ? null : Number.parseInt(match[1]!, 36)
}
