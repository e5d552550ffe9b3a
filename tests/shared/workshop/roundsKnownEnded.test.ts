import { describe, expect, it } from 'vitest'
import { roundsKnownEnded } from '../../../shared/workshop/roundsKnownEnded'
import { dotVoteId, openedAtOfRound, scoringRoundId } from '../../../shared/workshop/workshopIds'

const at = 1_765_000_000_000
const hour = 3_600_000

describe('rounds known to have ended (whose stored ballots the server deletes)', () => {
  const earlier = scoringRoundId(at - hour)
  const current = scoringRoundId(at)
  const newer = scoringRoundId(at + 1)
  const stored = [earlier, current, newer, dotVoteId(at - hour)]

  it('are the earlier rounds of the kind, not the open one nor one opened after it', () => {
    expect(roundsKnownEnded(stored, { id: current, status: 'open' })).toEqual([earlier])
  })

  it('include the current round once revealed, still never a newer one', () => {
    expect(roundsKnownEnded(stored, { id: current, status: 'revealed' })).toEqual([
      earlier,
      current,
    ])
  })

  it('are none when the map shows no round of the kind, or one with an id not made here', () => {
    expect(roundsKnownEnded(stored, null)).toEqual([])
    expect(roundsKnownEnded(stored, { id: 'round-??', status: 'revealed' })).toEqual([])
  })

  it('of a vote are only votes', () => {
    expect(roundsKnownEnded(stored, { id: dotVoteId(at), status: 'open' })).toEqual([
      dotVoteId(at - hour),
    ])
  })

  it('are ordered by the time they were opened, also where the id grows a digit', () => {
    expect(openedAtOfRound(scoringRoundId(at))).toBe(at)
    const shortId = scoringRoundId(35)
    expect(shortId.length).toBeLessThan(current.length)
    expect(roundsKnownEnded([shortId], { id: current, status: 'open' })).toEqual([shortId])
    expect(openedAtOfRound('round-not!an-id')).toBeNull()
  })
})
