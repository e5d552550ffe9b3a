/**
 * The contract of {@link LibraryRecords} (members and the library of issue 18), run on
 * every engine by its own test file (SQLite, PostgreSQL) through the store's `library` part.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryQuery, LibraryRecords } from '../../../server/storage/LibraryRecords'
import type { MapStore } from '../../../server/storage/MapStore'
import type { StoreHarness } from './describeMapStore'

const everyone = (userId: string, more: Partial<LibraryQuery> = {}): LibraryQuery => ({
  userId,
  groups: [],
  admin: false,
  q: '',
  archived: false,
  sort: 'title',
  ...more,
})

export function describeLibraryRecords(name: string, open: () => Promise<StoreHarness>): void {
  describe(`LibraryRecords contract: ${name}`, () => {
    let harness: StoreHarness
    let store: MapStore
    let library: LibraryRecords

    beforeEach(async () => {
      harness = await open()
      store = harness.store
      library = store.library
    })
    afterEach(async () => {
      await store.close()
      await harness.cleanup()
    })

    async function mapOf(id: string, title: string, owner: string) {
      await store.createMap({ id, title, template: 'blank' })
      await library.claimMap(id, owner)
    }

    it('makes the creator the owner and gives a user the strongest of own and group roles', async () => {
      await mapOf('map-one', 'One', 'u_ann')
      expect(await library.roleOf('map-one', 'u_ann', [])).toBe('owner')
      expect(await library.roleOf('map-one', 'u_bob', ['sales'])).toBeNull()
      await library.putMember('map-one', 'group', 'sales', 'editor')
      await library.putMember('map-one', 'user', 'u_bob', 'viewer')
      expect(await library.roleOf('map-one', 'u_bob', [])).toBe('viewer')
      expect(await library.roleOf('map-one', 'u_bob', ['sales', 'other'])).toBe('editor')
      const members = await library.listMembers('map-one')
      expect(members.map((m) => [m.kind, m.id, m.role])).toEqual([
        ['user', 'u_ann', 'owner'],
        ['group', 'sales', 'editor'],
        ['user', 'u_bob', 'viewer'],
      ])
    })

    it('refuses to remove or demote the last owner, and allows it once there is another', async () => {
      await mapOf('map-one', 'One', 'u_ann')
      expect(await library.removeMember('map-one', 'user', 'u_ann')).toEqual({
        ok: false,
        reason: 'last-owner',
      })
      expect(await library.putMember('map-one', 'user', 'u_ann', 'editor')).toEqual({
        ok: false,
        reason: 'last-owner',
      })
      expect(await library.putMember('map-one', 'group', 'board', 'owner')).toMatchObject({
        ok: true,
      })
      expect(await library.putMember('map-one', 'user', 'u_ann', 'editor')).toEqual({
        ok: true,
        changed: true,
      })
      expect(await library.removeMember('map-one', 'group', 'board')).toMatchObject({ ok: false })
      expect(await library.removeMember('map-one', 'user', 'u_ann')).toEqual({
        ok: true,
        changed: true,
      })
      expect(await library.roleOf('map-one', 'u_ann', [])).toBeNull()
    })

    it('lists the maps a user may open, searches titles and stakeholder names, archives apart', async () => {
      await mapOf('map-one', 'Windpark Noord', 'u_ann')
      await mapOf('map-two', 'Ändere Karte', 'u_ann')
      await mapOf('map-other', 'Not Ann’s', 'u_bob')
      await library.recordSummary('map-two', {
        stakeholderNames: ['Gemeente Utrecht', 'Vogelbescherming'],
        updatedBy: 'Ann Smit',
      })
      const all = await library.listLibrary(everyone('u_ann'))
      expect(all.map((m) => m.title)).toEqual(['Ändere Karte', 'Windpark Noord'])
      expect(all[0]).toMatchObject({
        id: 'map-two',
        role: 'owner',
        updatedBy: 'Ann Smit',
        stakeholderCount: 2,
        archived: false,
      })
      const found = await library.listLibrary(everyone('u_ann', { q: 'vogel' }))
      expect(found.map((m) => m.id)).toEqual(['map-two'])
      expect((await library.listLibrary(everyone('u_ann', { q: 'ändere' }))).length).toBe(1)
      await library.setArchived('map-one', true)
      expect((await library.listLibrary(everyone('u_ann'))).map((m) => m.id)).toEqual(['map-two'])
      const archived = await library.listLibrary(everyone('u_ann', { archived: true }))
      expect(archived).toMatchObject([{ id: 'map-one', archived: true }])
      await library.setArchived('map-one', false)
      expect((await library.listLibrary(everyone('u_ann'))).length).toBe(2)
      const admin = await library.listLibrary(everyone('u_zed', { admin: true }))
      expect(admin.map((m) => [m.id, m.role])).toEqual([
        ['map-two', 'owner'],
        ['map-other', 'owner'],
        ['map-one', 'owner'],
      ])
      // A summary without a signed-in writer keeps the last one's name.
      await library.recordSummary('map-two', { stakeholderNames: [], updatedBy: null })
      expect((await library.listLibrary(everyone('u_ann', { q: 'ändere' })))[0]).toMatchObject({
        updatedBy: 'Ann Smit',
        stakeholderCount: 0,
      })
    })

    it('lists the maps whose summary was never stored, and fills in only those', async () => {
      await mapOf('map-one', 'One', 'u_ann')
      await mapOf('map-two', 'Two', 'u_ann')
      expect(await library.listUnsummarisedMaps(10)).toEqual(['map-one', 'map-two'])
      expect(await library.listUnsummarisedMaps(1)).toEqual(['map-one'])
      await library.recordSummary('map-one', { stakeholderNames: ['Live'], updatedBy: null })
      // A room stored one for map-one: the backfill's older view is not written there.
      expect(await library.recordMissingSummary('map-one', ['Old', 'Older'])).toBe(false)
      expect(await library.recordMissingSummary('map-two', ['Farmers union'])).toBe(true)
      expect(await library.recordMissingSummary('map-two', [])).toBe(false)
      expect(await library.listUnsummarisedMaps(10)).toEqual([])
      const listed = await library.listLibrary(everyone('u_ann', { q: 'farmers' }))
      expect(listed).toMatchObject([{ id: 'map-two', stakeholderCount: 1 }])
      expect((await library.listLibrary(everyone('u_ann', { q: 'live' })))[0]).toMatchObject({
        id: 'map-one',
        stakeholderCount: 1,
      })
    })

    it('lists members with the user’s name and forgets them when the map is deleted', async () => {
      const ann = await store.identities.upsertUser({
        issuer: 'https://login.example.org',
        subject: 'ann',
        name: 'Ann Smit',
        email: 'ann@example.org',
        groups: [],
      })
      await mapOf('map-one', 'One', ann.id)
      expect(await library.listMembers('map-one')).toMatchObject([
        {
          kind: 'user',
          id: ann.id,
          role: 'owner',
          user: { name: 'Ann Smit', email: 'ann@example.org' },
        },
      ])
      await store.deleteMap('map-one')
      expect(await library.listMembers('map-one')).toEqual([])
      expect(await library.listLibrary(everyone(ann.id))).toEqual([])
    })
  })
}
