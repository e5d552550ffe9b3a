/**
 * The storage contract of guest links (server/storage/GuestLinkRecords.ts), run on every
 * engine by guestLinkRecords.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MapStore } from '../../../server/storage/MapStore'
import type { StoreHarness } from './describeMapStore'

const hash = (byte: number): Uint8Array => new Uint8Array(32).fill(byte)
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** Registers the guest-link contract tests for the store that `open` creates. */
export function describeGuestLinkRecords(name: string, open: () => Promise<StoreHarness>): void {
  describe(`guest link records: ${name}`, () => {
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

    const facilitator = { name: 'Fenna', role: 'facilitator' as const }

    it('stores links by hash, any number per role, and finds each by its hash', async () => {
      const expiresAt = inDays(7)
      const first = await store.createGuestLink({
        id: 'gl-1',
        mapId: 'map-1',
        tokenHash: hash(10),
        role: 'viewer',
        expiresAt,
        createdBy: facilitator,
      })
      expect(first).toEqual({
        id: 'gl-1',
        role: 'viewer',
        createdAt: expect.any(String),
        expiresAt,
        revokedAt: null,
        createdBy: facilitator,
      })
      await new Promise((resolve) => setTimeout(resolve, 5))
      await store.createGuestLink({
        id: 'gl-2',
        mapId: 'map-1',
        tokenHash: hash(11),
        role: 'viewer',
        expiresAt: inDays(1),
        createdBy: { name: '', role: 'owner' },
      })
      await store.createGuestLink({
        id: 'gl-3',
        mapId: 'map-2',
        tokenHash: hash(12),
        role: 'editor',
        expiresAt: inDays(1),
        createdBy: facilitator,
      })
      // Newest first, only this map's links.
      expect((await store.listGuestLinks('map-1')).map((link) => link.id)).toEqual(['gl-2', 'gl-1'])
      expect(await store.findGuestLink(hash(10))).toEqual({ ...first, mapId: 'map-1' })
      expect((await store.findGuestLink(hash(12)))?.mapId).toBe('map-2')
      expect(await store.findGuestLink(hash(99))).toBeNull()
      // A token hash belongs to one link only.
      await expect(
        store.createGuestLink({
          id: 'gl-4',
          mapId: 'map-2',
          tokenHash: hash(10),
          role: 'editor',
          expiresAt: inDays(1),
          createdBy: facilitator,
        }),
      ).rejects.toThrow()
    })

    it('revokes a link of its own map once; another map cannot revoke it', async () => {
      await store.createGuestLink({
        id: 'gl-1',
        mapId: 'map-1',
        tokenHash: hash(10),
        role: 'editor',
        expiresAt: inDays(3),
        createdBy: facilitator,
      })
      expect(await store.revokeGuestLink('map-2', 'gl-1')).toBeNull()
      expect(await store.revokeGuestLink('map-1', 'nope')).toBeNull()
      expect((await store.findGuestLink(hash(10)))?.revokedAt).toBeNull()
      const revoked = await store.revokeGuestLink('map-1', 'gl-1')
      expect(revoked?.revokedAt).toEqual(expect.any(String))
      await new Promise((resolve) => setTimeout(resolve, 5))
      const again = await store.revokeGuestLink('map-1', 'gl-1')
      expect(again?.revokedAt).toBe(revoked?.revokedAt)
      expect((await store.findGuestLink(hash(10)))?.revokedAt).toBe(revoked?.revokedAt)
    })

    it("deletes a map's links with the map, and keeps them across a reopen", async () => {
      await store.createGuestLink({
        id: 'gl-1',
        mapId: 'map-1',
        tokenHash: hash(10),
        role: 'viewer',
        expiresAt: inDays(3),
        createdBy: facilitator,
      })
      const reopened = await harness.reopen()
      try {
        expect((await reopened.listGuestLinks('map-1')).map((link) => link.id)).toEqual(['gl-1'])
      } finally {
        await reopened.close()
      }
      await store.deleteMap('map-1')
      expect(await store.listGuestLinks('map-1')).toEqual([])
      expect(await store.findGuestLink(hash(10))).toBeNull()
    })
  })
}
