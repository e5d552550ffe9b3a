/**
 * Which stored ballots belong to rounds that are certainly over, judged from what a
 * document shows (issue 19): the server deletes those when it loads a map and when a
 * ballot is handed in. One scoring round and one dot vote are current at a time, and
 * their ids grow with the time they were opened (workshopIds.ts), so a round of the same
 * kind opened before the current one has ended, and so has the current one once it is no
 * longer open. A round opened after the current one is never judged ended: the document
 * may not yet show it (another node of a cluster opened it, or its opening is still
 * being stored), and it may already have ballots.
 */
import { openedAtOfRound } from './workshopIds'

/** The current round or vote of one kind as a document holds it. */
export interface CurrentRound {
  id: string
  status: string
}

/**
 * The ids among `stored` (of any kind) of rounds of `current`'s kind known to have ended;
 * none when the document has no current round of that kind (nothing to judge by).
 */
export function roundsKnownEnded(
  stored: readonly string[],
  current: CurrentRound | null,
): string[] {
  if (current === null) return []
  const kind = current.id.slice(0, current.id.indexOf('-') + 1)
  const currentOpenedAt = openedAtOfRound(current.id)
  if (kind === '' || currentOpenedAt === null) return []
  return stored.filter((id) => {
    if (!id.startsWith(kind)) return false
    if (id === current.id) return current.status !== 'open'
    const openedAt = openedAtOfRound(id)
    return openedAt !== null && openedAt < currentOpenedAt
  })
}
