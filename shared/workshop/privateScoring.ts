/**
 * Private scoring of one stakeholder: the facilitator opens a round (`scoring` in the
 * `facilitation` root); each participant hands their scores to the server as a ballot
 * (ballots.ts, never into the shared document); the server writes how many have scored
 * into the round (`submitted`) after each ballot, and at the reveal writes the group's
 * result (`result`: median, min, max, count, disagreement per attribute) and deletes the
 * ballots. So no one, the facilitator included, can read another's scores.
 */
import type { AggregatedRatings } from '../scoring/aggregateRatings'
import { readAggregatedRatings, readSubmittedCount } from './ballots'
import { isPlainObject } from './plainValues'
import { scoringRoundId } from './workshopIds'

/** An open or revealed round of private scoring of one stakeholder. */
export interface ScoringRound {
  id: string
  stakeholderId: string
  status: 'open' | 'revealed'
  openedAt: number
  /** How many people have handed in scores; written by the server. */
  submitted?: number
  /** The group's result once revealed; written by the server. */
  result?: AggregatedRatings | null
}

/** Reads the stored round; anything malformed reads as no round. */
export function readScoringRound(value: unknown): ScoringRound | null {
  if (
    !isPlainObject(value) ||
    typeof value.id !== 'string' ||
    typeof value.stakeholderId !== 'string' ||
    (value.status !== 'open' && value.status !== 'revealed')
  )
    return null
  return {
    id: value.id,
    stakeholderId: value.stakeholderId,
    status: value.status,
    openedAt: typeof value.openedAt === 'number' ? value.openedAt : 0,
    submitted: readSubmittedCount(value.submitted),
    result: readAggregatedRatings(value.result),
  }
}

/** A new round of scoring `stakeholderId`, opened at server time `now`. */
export function openScoringRound(stakeholderId: string, now: number): ScoringRound {
  return { id: scoringRoundId(now), stakeholderId, status: 'open', openedAt: now }
}
