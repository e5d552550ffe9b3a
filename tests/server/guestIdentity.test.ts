/**
 * Issue 18, attacking our own feature: a guest session gives a socket a server-known id and
 * name, and nothing the guest's client claims changes them. Run on every storage engine, with
 * the published y-websocket client and raw sockets.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { HANDS_ARRAY, WORKSHOP_MAP } from '../../shared/document/mapDocumentLayout'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import type { AuditEntry, VersionSummary } from '../../shared/protocol/accessApi'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { CreateGuestResponse } from '../../shared/protocol/guestApi'
import type { Role } from '../../shared/protocol/roles'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { raiseHand } from '../../shared/workshop/raisedHands'
import { GUEST_SESSION_BURST } from '../../server/http/createGuestRoutes'
import { storageBackends } from './storageBackends'
import {
  type TestServer,
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  tokenOf,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
const providers = new Set<WebsocketProvider>()
afterEach(async () => {
  for (const provider of providers) provider.destroy()
  providers.clear()
  await fixture.cleanup()
})

/** Starts a guest session on `mapId` with the role's link, as the browser does on opening. */
async function startGuest(test: TestServer, mapId: string, role: Role, name: string) {
  const response = await apiFetch(test, mapId, role, `/api/maps/${mapId}/guests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as CreateGuestResponse
}

/** The published client on the map document, with the link token and a guest session. */
function connectGuest(test: TestServer, mapId: string, role: Role, guestToken: string | null) {
  const params: Record<string, string> = { token: tokenOf(test, mapId, role) }
  if (guestToken !== null) params['guest'] = guestToken
  const provider = new WebsocketProvider(test.syncUrl, mapId, new Y.Doc(), {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  providers.add(provider)
  return provider
}

/** The `user` field others see for a client id. */
function userSeen(
  observer: WebsocketProvider,
  client: number,
): Record<string, unknown> | undefined {
  return observer.awareness.getStates().get(client)?.['user'] as Record<string, unknown> | undefined
}

describe.each(await storageBackends())('guest identities on $name', ({ env }) => {
  it('limits the guest sessions one address may start, and the map still opens without one', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const start = () =>
      apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/guests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Script' }),
      })
    for (let started = 0; started < GUEST_SESSION_BURST; started += 1) {
      expect((await start()).status).toBe(201)
    }
    const refused = await start()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate-limited')
    // Refused a session, a browser opens the map as a guest of its connection.
    const provider = connectGuest(test, mapId, 'viewer', null)
    await waitForSync(provider)
  })

  it('shows the server’s id and name to the others, whatever id and name a guest claims', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const ada = await startGuest(test, mapId, 'editor', 'Ada')
    const mallory = await startGuest(test, mapId, 'editor', 'Mallory')
    expect(ada.guest).toMatchObject({ kind: 'guest', name: 'Ada' })
    expect(ada.guest.id).toMatch(/^g_/)
    expect(ada.guest.id).not.toBe(mallory.guest.id)

    const observer = connectGuest(test, mapId, 'viewer', null)
    const attacker = connectGuest(test, mapId, 'editor', mallory.guestToken)
    await Promise.all([waitForSync(observer), waitForSync(attacker)])
    attacker.awareness.setLocalState({
      user: { id: ada.guest.id, userId: ada.guest.id, name: 'Ada', kind: 'user', color: '#f00' },
      presence: { userId: `user:${ada.guest.id}`, userName: 'Ada', cursor: { x: 1, y: 2 } },
    })
    const client = attacker.doc.clientID
    await waitFor(() => userSeen(observer, client) !== undefined)
    expect(userSeen(observer, client)).toEqual({
      id: mallory.guest.id,
      userId: mallory.guest.id,
      name: 'Mallory',
      kind: 'guest',
      color: '#f00',
    })
    const presence = observer.awareness.getStates().get(client)?.['presence']
    expect(presence).toEqual({
      userId: `user:${mallory.guest.id}`,
      userName: 'Mallory',
      cursor: { x: 1, y: 2 },
    })
  })

  it('refuses a hand under another guest’s id, and any vote or score in the document', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const ada = await startGuest(test, mapId, 'editor', 'Ada')
    const mallory = await startGuest(test, mapId, 'editor', 'Mallory')
    const attacks: [string, (doc: Y.Doc) => void][] = [
      ['hand', (doc) => raiseHand(doc, ada.guest.id, 'Ada', 1)],
      ['vote', (doc) => doc.getMap(WORKSHOP_MAP).set(`vote:v-1:${ada.guest.id}`, ['sh-1'])],
      ['score', (doc) => doc.getMap(WORKSHOP_MAP).set(`score:r-1:${ada.guest.id}`, { power: 5 })],
      // Ballots go to the server (ballots.test.ts): not even one's own is taken here.
      ['own vote', (doc) => doc.getMap(WORKSHOP_MAP).set(`vote:v-1:${mallory.guest.id}`, ['sh-1'])],
      ['hand without an id', (doc) => doc.getArray(HANDS_ARRAY).push([{ name: 'Ada' }])],
    ]
    for (const [what, attack] of attacks) {
      const attacker = connectGuest(test, mapId, 'editor', mallory.guestToken)
      await waitForSync(attacker)
      const closed = nextClose(attacker)
      attack(attacker.doc)
      expect(await closed, what).toBe(CloseCode.policyViolation)
      attacker.destroy()
    }
    // Under her own id, Mallory's hand is taken.
    const honest = connectGuest(test, mapId, 'editor', mallory.guestToken)
    await waitForSync(honest)
    raiseHand(honest.doc, mallory.guest.id, 'Mallory', 2)
    const reader = connectGuest(test, mapId, 'viewer', null)
    await waitFor(() => reader.doc.getArray(HANDS_ARRAY).length === 1)
    expect(reader.doc.getArray(HANDS_ARRAY).toJSON()).toEqual([
      { userId: mallory.guest.id, name: 'Mallory', raisedAt: 2 },
    ])
    expect(reader.doc.getMap(WORKSHOP_MAP).size).toBe(0)
    expect(honest.wsconnected).toBe(true)
  })

  it('keeps a token-only socket from writing under a guest’s server-issued id', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const ada = await startGuest(test, mapId, 'editor', 'Ada')
    const script = connectGuest(test, mapId, 'owner', null)
    await waitForSync(script)
    const closed = nextClose(script)
    raiseHand(script.doc, ada.guest.id, 'Ada', 1)
    expect(await closed).toBe(CloseCode.policyViolation)
  })

  it('lets no token-only socket pass for a guest in presence', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const ada = await startGuest(test, mapId, 'editor', 'Ada')
    const observer = connectGuest(test, mapId, 'viewer', null)
    const script = connectGuest(test, mapId, 'editor', null)
    await Promise.all([waitForSync(observer), waitForSync(script)])
    script.awareness.setLocalStateField('user', { userId: ada.guest.id, name: 'Ada' })
    const client = script.doc.clientID
    await waitFor(() => userSeen(observer, client) !== undefined)
    const seen = userSeen(observer, client)
    expect(seen?.['userId']).not.toBe(ada.guest.id)
    expect(seen?.['userId']).toBe(seen?.['id'])
    expect(seen?.['kind']).toBe('guest')
  })

  it('refuses a socket whose guest session is not one of this map (4401)', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const other = await createMap(test)
    const elsewhere = await startGuest(test, other, 'editor', 'Ada')
    const socket = connectGuest(test, mapId, 'editor', elsewhere.guestToken)
    expect(await nextClose(socket)).toBe(CloseCode.unauthorized)
  })

  it('names the guest, with kind guest and id, in the audit trail and on a named version', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const ada = await startGuest(test, mapId, 'editor', 'Ada')
    const tess = await startGuest(test, mapId, 'facilitator', 'Trainer Tess')
    const editor = connectGuest(test, mapId, 'editor', ada.guestToken)
    await waitForSync(editor)
    // Her client claims a different name: the audit trail names the session's guest.
    editor.awareness.setLocalStateField('user', { name: 'Olga Owner' })
    const record = createStakeholder({ id: 'union', name: 'Farmers union', legitimacy: 2 })
    expect(writeStakeholder(editor.doc, record).ok).toBe(true)
    let rows: AuditEntry[] = []
    await waitFor(async () => {
      const response = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/audit`)
      rows = (await response.json()) as AuditEntry[]
      return rows.length > 0
    })
    expect(rows[0]?.participant).toEqual({
      name: 'Ada',
      role: 'editor',
      kind: 'guest',
      id: ada.guest.id,
    })
    const csv = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/audit.csv?lang=en`)
    const text = await csv.text()
    expect(text).toContain('Guest or user,Person,Role')
    expect(text).toMatch(/,guest,Ada,Editor,Farmers union,/)

    const created = await apiFetch(test, mapId, 'facilitator', `/api/maps/${mapId}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-guest-session': tess.guestToken },
      body: JSON.stringify({ name: 'After the workshop', by: 'Somebody else' }),
    })
    expect(created.status).toBe(201)
    const version = (await created.json()) as VersionSummary
    expect(version.createdBy).toEqual({
      name: 'Trainer Tess',
      role: 'facilitator',
      kind: 'guest',
      id: tess.guest.id,
    })
    const listed = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/versions`)
    const versions = (await listed.json()) as VersionSummary[]
    expect(versions.find((each) => each.id === version.id)?.createdBy).toEqual(version.createdBy)
  })

  it('lets a facilitator rename a guest, which the others see at once; an editor may not (403)', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const ada = await startGuest(test, mapId, 'editor', 'Ada')
    const guest = connectGuest(test, mapId, 'editor', ada.guestToken)
    const observer = connectGuest(test, mapId, 'viewer', null)
    await Promise.all([waitForSync(guest), waitForSync(observer)])
    guest.awareness.setLocalStateField('user', { name: 'Ada', color: '#00f' })
    const client = guest.doc.clientID
    await waitFor(() => userSeen(observer, client)?.['name'] === 'Ada')

    const rename = (role: Role, target: string, name: string, headers = {}) =>
      apiFetch(test, mapId, role, `/api/maps/${mapId}/guests/${target}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name }),
      })
    expect((await rename('editor', ada.guest.id, 'Hacked')).status).toBe(403)
    expect((await rename('facilitator', 'g_nobody', 'Nobody')).status).toBe(404)
    const renamed = await rename('facilitator', ada.guest.id, 'Minister of Finance')
    expect(renamed.status).toBe(200)
    await waitFor(() => userSeen(observer, client)?.['name'] === 'Minister of Finance')
    expect(userSeen(observer, client)?.['color']).toBe('#00f')
    // Her own next change keeps the new name, and so does her next socket.
    guest.awareness.setLocalStateField('user', { name: 'Ada', color: '#0f0' })
    await waitFor(() => userSeen(observer, client)?.['color'] === '#0f0')
    expect(userSeen(observer, client)?.['name']).toBe('Minister of Finance')

    // A guest renames themselves with their own session; without one that is refused.
    expect((await rename('editor', 'me', 'Ada again')).status).toBe(401)
    const self = await rename('editor', 'me', 'Ada L.', { 'x-guest-session': ada.guestToken })
    expect(self.status).toBe(200)
    await waitFor(() => userSeen(observer, client)?.['name'] === 'Ada L.')
    const me = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}/guests/me`, {
      headers: { 'x-guest-session': ada.guestToken },
    })
    expect(await me.json()).toEqual({ guest: { kind: 'guest', id: ada.guest.id, name: 'Ada L.' } })
  })
})
