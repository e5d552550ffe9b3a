import { describe, expect, it } from 'vitest'
import { aggregateElementRatings } from '../../../shared/dialogue/aggregateElementRatings'
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import { checkElementBallot } from '../../../shared/workshop/ballots'
import {
  openEvaluationRound,
  readElementResults,
  readEvaluationRound,
} from '../../../shared/workshop/evaluationRound'
import { roundsKnownEnded } from '../../../shared/workshop/roundsKnownEnded'
import { openedAtOfRound, scoringRoundId } from '../../../shared/workshop/workshopIds'

describe('dialogue-evaluation rounds', () => {
  it('take 1 to 5 per SER element, "not scored" as null, and refuse anything else', () => {
    const checked = checkElementBallot({ motivation: 4, knowledge: 2.5, inclusion: null })
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(Object.keys(checked.ballot)).toEqual([...DIALOGUE_ELEMENTS])
    expect(checked.ballot).toMatchObject({ motivation: 4, knowledge: 2.5, inclusion: null })
    expect(checked.ballot.collaboration).toBeNull()
    // Another key's value is ignored, not kept.
    expect(checkElementBallot({ power: 99 })).toMatchObject({ ok: true })
    for (const bad of [{ motivation: 0 }, { motivation: 6 }, { knowledge: '3' }, [], null, 3])
      expect(checkElementBallot(bad)).toEqual({ ok: false, reason: 'invalid-ballot' })
  })

  it('have ids of their own kind, from the opening time', () => {
    const round = openEvaluationRound('eval-1', 1_700_000_000_000)
    expect(round).toMatchObject({ evaluationId: 'eval-1', status: 'open' })
    expect(openedAtOfRound(round.id)).toBe(1_700_000_000_000)
    const older = openEvaluationRound('eval-1', 1_600_000_000_000).id
    // Only an older evaluation round is ended by this one, never a scoring round.
    expect(roundsKnownEnded([older, scoringRoundId(1), round.id], round)).toEqual([older])
  })

  it('read the result the server wrote back; anything malformed reads as none', () => {
    const result = aggregateElementRatings([{ motivation: 2 }, { motivation: 5 }])
    const round = {
      ...openEvaluationRound('eval-1', 1000),
      status: 'revealed',
      result,
      submitted: 2,
    }
    expect(readEvaluationRound(round)).toEqual(round)
    expect(readElementResults({ ...result, motivation: { count: 'x' } })).toBeNull()
    expect(readEvaluationRound({ ...round, evaluationId: 4 })).toBeNull()
    expect(readEvaluationRound({ ...round, status: 'closed' })).toBeNull()
  })
})
