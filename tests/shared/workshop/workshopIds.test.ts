import { describe, expect, it } from 'vitest'
import { openDotVote } from '../../../shared/workshop/dotVoting'
import { openScoringRound } from '../../../shared/workshop/privateScoring'
import { dotVoteId, scoringRoundId } from '../../../shared/workshop/workshopIds'

describe('ids of scoring rounds and votes', () => {
  it('are the same on every client for the same opening time, and differ a millisecond later', () => {
    expect(scoringRoundId(1_700_000_000_000)).toBe(scoringRoundId(1_700_000_000_000))
    expect(scoringRoundId(1_700_000_000_001)).not.toBe(scoringRoundId(1_700_000_000_000))
    expect(dotVoteId(1_700_000_000_001)).not.toBe(dotVoteId(1_700_000_000_000))
    expect(scoringRoundId(1_700_000_000_000)).not.toBe(dotVoteId(1_700_000_000_000))
  })

  it('start a new round or vote with nobody counted yet (the server keys ballots by the id)', () => {
    const first = openScoringRound('farmers', 1000)
    const second = openScoringRound('farmers', 2000)
    expect(second).toMatchObject({ stakeholderId: 'farmers', status: 'open', openedAt: 2000 })
    expect(second.id).not.toBe(first.id)
    expect(second.submitted ?? 0).toBe(0)
    expect(openDotVote('Whom first?', 3, 3000).submitted ?? 0).toBe(0)
  })

  it('a vote gives 1 to 20 dots per person', () => {
    expect(openDotVote('?', 0, 1).budget).toBe(1)
    expect(openDotVote('?', 99, 1).budget).toBe(20)
    expect(openDotVote('?', 4, 1).budget).toBe(4)
  })
})
