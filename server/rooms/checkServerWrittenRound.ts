/**
 * The fields of a scoring round, dialogue-evaluation round or dot vote that only the server writes (issue 19,
 * BallotBox.ts): `submitted`, `result`, `tally`, and a status other than `open` (the reveal
 * and the close go through `POST …/ballots/<round>/reveal`). A facilitator's socket may
 * open a round or vote (none of these fields) and end or clear it (a deletion), but a new
 * value under `facilitation.scoring`, `facilitation.evaluation` or `facilitation.vote` that sets one of them to
 * anything other than what the document holds for the same round is refused as a whole,
 * so no socket can fake a count, a result or a tally. The running count of an open round
 * (`facilitation.ballotCount`) is the server's alone: no socket may write it at all.
 */
import * as Y from 'yjs'
import { FACILITATION_MAP } from '../../shared/document/mapDocumentLayout'
import type { ItemCheck } from './checkUpdateShape'
import { deepEqual } from './deepEqual'

/** The reason a refused update is closed with. */
export const SERVER_WRITTEN_REASON =
  'counts and results of rounds and votes are written by the server'

const ROUND_KEYS: readonly string[] = ['scoring', 'vote', 'evaluation']
const SERVER_FIELDS = ['submitted', 'result', 'tally'] as const
const BALLOT_COUNT_KEY = 'ballotCount'

/** True when `value` sets no server field differently from `current` (the stored value). */
function keepsServerFields(value: unknown, current: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  const next = value as Record<string, unknown>
  const held =
    typeof current === 'object' && current !== null && !Array.isArray(current)
      ? (current as Record<string, unknown>)
      : null
  const sameRound = held !== null && held.id === next.id
  for (const field of SERVER_FIELDS) {
    if (next[field] === undefined) continue
    if (!sameRound || !deepEqual(next[field], held[field])) return false
  }
  if (next.status !== undefined && next.status !== 'open') {
    if (!sameRound || next.status !== held.status) return false
  }
  return true
}

/** The check of new Items under the round keys of `doc`'s `facilitation` root. */
export function checkServerWrittenRound(doc: Y.Doc): ItemCheck {
  return (location, item) => {
    if (location.root !== FACILITATION_MAP || location.path.length > 0) return null
    if (location.key === BALLOT_COUNT_KEY) {
      return item.content instanceof Y.ContentDeleted ? null : SERVER_WRITTEN_REASON
    }
    if (location.key === null || !ROUND_KEYS.includes(location.key)) return null
    if (!(item.content instanceof Y.ContentAny)) return null
    const current = doc.getMap<unknown>(FACILITATION_MAP).get(location.key)
    for (const value of item.content.arr) {
      if (!keepsServerFields(value, current)) return SERVER_WRITTEN_REASON
    }
    return null
  }
}
