import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDot,
  checkDotBallot,
  checkScoreBallot,
  readAggregatedRatings,
  readVoteTally,
  removeDot,
  tallyDotBallots,
} from '../../../shared/workshop/ballots'
import { aggregateRatings } from '../../../shared/scoring/aggregateRatings'
import { readDotVote } from '../../../shared/workshop/dotVoting'
import { readScoringRound } from '../../../shared/workshop/privateScoring'

const stakeholders = new Set(['farmers', 'union', 'bank'])

describe('ballots of private scoring and dot votes', () => {
  it('takes scores from 1 to 5 per attribute, "not scored" as null, and refuses anything else', () => {
    expect(checkScoreBallot({ power: 4, influence: 3.5 })).toEqual({
      ok: true,
      ballot: { power: 4, legitimacy: null, urgency: null, influence: 3.5, impact: null },
    })
    for (const bad of [{ power: 9 }, { power: 0 }, { urgency: '3' }, null, [], 'x'])
      expect(checkScoreBallot(bad)).toEqual({ ok: false, reason: 'invalid-ballot' })
  })

  it('takes dots within the budget for stakeholders the map has', () => {
    expect(checkDotBallot(['farmers', 'farmers'], 2, stakeholders)).toEqual({
      ok: true,
      ballot: ['farmers', 'farmers'],
    })
    expect(checkDotBallot(['farmers', 'union', 'bank'], 2, stakeholders)).toEqual({
      ok: false,
      reason: 'budget-exceeded',
    })
    expect(checkDotBallot(['municipality'], 2, stakeholders)).toEqual({
      ok: false,
      reason: 'unknown-stakeholder',
    })
    expect(checkDotBallot([1], 2, stakeholders)).toEqual({ ok: false, reason: 'invalid-ballot' })
  })

  it('adds a dot within the budget and takes back only one that was given', () => {
    expect(addDot(['farmers'], 2, 'union')).toEqual(['farmers', 'union'])
    expect(addDot(['farmers', 'union'], 2, 'bank')).toBeNull()
    expect(removeDot(['farmers', 'union', 'farmers'], 'farmers')).toEqual(['farmers', 'union'])
    expect(removeDot(['farmers'], 'bank')).toBeNull()
  })

  it('tallies dots most first; the total is every dot of every ballot (property)', () => {
    expect(tallyDotBallots([['union', 'farmers'], ['union']])).toEqual([
      { stakeholderId: 'union', votes: 2 },
      { stakeholderId: 'farmers', votes: 1 },
    ])
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...stakeholders), { maxLength: 5 })),
        (ballots) => {
          const tally = tallyDotBallots(ballots)
          const total = tally.reduce((sum, { votes }) => sum + votes, 0)
          expect(total).toBe(ballots.flat().length)
          for (let i = 1; i < tally.length; i++)
            expect(tally[i - 1]!.votes).toBeGreaterThanOrEqual(tally[i]!.votes)
        },
      ),
      { seed: 19 },
    )
  })

  it('reads the result, tally and count the server wrote back from the document', () => {
    const result = aggregateRatings([{ power: 2 }, { power: 5 }])
    const round = readScoringRound({
      id: 'round-1',
      stakeholderId: 'farmers',
      status: 'revealed',
      openedAt: 1,
      submitted: 2,
      result,
    })
    expect(round).toMatchObject({ submitted: 2, result })
    expect(round?.result?.power).toMatchObject({ median: 3.5, min: 2, max: 5, disagreement: true })
    expect(readAggregatedRatings({ power: 'x' })).toBeNull()
    const vote = readDotVote({
      id: 'vote-1',
      question: '?',
      budget: 3,
      status: 'closed',
      openedAt: 1,
      tally: [{ stakeholderId: 'farmers', votes: 2 }],
    })
    expect(vote).toMatchObject({ submitted: 0, tally: [{ stakeholderId: 'farmers', votes: 2 }] })
    expect(readVoteTally([{ stakeholderId: 1 }])).toBeNull()
  })
})
