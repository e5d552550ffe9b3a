import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { castVote, openDotVote, tallyVotes } from '../../../shared/workshop/dotVoting'
import {
  openScoringRound,
  readRatings,
  submitRating,
} from '../../../shared/workshop/privateScoring'
import { dotVoteId, scoringRoundId } from '../../../shared/workshop/workshopIds'

describe('ids of scoring rounds and votes', () => {
  it('are the same on every client for the same opening time, and differ a millisecond later', () => {
    expect(scoringRoundId(1_700_000_000_000)).toBe(scoringRoundId(1_700_000_000_000))
    expect(scoringRoundId(1_700_000_000_001)).not.toBe(scoringRoundId(1_700_000_000_000))
    expect(dotVoteId(1_700_000_000_001)).not.toBe(dotVoteId(1_700_000_000_000))
    expect(scoringRoundId(1_700_000_000_000)).not.toBe(dotVoteId(1_700_000_000_000))
  })

  it('start a new round or vote empty: nothing of an earlier one counts in it', () => {
    const doc = new Y.Doc()
    const first = openScoringRound('farmers', 1000)
    submitRating(doc, first.id, 'ann', { power: 5 })
    const second = openScoringRound('farmers', 2000)
    expect(second).toMatchObject({ stakeholderId: 'farmers', status: 'open', openedAt: 2000 })
    expect(readRatings(doc, second.id).size).toBe(0)
    expect(readRatings(doc, first.id).get('ann')).toMatchObject({ power: 5 })

    const vote = openDotVote('Whom first?', 3, 1000)
    castVote(doc, vote, 'ann', 'farmers')
    const next = openDotVote('Whom first?', 3, 3000)
    expect(tallyVotes(doc, next)).toEqual([])
    expect(tallyVotes(doc, { ...vote, status: 'closed' })).toEqual([
      { stakeholderId: 'farmers', votes: 1 },
    ])
  })

  it('a vote gives 1 to 20 dots per person', () => {
    expect(openDotVote('?', 0, 1).budget).toBe(1)
    expect(openDotVote('?', 99, 1).budget).toBe(20)
    expect(openDotVote('?', 4, 1).budget).toBe(4)
  })
})
