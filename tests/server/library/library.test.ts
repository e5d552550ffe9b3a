/**
 * Organisation mode's library and members on both storage engines: the session cookie
 * grants what the user's membership (own or a group's) holds, on HTTP and on the socket;
 * a non-member is refused (403 / 4403), no or a forged cookie is unauthorized (401 / 4401);
 * the last owner stays; a removed member's open socket closes within a second; the library
 * finds a map by a stakeholder's name and says who changed it last.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { stakeholdersMap, writeStakeholder } from '../../../shared/document/stakeholderDocument'
import type { CreateMapWithTokensResponse } from '../../../shared/protocol/accessApi'
import type {
  LibraryResponse,
  MapMembersResponse,
  UsersResponse,
} from '../../../shared/protocol/libraryApi'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { storageBackends } from '../storageBackends'
import { createFixture, nextClose, waitFor, waitForSync } from '../testServer'
import type { TestServer } from '../testServer'
import { ORGANISATION_ENV, cookieWebSocket, signInDirectly } from './signedInUsers'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** A fetch as the browser of whoever holds `cookie` (null: nobody signed in). */
function as(test: TestServer, cookie: string | null) {
  return (pathname: string, init: RequestInit = {}) =>
    fetch(`${test.httpUrl}${pathname}`, {
      ...init,
      headers: {
        ...(cookie === null ? {} : { cookie }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.headers as Record<string, string> | undefined),
      },
    })
}

async function createMapAs(test: TestServer, cookie: string, title = 'Windpark Noord') {
  const response = await as(test, cookie)('/api/maps', {
    method: 'POST',
    body: JSON.stringify({ title, template: 'blank' }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as CreateMapWithTokensResponse).id
}

const putMember = (test: TestServer, cookie: string, mapId: string, member: string, role: string) =>
  as(test, cookie)(`/api/maps/${mapId}/members/${member}`, {
    method: 'PUT',
    body: JSON.stringify({ role }),
  })

describe.each(await storageBackends())('the library on $name', (backend) => {
  const start = async () => fixture.startServer({ ...ORGANISATION_ENV, ...(await backend.env()) })

  it('lets only a signed-in member create maps, and makes them the owner', async () => {
    const test = await start()
    const refused = await as(test, null)('/api/maps', {
      method: 'POST',
      body: JSON.stringify({ title: 'Nope', template: 'blank' }),
    })
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'sign-in-required',
    )
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const mapId = await createMapAs(test, ann.cookie)
    const map = await as(test, ann.cookie)(`/api/maps/${mapId}`)
    expect(await map.json()).toMatchObject({ id: mapId, role: 'owner' })
    const library = (await (await as(test, ann.cookie)('/api/library')).json()) as LibraryResponse
    expect(library.maps).toMatchObject([{ id: mapId, title: 'Windpark Noord', role: 'owner' }])
    expect((await as(test, null)('/api/library')).status).toBe(401)
  })

  it('refuses a non-member with 403 and 4403, and a missing or forged cookie with 401 and 4401', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(test.server.store, 'bob', 'Bob Jansen')
    const mapId = await createMapAs(test, ann.cookie)
    const forged = `sc_session=${randomBytes(32).toString('base64url')}`

    expect((await as(test, bob.cookie)(`/api/maps/${mapId}`)).status).toBe(403)
    expect((await as(test, forged)(`/api/maps/${mapId}`)).status).toBe(401)
    expect((await as(test, null)(`/api/maps/${mapId}`)).status).toBe(401)
    const socketOf = (cookie: string) =>
      fixture.connectClient(test, mapId, new Y.Doc(), {
        token: null,
        WebSocketPolyfill: cookieWebSocket(cookie),
      })
    expect(await nextClose(socketOf(bob.cookie))).toBe(4403)
    expect(await nextClose(socketOf(forged))).toBe(4401)
    const owner = socketOf(ann.cookie)
    await waitForSync(owner)
    expect(owner.wsconnected).toBe(true)
  })

  it('gives a group member its role, and a viewer member cannot write', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const vera = await signInDirectly(test.server.store, 'vera', 'Vera Kok', ['audit'])
    const mapId = await createMapAs(test, ann.cookie)
    expect((await putMember(test, ann.cookie, mapId, 'group/audit', 'viewer')).status).toBe(204)
    expect(await (await as(test, vera.cookie)(`/api/maps/${mapId}`)).json()).toMatchObject({
      role: 'viewer',
    })
    const connect = (cookie: string) => {
      const client = fixture.connectClient(test, mapId, new Y.Doc(), {
        token: null,
        WebSocketPolyfill: cookieWebSocket(cookie),
      })
      return client
    }
    const viewer = connect(vera.cookie)
    const owner = connect(ann.cookie)
    await Promise.all([waitForSync(viewer), waitForSync(owner)])
    writeStakeholder(viewer.doc, createStakeholder({ id: 'sh-viewer', name: 'Mag niet' }))
    writeStakeholder(owner.doc, createStakeholder({ id: 'sh-owner', name: 'Mag wel' }))
    await waitFor(() => stakeholdersMap(viewer.doc).has('sh-owner'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(stakeholdersMap(owner.doc).has('sh-viewer')).toBe(false)
    const stored = new Y.Doc()
    for (const update of (await test.server.store.loadUpdates(mapId)).updates) {
      Y.applyUpdate(stored, update)
    }
    expect(stakeholdersMap(stored).has('sh-viewer')).toBe(false)
    expect(stakeholdersMap(stored).has('sh-owner')).toBe(true)
  })

  it('keeps the last owner, and closes a removed member’s open socket within a second', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(test.server.store, 'bob', 'Bob Jansen')
    const mapId = await createMapAs(test, ann.cookie)
    const last = await as(test, ann.cookie)(`/api/maps/${mapId}/members/user/${ann.user.id}`, {
      method: 'DELETE',
    })
    expect(last.status).toBe(409)
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe('last-owner')
    expect((await putMember(test, ann.cookie, mapId, `user/${ann.user.id}`, 'editor')).status).toBe(
      409,
    )
    expect((await putMember(test, ann.cookie, mapId, 'user/u_nobody', 'editor')).status).toBe(404)
    expect((await putMember(test, ann.cookie, mapId, `user/${bob.user.id}`, 'editor')).status).toBe(
      204,
    )
    // An editor may not manage members.
    expect((await as(test, bob.cookie)(`/api/maps/${mapId}/members`)).status).toBe(403)
    const members = (await (
      await as(test, ann.cookie)(`/api/maps/${mapId}/members`)
    ).json()) as MapMembersResponse
    expect(members.members.map((m) => [m.name, m.role])).toEqual([
      ['Ann Smit', 'owner'],
      ['Bob Jansen', 'editor'],
    ])

    const bobSocket = fixture.connectClient(test, mapId, new Y.Doc(), {
      token: null,
      WebSocketPolyfill: cookieWebSocket(bob.cookie),
    })
    const annSocket = fixture.connectClient(test, mapId, new Y.Doc(), {
      token: null,
      WebSocketPolyfill: cookieWebSocket(ann.cookie),
    })
    await Promise.all([waitForSync(bobSocket), waitForSync(annSocket)])
    // Organisation mode has no role links to reissue.
    const reissued = await fetch(`${test.httpUrl}/api/maps/${mapId}/tokens/owner`, {
      method: 'POST',
      headers: { cookie: ann.cookie },
    })
    expect(reissued.status).toBe(403)
    expect(((await reissued.json()) as { error: { code: string } }).error.code).toBe(
      'role-links-off',
    )
    expect(annSocket.wsconnected).toBe(true)
    const closed = nextClose(bobSocket)
    const started = Date.now()
    const removed = await as(test, ann.cookie)(`/api/maps/${mapId}/members/user/${bob.user.id}`, {
      method: 'DELETE',
    })
    expect(removed.status).toBe(204)
    expect(await closed).toBe(4403)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(annSocket.wsconnected).toBe(true)
    expect((await as(test, bob.cookie)(`/api/maps/${mapId}`)).status).toBe(403)
  })

  it('demoting a group closes the sockets of its members whose role fell, not of those who keep it', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const vera = await signInDirectly(test.server.store, 'vera', 'Vera Kok', ['audit'])
    const wim = await signInDirectly(test.server.store, 'wim', 'Wim Bos', ['audit'])
    const mapId = await createMapAs(test, ann.cookie)
    await putMember(test, ann.cookie, mapId, 'group/audit', 'editor')
    await putMember(test, ann.cookie, mapId, `user/${wim.user.id}`, 'editor')
    const connect = (cookie: string) =>
      fixture.connectClient(test, mapId, new Y.Doc(), {
        token: null,
        WebSocketPolyfill: cookieWebSocket(cookie),
      })
    const veraSocket = connect(vera.cookie)
    const wimSocket = connect(wim.cookie)
    await Promise.all([waitForSync(veraSocket), waitForSync(wimSocket)])
    const closed = nextClose(veraSocket)
    expect((await putMember(test, ann.cookie, mapId, 'group/audit', 'viewer')).status).toBe(204)
    expect(await closed).toBe(4403)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(wimSocket.wsconnected).toBe(true)
  })

  it('refuses a member change posted from a foreign page', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(test.server.store, 'bob', 'Bob Jansen')
    const mapId = await createMapAs(test, ann.cookie)
    const forged = await as(test, ann.cookie)(`/api/maps/${mapId}/members/user/${bob.user.id}`, {
      method: 'PUT',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ role: 'owner' }),
    })
    expect(forged.status).toBe(403)
    expect(await test.server.store.library.roleOf(mapId, bob.user.id, [])).toBeNull()
  })

  it('closes the sockets of a session that signs out with 4401, and only those', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const otherDevice = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const mapId = await createMapAs(test, ann.cookie)
    const connect = (cookie: string) =>
      fixture.connectClient(test, mapId, new Y.Doc(), {
        token: null,
        WebSocketPolyfill: cookieWebSocket(cookie),
      })
    const here = connect(ann.cookie)
    const there = connect(otherDevice.cookie)
    await Promise.all([waitForSync(here), waitForSync(there)])
    const closed = nextClose(here)
    const started = Date.now()
    const out = await as(test, ann.cookie)('/auth/logout', {
      method: 'POST',
      headers: { origin: test.httpUrl },
      redirect: 'manual',
    })
    expect(out.status).toBe(303)
    expect(await closed).toBe(4401)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(there.wsconnected).toBe(true)
  })

  it('closes a member’s open socket with 4401 when the session reaches its absolute expiry', async () => {
    const test = await start()
    const owner = await signInDirectly(test.server.store, 'olga', 'Olga Eigenaar')
    const mapId = await createMapAs(test, owner.cookie)
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit', [], 1500)
    expect(
      (await putMember(test, owner.cookie, mapId, `user/${ann.user.id}`, 'editor')).status,
    ).toBe(204)
    const client = fixture.connectClient(test, mapId, new Y.Doc(), {
      token: null,
      WebSocketPolyfill: cookieWebSocket(ann.cookie),
    })
    await waitForSync(client)
    const closed = nextClose(client)
    const started = Date.now()
    expect(await closed).toBe(4401)
    // Closed at the expiry (about 1.5 s after sign-in), not long after it.
    expect(Date.now() - started).toBeLessThan(2500)
    expect((await as(test, ann.cookie)(`/api/maps/${mapId}`)).status).toBe(401)
  })

  it('finds a map by a stakeholder’s name and says who changed it last', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const mapId = await createMapAs(test, ann.cookie, 'Windpark Noord')
    await createMapAs(test, ann.cookie, 'Haven Zuid')
    const client = fixture.connectClient(test, mapId, new Y.Doc(), {
      token: null,
      WebSocketPolyfill: cookieWebSocket(ann.cookie),
    })
    await waitForSync(client)
    writeStakeholder(client.doc, createStakeholder({ id: 'sh-1', name: 'Vogelbescherming' }))
    writeStakeholder(client.doc, createStakeholder({ id: 'sh-2', name: 'Gemeente Emmen' }))
    const search = async (q: string) =>
      (
        (await (
          await as(test, ann.cookie)(`/api/library?q=${encodeURIComponent(q)}`)
        ).json()) as LibraryResponse
      ).maps
    await waitFor(async () => (await search('vogel')).length === 1)
    expect(await search('vogel')).toMatchObject([
      { id: mapId, updatedBy: 'Ann Smit', stakeholderCount: 2, role: 'owner' },
    ])
    expect((await search('haven')).map((m) => m.title)).toEqual(['Haven Zuid'])
    expect(await search('nergens')).toEqual([])
    const byTitle = (
      (await (await as(test, ann.cookie)('/api/library?sort=title')).json()) as LibraryResponse
    ).maps
    expect(byTitle.map((m) => m.title)).toEqual(['Haven Zuid', 'Windpark Noord'])
    // A rename inside a record reaches the search as well.
    const record = client.doc.getMap('stakeholders').get('sh-1') as Y.Map<unknown>
    record.set('name', 'Natuurmonumenten')
    await waitFor(async () => (await search('natuur')).length === 1)
    expect(await search('vogel')).toEqual([])
    expect(await search('natuur')).toMatchObject([{ id: mapId, stakeholderCount: 2 }])
  })

  it('archives and restores for owners and facilitators, deletes for owners only', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(test.server.store, 'bob', 'Bob Jansen')
    const mapId = await createMapAs(test, ann.cookie)
    await putMember(test, ann.cookie, mapId, `user/${bob.user.id}`, 'facilitator')
    const list = async (archived: 0 | 1) =>
      (
        (await (
          await as(test, bob.cookie)(`/api/library?archived=${archived}`)
        ).json()) as LibraryResponse
      ).maps.map((m) => m.id)
    expect(
      (await as(test, bob.cookie)(`/api/maps/${mapId}/archive`, { method: 'POST' })).status,
    ).toBe(204)
    expect(await list(0)).toEqual([])
    expect(await list(1)).toEqual([mapId])
    expect(
      (await as(test, bob.cookie)(`/api/maps/${mapId}/restore`, { method: 'POST' })).status,
    ).toBe(204)
    expect(await list(0)).toEqual([mapId])
    expect((await as(test, bob.cookie)(`/api/maps/${mapId}`, { method: 'DELETE' })).status).toBe(
      403,
    )
    expect((await as(test, ann.cookie)(`/api/maps/${mapId}`, { method: 'DELETE' })).status).toBe(
      204,
    )
    expect(await list(0)).toEqual([])
  })

  it('lets an organisation admin see every map and give it a new owner', async () => {
    const test = await start()
    const ann = await signInDirectly(test.server.store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(test.server.store, 'bob', 'Bob Jansen')
    const admin = await signInDirectly(test.server.store, 'root', 'Ada Admin', ['canvas-admins'])
    const mapId = await createMapAs(test, ann.cookie)
    const seen = (await (await as(test, admin.cookie)('/api/library')).json()) as LibraryResponse
    expect(seen.maps).toMatchObject([{ id: mapId, role: 'owner' }])
    expect(
      (await putMember(test, admin.cookie, mapId, `user/${bob.user.id}`, 'owner')).status,
    ).toBe(204)
    expect(
      (
        await as(test, admin.cookie)(`/api/maps/${mapId}/members/user/${ann.user.id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204)
    expect(await (await as(test, bob.cookie)(`/api/maps/${mapId}`)).json()).toMatchObject({
      role: 'owner',
    })
    const found = (await (await as(test, bob.cookie)('/api/users?q=ann')).json()) as UsersResponse
    expect(found.users).toEqual([{ id: ann.user.id, name: 'Ann Smit', email: 'ann@example.org' }])
    expect((await as(test, null)('/api/users?q=ann')).status).toBe(401)
  })
})

describe('open mode', () => {
  it('has no library and creates maps without sign-in, as before', async () => {
    const test = await fixture.startServer()
    expect((await fetch(`${test.httpUrl}/api/library`)).status).toBe(404)
    const response = await fetch(`${test.httpUrl}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Open', template: 'blank' }),
    })
    expect(response.status).toBe(201)
  })
})
