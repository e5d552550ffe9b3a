/**
 * Deletes the stored ballots of a map's rounds (scoring, dialogue evaluation) and votes that its document shows ended
 * (shared/workshop/roundsKnownEnded.ts): ended without the server (replaced by a newer
 * round, or by a client of an earlier version), so their ballots would otherwise stay.
 * Never the open round's, nor those of a round newer than the document shows, which may
 * be open on another node. Each is closed as it goes, so a late ballot for it is refused.
 */
import type * as Y from 'yjs'
import { readFacilitation } from '../../shared/workshop/facilitationState'
import { roundsKnownEnded } from '../../shared/workshop/roundsKnownEnded'
import type { BallotRecords } from '../storage/BallotRecords'

/** Discards the ended rounds of `mapId` as `doc` shows them; answers how many ballots went. */
export async function discardEndedRounds(
  ballots: BallotRecords,
  mapId: string,
  doc: Y.Doc,
): Promise<number> {
  const stored = await ballots.roundsWithBallots(mapId)
  if (stored.length === 0) return 0
  const { scoring, vote, evaluation } = readFacilitation(doc)
  const ended = [scoring, vote, evaluation].flatMap((current) => roundsKnownEnded(stored, current))
  let removed = 0
  for (const roundId of ended) removed += await ballots.discardRound(mapId, roundId)
  return removed
}
