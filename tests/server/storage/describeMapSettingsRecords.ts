/**
 * The storage contract of a map's own settings (server/storage/MapSettingsRecords.ts), run
 * on every engine by mapSettingsRecords.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MapStore } from '../../../server/storage/MapStore'
import type { StoreHarness } from './describeMapStore'

const hash = (byte: number): Uint8Array => new Uint8Array(32).fill(byte)

/** Registers the map-settings contract tests for the store that `open` creates. */
export function describeMapSettingsRecords(name: string, open: () => Promise<StoreHarness>): void {
  describe(`map settings records: ${name}`, () => {
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

    it('a new map has no guest-link choice of its own: it follows the default', async () => {
      expect(await store.mapSettings.getGuestLinks('map-1')).toBeNull()
    })

    it('keeps each map its own choice, across a reopen, and clears it back to the default', async () => {
      expect(await store.mapSettings.setGuestLinks('map-1', 'forbidden')).toBe(true)
      expect(await store.mapSettings.setGuestLinks('map-2', 'allowed')).toBe(true)
      const reopened = await harness.reopen()
      try {
        expect(await reopened.mapSettings.getGuestLinks('map-1')).toBe('forbidden')
        expect(await reopened.mapSettings.getGuestLinks('map-2')).toBe('allowed')
        expect(await reopened.mapSettings.setGuestLinks('map-1', null)).toBe(true)
        expect(await reopened.mapSettings.getGuestLinks('map-1')).toBeNull()
        expect(await reopened.mapSettings.getGuestLinks('map-2')).toBe('allowed')
      } finally {
        await reopened.close()
      }
    })

    it('answers no choice and changes nothing for a map that does not exist', async () => {
      expect(await store.mapSettings.setGuestLinks('no-such-map', 'forbidden')).toBe(false)
      expect(await store.mapSettings.getGuestLinks('no-such-map')).toBeNull()
    })

    it('leaves the map as it was otherwise, and goes with the map when it is deleted', async () => {
      const before = await store.getMap('map-1')
      await store.mapSettings.setGuestLinks('map-1', 'forbidden')
      expect(await store.getMap('map-1')).toEqual(before)
      await store.deleteMap('map-1')
      expect(await store.mapSettings.getGuestLinks('map-1')).toBeNull()
      await store.createMap({ id: 'map-1', title: 'Again', template: 'blank' }, { owner: hash(3) })
      expect(await store.mapSettings.getGuestLinks('map-1')).toBeNull()
    })
  })
}
