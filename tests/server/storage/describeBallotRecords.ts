/**
 * The storage contract of ballots (server/storage/BallotRecords.ts), run on every engine by
 * ballotRecords.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
      expect((await store.ballots.listBallots('map-1', 'round-a')).sort()).toEqual([
        '{"power":4}',
        '{"power":5}',
      ])
      expect(await store.ballots.countBallots('map-1', 'round-a')).toBe(2)
    })

    it('keeps rounds and maps apart, and survives a reopen', async () => {
      await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '["x"]')
      await store.ballots.putBallot('map-1', 'vote-b', 'g_ann', '["y"]')
      await store.ballots.putBallot('map-2', 'round-a', 'g_ann', '["z"]')
      const reopened = await harness.reopen()
      try {
        expect(await reopened.ballots.listBallots('map-1', 'round-a')).toEqual(['["x"]'])
        expect(await reopened.ballots.listBallots('map-1', 'vote-b')).toEqual(['["y"]'])
        expect(await reopened.ballots.listBallots('map-2', 'round-a')).toEqual(['["z"]'])
      } finally {
        await reopened.close()
      }
    })

    it('deletes a voter, a round, or the other rounds of a kind, and goes with the map', async () => {
      await store.ballots.putBallot('map-1', 'round-a', 'g_ann', '{}')
      await store.ballots.putBallot('map-1', 'round-a', 'g_bob', '{}')
      await store.ballots.putBallot('map-1', 'round-old', 'g_ann', '{}')
      await store.ballots.putBallot('map-1', 'vote-b', 'g_ann', '[]')
      await store.ballots.putBallot('map-2', 'round-x', 'g_ann', '{}')
      await store.ballots.deleteVoter('map-1', 'round-a', 'g_bob')
      expect(await store.ballots.countBallots('map-1', 'round-a')).toBe(1)
      expect(await store.ballots.deleteOtherRounds('map-1', 'round-', 'round-a')).toBe(1)
      expect(await store.ballots.countBallots('map-1', 'round-old')).toBe(0)
      expect(await store.ballots.countBallots('map-1', 'vote-b')).toBe(1)
      expect(await store.ballots.deleteBallots('map-1', 'round-a')).toBe(1)
      expect(await store.ballots.countBallots('map-1', 'round-a')).toBe(0)
      await store.deleteMap('map-2')
      expect(await store.ballots.countBallots('map-2', 'round-x')).toBe(0)
    })
  })
}
