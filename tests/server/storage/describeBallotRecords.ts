/**
 * The storage contract of ballots (server/storage/BallotRecords.ts), run on every engine by
 * ballotRecords.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROUND_CLOSED } from '../../../server/storage/BallotRecords'
import type { MapStore } from '../../../server/storage/MapStore'
import type { StoreHarness } from './describeMapStore'

const hash = (byte: number): Uint8Array => new Uint8Array(32).fill(byte)

/** Registers the ballot contract tests for the store that `open` creates. */
export function describeBallotRecords(name: string, open: () => Promise<StoreHarness>): void {
  describe(`ballot records: ${name}`, () => {
    let harness: StoreHarness
    let store: MapStore

    beforeEach(async () => {
      harness = await open()
      store = harness.store
      await store.createMap({ id: 'map-1', title: 'One', template: 'blank' }, { owner: hash(1) })
      await store.createMap({ id: 'map-2', title: 'Two', template: 'blank' }, { owner: hash(2) })
    })

    afterEach(async () => {
      await store.close()
      await harness.cleanup()
    })

    it('keeps one ballot per voter per round: a second one replaces the first', async () => {
      expect(await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '{"power":2}')).toBe(1)
      expect(await store.ballots.putBallot('map-1', 'round-a', 'g_bob', '{"power":4}')).toBe(2)
      expect(await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '{"power":5}')).toBe(2)
      expect(await store.ballots.getBallot('map-1', 'round-a', 'g_ann')).toBe('{"power":5}')
      expect(await store.ballots.getBallot('map-1', 'round-a', 'g_eve')).toBeNull()
      expect(await store.ballots.countBallots('map-1', 'round-a')).toBe(2)
      expect((await store.ballots.closeRound('map-1', 'round-a')).sort()).toEqual([
        '{"power":4}',
        '{"power":5}',
      ])
    })

    it('keeps rounds and maps apart, and survives a reopen', async () => {
      await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '["x"]')
      await store.ballots.putBallot('map-1', 'vote-b', 'g_ann', '["y"]')
      await store.ballots.putBallot('map-2', 'round-a', 'g_ann', '["z"]')
      const reopened = await harness.reopen()
      try {
        expect(await reopened.ballots.getBallot('map-1', 'round-a', 'g_ann')).toBe('["x"]')
        expect(await reopened.ballots.getBallot('map-1', 'vote-b', 'g_ann')).toBe('["y"]')
        expect(await reopened.ballots.getBallot('map-2', 'round-a', 'g_ann')).toBe('["z"]')
        expect(await reopened.ballots.roundsWithBallots('map-1')).toEqual(['round-a', 'vote-b'])
      } finally {
        await reopened.close()
      }
    })

    it('takes a ballot back, deletes a round or discards it, and goes with the map', async () => {
      await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '{}')
      await store.ballots.putBallot('map-1', 'round-a', 'g_bob', '{}')
      await store.ballots.putBallot('map-1', 'round-old', 'g_ann', '{}')
      await store.ballots.putBallot('map-2', 'round-x', 'g_ann', '{}')
      expect(await store.ballots.putBallot('map-1', 'round-a', 'g_bob', null)).toBe(1)
      expect(await store.ballots.getBallot('map-1', 'round-a', 'g_bob')).toBeNull()
      expect(await store.ballots.discardRound('map-1', 'round-old')).toBe(1)
      expect(await store.ballots.roundsWithBallots('map-1')).toEqual(['round-a'])
      expect(await store.ballots.deleteBallots('map-1', 'round-a')).toBe(1)
      expect(await store.ballots.countBallots('map-1', 'round-a')).toBe(0)
      await store.deleteMap('map-2')
      expect(await store.ballots.countBallots('map-2', 'round-x')).toBe(0)
    })

    it('takes no ballot, nor takes one back, for a round once it is closed or discarded', async () => {
      await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '{"power":1}')
      expect(await store.ballots.closeRound('map-1', 'round-a')).toEqual(['{"power":1}'])
      expect(await store.ballots.putBallot('map-1', 'round-a', 'g_bob', '{}')).toBe(ROUND_CLOSED)
      expect(await store.ballots.putBallot('map-1', 'round-a', 'g_ann', null)).toBe(ROUND_CLOSED)
      // Closing again (a reveal retried) answers the same ballots.
      expect(await store.ballots.closeRound('map-1', 'round-a')).toEqual(['{"power":1}'])
      await store.ballots.discardRound('map-1', 'vote-b')
      expect(await store.ballots.putBallot('map-1', 'vote-b', 'g_ann', '[]')).toBe(ROUND_CLOSED)
      // Another map's round of the same id is its own.
      expect(await store.ballots.putBallot('map-2', 'round-a', 'g_ann', '{}')).toBe(1)
    })

    it('a close racing many ballots answers exactly the ballots it took', async () => {
      const voters = Array.from({ length: 30 }, (_, index) => `g_${index}`)
      const puts = voters.map((voter) =>
        store.ballots.putBallot('map-1', 'round-a', voter, JSON.stringify(voter)),
      )
      const closed = store.ballots.closeRound('map-1', 'round-a')
      const answers = await Promise.all(puts)
      const taken = voters.filter((_, index) => answers[index] !== ROUND_CLOSED)
      expect((await closed).map((json) => JSON.parse(json) as string).sort()).toEqual(taken.sort())
    })
  })
}
