/**
 * The shared countdown and its sound belong to the facilitation root: with the real y-websocket
 * client, a facilitator's +5 minutes, assignment timer and sound setting reach the editors, and
 * an editor trying the same (with the editor link and a client of their own) is refused (1008)
 * while everyone keeps the facilitator's countdown.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_AGENDA } from '../../shared/workshop/agenda'
import { readFacilitation, setFacilitation } from '../../shared/workshop/facilitationState'
import { extendTimer, startTimer, timeRemaining } from '../../shared/workshop/timer'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const phase1 = DEFAULT_AGENDA.find((block) => block.id === 'phase-1')!

describe('the timer, set by facilitators only', () => {
  it('carries a facilitator’s extension, assignment and sound to editors, and refuses an editor’s', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const facilitator = fixture.connectClient(test, mapId, undefined, { role: 'facilitator' })
    const editor = fixture.connectClient(test, mapId)
    const bystander = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(facilitator), waitForSync(editor), waitForSync(bystander)])

    const now = Date.now()
    const started = startTimer(phase1, now, phase1.parts![0])
    setFacilitation(facilitator.doc, 'timer', extendTimer(started, 5 * 60_000, now))
    setFacilitation(facilitator.doc, 'timerSound', true)
    await waitFor(() => readFacilitation(editor.doc).timerSound)
    const seen = readFacilitation(editor.doc).timer!
    expect(seen.partId).toBe('motivation')
    expect(timeRemaining(seen, now)).toBe(20 * 60_000)

    const closed = nextClose(editor)
    setFacilitation(editor.doc, 'timer', extendTimer(seen, 60 * 60_000, now))
    expect(await closed).toBe(CloseCode.policyViolation)

    const second = fixture.connectClient(test, mapId)
    await waitForSync(second)
    const closedAgain = nextClose(second)
    setFacilitation(second.doc, 'timerSound', false)
    expect(await closedAgain).toBe(CloseCode.policyViolation)

    for (const client of [facilitator, bystander]) {
      const state = readFacilitation(client.doc)
      expect(timeRemaining(state.timer!, now)).toBe(20 * 60_000)
      expect(state.timerSound).toBe(true)
    }
  })
})
