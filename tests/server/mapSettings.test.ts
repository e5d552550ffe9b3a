/**
 * A map forbids guest links (issue 18), with the real server and the published y-websocket
 * client, on SQLite and PostgreSQL: in organisation mode the owner's setting (or else
 * `GUEST_LINKS_DEFAULT`) decides; forbidding closes the open guest-link sockets within a
 * second and refuses the links after (403 / 4403) while members' sockets stay open; only
 * the owner reads or changes the setting; open mode ignores it.
 *
 * Organisation mode is switched on by its settings alone: the server asks the provider
 * nothing until someone signs in. A map there is made by a signed-in owner and reached by
 * members (sessions written straight into the store, library/signedInUsers.ts) and guest
 * links; it has no role links. Open mode uses the map's role tokens as before.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { CreateGuestLinkResponse } from '../../shared/protocol/guestLinks'
import type { GuestLinkSetting, MapSettingsResponse } from '../../shared/protocol/mapSettings'
import type { Role } from '../../shared/protocol/roles'
import { cookieWebSocket, createMemberMap } from './library/signedInUsers'
import { storageBackends } from './storageBackends'
import {
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  type TestServer,
  waitForSync,
} from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** Organisation mode, pointed at a provider that is never asked (nobody signs in here). */
const ORGANISATION = {
  OIDC_ISSUER: 'http://127.0.0.1:9/never-asked',
  OIDC_CLIENT_ID: 'canvas',
  OIDC_CLIENT_SECRET: 's3cret',
  PUBLIC_URL: 'http://127.0.0.1:8080',
}

/** Members' session cookies by role (organisation mode); null: the map's role tokens (open mode). */
type People = Record<Role, string> | null

/** `fetch` as the person of role `as`: the member's cookie, or in open mode the role's token. */
function fetchAs(
  test: TestServer,
  people: People,
  mapId: string,
  as: Role,
  pathname: string,
  init: RequestInit = {},
) {
  if (people === null) return apiFetch(test, mapId, as, pathname, init)
  return fetch(`${test.httpUrl}${pathname}`, {
    ...init,
    headers: { cookie: people[as], ...init.headers },
  })
}

function makeLink(test: TestServer, people: People, mapId: string, role: Role = 'viewer') {
  return fetchAs(test, people, mapId, 'owner', `/api/maps/${mapId}/guest-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  })
}

async function madeLink(test: TestServer, people: People, mapId: string, role: Role = 'viewer') {
  const response = await makeLink(test, people, mapId, role)
  expect(response.status).toBe(201)
  return (await response.json()) as CreateGuestLinkResponse
}

function putSettings(
  test: TestServer,
  people: People,
  mapId: string,
  as: Role,
  guestLinks: GuestLinkSetting,
) {
  return fetchAs(test, people, mapId, as, `/api/maps/${mapId}/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ guestLinks }),
  })
}

async function settingsOf(
  test: TestServer,
  people: People,
  mapId: string,
): Promise<MapSettingsResponse> {
  const response = await fetchAs(test, people, mapId, 'owner', `/api/maps/${mapId}/settings`)
  expect(response.status).toBe(200)
  return (await response.json()) as MapSettingsResponse
}

/** What `GET /api/maps/<id>` answers with a raw token: the status and role or error code. */
async function openWith(test: TestServer, mapId: string, token: string) {
  const response = await fetch(`${test.httpUrl}/api/maps/${mapId}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const body = (await response.json()) as { role?: Role; error?: { code: string } }
  return { status: response.status, role: body.role ?? body.error?.code }
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

/** A map made in organisation mode by a signed-in owner, with a member of every role. */
async function createOrganisationMap(test: TestServer) {
  const { mapId, cookies } = await createMemberMap(test.httpUrl, test.server.store)
  return { mapId, people: cookies as People }
}

async function errorCodeOf(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code: string } }).error?.code
}

describe.each(await storageBackends())('map settings on $name', ({ env }) => {
  it('forbidding closes an open guest-link socket within a second and refuses the link after; members stay', async () => {
    const test = await fixture.startServer({ ...(await env()), ...ORGANISATION })
    const { mapId, people } = await createOrganisationMap(test)
    expect(await settingsOf(test, people, mapId)).toEqual({
      mode: 'organisation',
      guestLinks: 'default',
      organisationDefault: 'allowed',
      effective: { guestLinks: 'allowed' },
    })
    const link = await madeLink(test, people, mapId, 'editor')
    const guest = fixture.connectClient(test, mapId, undefined, { token: link.token })
    const editor = fixture.connectClient(test, mapId, undefined, {
      token: null,
      WebSocketPolyfill: cookieWebSocket(people?.editor ?? ''),
    })
    await Promise.all([waitForSync(guest), waitForSync(editor)])
    const closed = nextClose(guest)

    const started = Date.now()
    const answer = await putSettings(test, people, mapId, 'owner', 'forbidden')
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({
      mode: 'organisation',
      guestLinks: 'forbidden',
      organisationDefault: 'allowed',
      effective: { guestLinks: 'forbidden' },
    })
    expect(await closed).toBe(CloseCode.forbidden)
    expect(Date.now() - started).toBeLessThan(1000)
    // A member's socket comes through no link.
    expect(editor.wsconnected).toBe(true)

    expect(await openWith(test, mapId, link.token)).toEqual({ status: 403, role: 'forbidden' })
    expect(await socketWith(test, mapId, link.token)).toBe(CloseCode.forbidden)
    const refused = await makeLink(test, people, mapId)
    expect(refused.status).toBe(403)
    expect(await errorCodeOf(refused)).toBe(ApiErrorCode.guestLinksForbidden)
    // The owner still sees the map's links (to withdraw them for good).
    const list = await fetchAs(test, people, mapId, 'owner', `/api/maps/${mapId}/guest-links`)
    expect(list.status).toBe(200)
    const asEditor = await fetchAs(test, people, mapId, 'editor', `/api/maps/${mapId}`)
    expect(await asEditor.json()).toMatchObject({ role: 'editor' })

    // Allowed again, the link (neither revoked nor expired) opens the map over HTTP again.
    expect((await putSettings(test, people, mapId, 'owner', 'allowed')).status).toBe(200)
    expect(await openWith(test, mapId, link.token)).toEqual({ status: 200, role: 'editor' })
    expect((await makeLink(test, people, mapId)).status).toBe(201)
  })

  it('an editor, a facilitator or a viewer can neither read nor change the setting', async () => {
    const test = await fixture.startServer({ ...(await env()), ...ORGANISATION })
    const { mapId, people } = await createOrganisationMap(test)
    const link = await madeLink(test, people, mapId, 'facilitator')
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const put = await putSettings(test, people, mapId, role, 'forbidden')
      expect(put.status).toBe(403)
      expect(await errorCodeOf(put)).toBe(ApiErrorCode.roleNotAllowed)
      const get = await fetchAs(test, people, mapId, role, `/api/maps/${mapId}/settings`)
      expect(get.status).toBe(403)
    }
    // Nor through a facilitator guest link.
    const viaLink = await fetch(`${test.httpUrl}/api/maps/${mapId}/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ guestLinks: 'forbidden' }),
    })
    expect(viaLink.status).toBe(403)
    expect((await settingsOf(test, people, mapId)).effective.guestLinks).toBe('allowed')
    expect(await socketWith(test, mapId, link.token)).toBe('open')
  })

  it('with GUEST_LINKS_DEFAULT=forbidden a new map refuses guest links until its owner allows them', async () => {
    const test = await fixture.startServer({
      ...(await env()),
      ...ORGANISATION,
      GUEST_LINKS_DEFAULT: 'forbidden',
    })
    const { mapId, people } = await createOrganisationMap(test)
    expect(await settingsOf(test, people, mapId)).toEqual({
      mode: 'organisation',
      guestLinks: 'default',
      organisationDefault: 'forbidden',
      effective: { guestLinks: 'forbidden' },
    })
    const refused = await makeLink(test, people, mapId)
    expect(refused.status).toBe(403)
    expect(await errorCodeOf(refused)).toBe(ApiErrorCode.guestLinksForbidden)

    expect((await putSettings(test, people, mapId, 'owner', 'allowed')).status).toBe(200)
    const link = await madeLink(test, people, mapId)
    const guest = fixture.connectClient(test, mapId, undefined, { token: link.token })
    await waitForSync(guest)
    const closed = nextClose(guest)

    // Back to the organisation's default: forbidden again, and the open socket closes.
    const back = await putSettings(test, people, mapId, 'owner', 'default')
    expect(((await back.json()) as MapSettingsResponse).effective.guestLinks).toBe('forbidden')
    expect(await closed).toBe(CloseCode.forbidden)
    expect(await openWith(test, mapId, link.token)).toEqual({ status: 403, role: 'forbidden' })
  })

  it('open mode ignores the setting: guest links keep working', async () => {
    const test = await fixture.startServer({ ...(await env()), GUEST_LINKS_DEFAULT: 'forbidden' })
    const mapId = await createMap(test)
    const people: People = null
    const link = await madeLink(test, people, mapId)
    const guest = fixture.connectClient(test, mapId, undefined, { token: link.token })
    await waitForSync(guest)

    const answer = await putSettings(test, people, mapId, 'owner', 'forbidden')
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({
      mode: 'open',
      guestLinks: 'forbidden',
      organisationDefault: 'allowed',
      effective: { guestLinks: 'allowed' },
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(guest.wsconnected).toBe(true)
    expect(await openWith(test, mapId, link.token)).toEqual({ status: 200, role: 'viewer' })
    expect(await socketWith(test, mapId, link.token)).toBe('open')
    expect((await makeLink(test, people, mapId)).status).toBe(201)
  })

  it('refuses a value it does not know', async () => {
    const test = await fixture.startServer({ ...(await env()), ...ORGANISATION })
    const { mapId, people } = await createOrganisationMap(test)
    const answer = await putSettings(test, people, mapId, 'owner', 'sometimes' as GuestLinkSetting)
    expect(answer.status).toBe(400)
    expect(await errorCodeOf(answer)).toBe(ApiErrorCode.invalidSetting)
    expect((await settingsOf(test, people, mapId)).guestLinks).toBe('default')
  })
})
