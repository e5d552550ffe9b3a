/**
 * The storage contract of confirmation links (server/storage/ConfirmationLinkRecords.ts),
 * run on every engine by confirmationLinkRecords.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StakeholderAnswer } from '../../../shared/confirmation/stakeholderAnswer'
import type { MapStore } from '../../../server/storage/MapStore'
import type { NewConfirmationLink } from '../../../server/storage/ConfirmationLinkRecords'
import type { StoreHarness } from './describeMapStore'

const hash = (byte: number): Uint8Array => new Uint8Array(32).fill(byte)

function newLink(id: string, byte: number, expiresAt: string): NewConfirmationLink {
  return {
    id,
    mapId: 'map-1',
    stakeholderId: 'union',
    entryId: 'log-1',
    tokenHash: hash(byte),
    expiresAt,
    createdBy: { name: 'Ann', role: 'editor' },
  }
}

function answerOf(linkId: string, answeredAt: string, comments = ''): StakeholderAnswer {
  return {
    linkId,
    stakeholderId: 'union',
    entryId: 'log-1',
    verdict: 'confirmed',
    corrections: '',
    comments,
    answeredAt,
    language: 'nl',
    askedBy: { name: 'Ann', role: 'editor' },
    summary: {
      stakeholderName: 'Farmers union',
      date: '2026-04-02',
      step: 'identify-assess',
      method: '',
      informationShared: '',
      inputReceived: '',
      howInputWasUsed: '',
      followUp: '',
    },
  }
}

/** Registers the confirmation-link contract tests for the store that `open` creates. */
export function describeConfirmationLinkRecords(
  name: string,
  open: () => Promise<StoreHarness>,
): void {
  describe(`confirmation link records: ${name}`, () => {
    let harness: StoreHarness
    let store: MapStore
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const now = new Date().toISOString()

    beforeEach(async () => {
      harness = await open()
      store = harness.store
      await store.createMap({ id: 'map-1', title: 'One', template: 'blank' }, { owner: hash(1) })
    })

    afterEach(async () => {
      await store.close()
      await harness.cleanup()
    })

    it('finds a link by its token hash only, and lists it without one', async () => {
      await store.confirmationLinks.create(newLink('link-a', 7, future))
      const found = await store.confirmationLinks.find(hash(7))
      expect(found).toMatchObject({ id: 'link-a', mapId: 'map-1', entryId: 'log-1', answer: null })
      expect(await store.confirmationLinks.find(hash(8))).toBeNull()
      const [listed] = await store.confirmationLinks.list('map-1')
      expect(listed).toMatchObject({ id: 'link-a', createdBy: { name: 'Ann', role: 'editor' } })
      expect(JSON.stringify(listed)).not.toContain('token')
    })

    it('takes one answer per link: the second is refused and the first kept', async () => {
      await store.confirmationLinks.create(newLink('link-a', 7, future))
      expect(await store.confirmationLinks.answer('link-a', answerOf('link-a', now, 'first'))).toBe(
        true,
      )
      expect(
        await store.confirmationLinks.answer('link-a', answerOf('link-a', now, 'second')),
      ).toBe(false)
      expect((await store.confirmationLinks.find(hash(7)))?.answer?.comments).toBe('first')
    })

    it('takes no answer once revoked or expired, and keeps the first revocation time', async () => {
      await store.confirmationLinks.create(newLink('link-a', 7, future))
      await store.confirmationLinks.create(newLink('link-b', 9, now))
      const revoked = await store.confirmationLinks.revoke('map-1', 'link-a')
      expect(revoked?.revokedAt).not.toBeNull()
      const again = await store.confirmationLinks.revoke('map-1', 'link-a')
      expect(again?.revokedAt).toBe(revoked?.revokedAt)
      expect(await store.confirmationLinks.answer('link-a', answerOf('link-a', now))).toBe(false)
      const later = new Date(Date.now() + 1000).toISOString()
      expect(await store.confirmationLinks.answer('link-b', answerOf('link-b', later))).toBe(false)
      expect(await store.confirmationLinks.revoke('map-2', 'link-a')).toBeNull()
    })

    it('goes with its map when the map is deleted', async () => {
      await store.confirmationLinks.create(newLink('link-a', 7, future))
      await store.deleteMap('map-1')
      expect(await store.confirmationLinks.find(hash(7))).toBeNull()
    })
  })
}
