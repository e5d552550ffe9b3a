/**
 * Organisation mode has no role links (owner, facilitator, editor, viewer), on SQLite and
 * PostgreSQL: a map made there answers none; an owner link of a map made in open mode,
 * still stored, is refused once the server runs in organisation mode (403 `role-links-off`
 * on HTTP, 4403 on the socket), while an admin's session and a guest link still open the
 * map; the same link works in open mode, before and after.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ApiErrorCode } from '../../../shared/protocol/apiErrorCodes'
import type { CreateMapWithTokensResponse } from '../../../shared/protocol/accessApi'
import { CloseCode } from '../../../shared/protocol/closeCodes'
import type { CreateGuestLinkResponse } from '../../../shared/protocol/guestLinks'
import { storageBackends } from '../storageBackends'
import {
  createFixture,
  createMap,
  nextClose,
  type TestServer,
  tokenOf,
  waitForSync,
} from '../testServer'
import { ORGANISATION_ENV, cookieWebSocket, signInDirectly } from './signedInUsers'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** What `GET /api/maps/<id>` answers with `headers`: the status and the role or error code. */
async function openWith(test: TestServer, mapId: string, headers: Record<string, string>) {
  const response = await fetch(`${test.httpUrl}/api/maps/${mapId}`, { headers })
  const body = (await response.json()) as { role?: string; error?: { code: string } }
  return { status: response.status, answer: body.role ?? body.error?.code }
}

/** The close code the y-websocket client gets with `token` (or 'open' once it synced). */
async function socketWith(test: TestServer, mapId: string, token: string) {
  const client = fixture.connectClient(test, mapId, undefined, { token })
  const first = await Promise.race([
    nextClose(client),
    waitForSync(client).then(() => 'open' as const),
  ])
  fixture.disconnectClient(client)
  return first
}

describe.each(await storageBackends())('role links in organisation mode on $name', (backend) => {
  it('refuses an owner link made in open mode once the server runs in organisation mode; open mode accepts it again', async () => {
    // One store for all three servers: the same SQLite directory or PostgreSQL schema.
    const storage = { ...(await backend.env()), DATA_DIR: await fixture.makeDataDir() }
    const open = await fixture.startServer(storage)
    const mapId = await createMap(open, 'Made before the switch')
    const owner = { authorization: `Bearer ${tokenOf(open, mapId, 'owner')}` }
    expect(await openWith(open, mapId, owner)).toEqual({ status: 200, answer: 'owner' })
    const made = await fetch(`${open.httpUrl}/api/maps/${mapId}/guest-links`, {
      method: 'POST',
      headers: { ...owner, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer' }),
    })
    const guestLink = (await made.json()) as CreateGuestLinkResponse
    await fixture.stopServer(open)

    const organisation = await fixture.startServer({ ...storage, ...ORGANISATION_ENV })
    expect(await openWith(organisation, mapId, owner)).toEqual({
      status: 403,
      answer: ApiErrorCode.roleLinksOff,
    })
    for (const role of ['owner', 'facilitator', 'editor', 'viewer'] as const) {
      expect(await socketWith(organisation, mapId, tokenOf(organisation, mapId, role))).toBe(
        CloseCode.forbidden,
      )
    }
    // Every other route is refused too: the guest links of the map, its downloads.
    const list = await fetch(`${organisation.httpUrl}/api/maps/${mapId}/guest-links`, {
      headers: owner,
    })
    expect(list.status).toBe(403)
    // A signed-in person who still holds the link gets nothing from it either.
    const ann = await signInDirectly(organisation.server.store, 'ann', 'Ann Smit')
    expect(await openWith(organisation, mapId, { ...owner, cookie: ann.cookie })).toEqual({
      status: 403,
      answer: ApiErrorCode.roleLinksOff,
    })
    // What counts there: a membership (an admin acts as owner) and a guest link.
    const admin = await signInDirectly(organisation.server.store, 'root', 'Ada Admin', [
      'canvas-admins',
    ])
    expect(await openWith(organisation, mapId, { cookie: admin.cookie })).toEqual({
      status: 200,
      answer: 'owner',
    })
    const adminSocket = fixture.connectClient(organisation, mapId, undefined, {
      token: null,
      WebSocketPolyfill: cookieWebSocket(admin.cookie),
    })
    await waitForSync(adminSocket)
    const guest = { authorization: `Bearer ${guestLink.token}` }
    expect(await openWith(organisation, mapId, guest)).toEqual({ status: 200, answer: 'viewer' })
    expect(await socketWith(organisation, mapId, guestLink.token)).toBe('open')
    await fixture.stopServer(organisation)

    const openAgain = await fixture.startServer(storage)
    expect(await openWith(openAgain, mapId, owner)).toEqual({ status: 200, answer: 'owner' })
    expect(await socketWith(openAgain, mapId, tokenOf(openAgain, mapId, 'owner'))).toBe('open')
  })

  it('makes no role links for a new map, and reissuing one is refused', async () => {
    const test = await fixture.startServer({ ...(await backend.env()), ...ORGANISATION_ENV })
    const olga = await signInDirectly(test.server.store, 'olga', 'Olga Owner')
    const created = await fetch(`${test.httpUrl}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: olga.cookie },
      body: JSON.stringify({ title: 'Windpark Zuid' }),
    })
    expect(created.status).toBe(201)
    const answer = (await created.json()) as CreateMapWithTokensResponse
    expect(answer).toEqual({ id: expect.any(String) })
    expect(await test.server.store.listTokens(answer.id)).toEqual([])
    const reissue = await fetch(`${test.httpUrl}/api/maps/${answer.id}/tokens/owner`, {
      method: 'POST',
      headers: { cookie: olga.cookie },
    })
    expect(reissue.status).toBe(403)
    expect(((await reissue.json()) as { error: { code: string } }).error.code).toBe(
      ApiErrorCode.roleLinksOff,
    )
  })

  it('open mode still makes and accepts the four role links', async () => {
    const test = await fixture.startServer(await backend.env())
    const mapId = await createMap(test)
    for (const role of ['owner', 'facilitator', 'editor', 'viewer'] as const) {
      const auth = { authorization: `Bearer ${tokenOf(test, mapId, role)}` }
      expect(await openWith(test, mapId, auth)).toEqual({ status: 200, answer: role })
      expect(await socketWith(test, mapId, tokenOf(test, mapId, role))).toBe('open')
    }
  })
})
