/**
 * Guest links, attacked from outside with the real server and the published y-websocket
 * client, on SQLite and PostgreSQL: only owners and facilitators manage them (facilitators
 * not facilitator links); a link past its expiry or revoked is refused (403 / 4403) and its
 * open sockets close within a second; the four role tokens work as before beside them.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createAccessToken, hashAccessToken } from '../../server/access/accessTokens'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { CreateGuestLinkResponse, GuestLinkSummary } from '../../shared/protocol/guestLinks'
import type { Role } from '../../shared/protocol/roles'
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

const DAY_MS = 86_400_000

/** `POST /api/maps/<id>/guest-links` with the role's map token. */
function makeLink(test: TestServer, mapId: string, as: Role, body: unknown): Promise<Response> {
  return apiFetch(test, mapId, as, `/api/maps/${mapId}/guest-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function madeLink(test: TestServer, mapId: string, as: Role, body: unknown) {
  const response = await makeLink(test, mapId, as, body)
  expect(response.status).toBe(201)
  return (await response.json()) as CreateGuestLinkResponse
}

function revokeLink(test: TestServer, mapId: string, as: Role, linkId: string) {
  return apiFetch(test, mapId, as, `/api/maps/${mapId}/guest-links/${linkId}`, {
    method: 'DELETE',
  })
}

/** What `GET /api/maps/<id>` answers with a raw token (status, and role when 200). */
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

/** Writes a link's expiry into the server's store, as the clock passing it would. */
async function writeExpiry(test: TestServer, linkId: string, expiresAt: string): Promise<void> {
  const sql = 'UPDATE guest_links SET expires_at = $1 WHERE id = $2'
  if (test.config.databaseUrl === null) {
    const db = new Database(path.join(test.config.dataDir, SQLITE_FILE_NAME))
    try {
      db.prepare(sql.replace('$1', '?').replace('$2', '?')).run(expiresAt, linkId)
    } finally {
      db.close()
    }
    return
  }
  const client = new pg.Client({ connectionString: test.config.databaseUrl })
  await client.connect()
  try {
    await client.query(sql, [expiresAt, linkId])
  } finally {
    await client.end()
  }
}

describe.each(await storageBackends())('guest links on $name', ({ env }) => {
  it('a live link gives its role on HTTP and socket, beside the unchanged role tokens', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const before = Date.now()
    const link = await madeLink(test, mapId, 'facilitator', { role: 'editor', by: 'Fenna' })
    // Default: seven days.
    const lasts = Date.parse(link.expiresAt) - before
    expect(lasts).toBeGreaterThanOrEqual(7 * DAY_MS - 1000)
    expect(lasts).toBeLessThanOrEqual(7 * DAY_MS + 5000)
    expect(await openWith(test, mapId, link.token)).toEqual({ status: 200, role: 'editor' })
    const guest = fixture.connectClient(test, mapId, undefined, { token: link.token })
    const owner = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    await Promise.all([waitForSync(guest), waitForSync(owner)])
    guest.doc.getMap('stakeholders').set('s1', { name: 'written by a guest' })
    await expect
      .poll(() => owner.doc.getMap('stakeholders').get('s1'))
      .toEqual({ name: 'written by a guest' })

    const list = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/guest-links`)
    expect(list.status).toBe(200)
    const text = await list.text()
    expect(text).not.toContain(link.token)
    const links = JSON.parse(text) as GuestLinkSummary[]
    expect(links).toEqual([
      {
        id: link.id,
        role: 'editor',
        createdAt: expect.any(String),
        expiresAt: link.expiresAt,
        revokedAt: null,
        createdBy: { name: 'Fenna', role: 'facilitator' },
      },
    ])
    // A guest link of one map opens no other.
    const otherId = await createMap(test)
    expect(await openWith(test, otherId, link.token)).toEqual({ status: 403, role: 'forbidden' })
    expect(await socketWith(test, otherId, link.token)).toBe(CloseCode.forbidden)
  })

  it('an expired link is refused on HTTP and at the upgrade', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const link = await madeLink(test, mapId, 'owner', { role: 'viewer', expiresInDays: 1 })
    expect(await socketWith(test, mapId, link.token)).toBe('open')
    await writeExpiry(test, link.id, new Date(Date.now() - 1000).toISOString())
    expect(await openWith(test, mapId, link.token)).toEqual({ status: 403, role: 'forbidden' })
    expect(await socketWith(test, mapId, link.token)).toBe(CloseCode.forbidden)
    const refused = fixture.connectClient(test, mapId, undefined, { token: link.token })
    expect(await nextClose(refused)).toBe(CloseCode.forbidden)
  })

  it("an open socket closes with 4403 within a second of its link's expiry", async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const token = createAccessToken()
    const expiresAt = Date.now() + 1500
    // The API's shortest expiry is a day: write a short one straight into the store.
    await test.server.store.createGuestLink({
      id: 'short-lived',
      mapId,
      tokenHash: hashAccessToken(token),
      role: 'editor',
      expiresAt: new Date(expiresAt).toISOString(),
      createdBy: { name: 'test', role: 'owner' },
    })
    const guest = fixture.connectClient(test, mapId, undefined, { token })
    await waitForSync(guest)
    expect(await nextClose(guest)).toBe(CloseCode.forbidden)
    const late = Date.now() - expiresAt
    expect(late).toBeGreaterThanOrEqual(-50)
    expect(late).toBeLessThan(1000)
  })

  it('revoking closes its open sockets at once (4403) and refuses it after; others stay', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const revoked = await madeLink(test, mapId, 'facilitator', { role: 'viewer' })
    const kept = await madeLink(test, mapId, 'facilitator', { role: 'viewer' })
    const doomed = fixture.connectClient(test, mapId, undefined, { token: revoked.token })
    const confidentialWatcher = fixture.connectClient(test, mapId, undefined, {
      token: kept.token,
    })
    const viewerToken = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([doomed, confidentialWatcher, viewerToken].map((p) => waitForSync(p)))
    const closed = nextClose(doomed)

    const started = Date.now()
    const answer = await revokeLink(test, mapId, 'facilitator', revoked.id)
    expect(answer.status).toBe(200)
    expect(((await answer.json()) as GuestLinkSummary).revokedAt).toEqual(expect.any(String))
    expect(await closed).toBe(CloseCode.forbidden)
    expect(Date.now() - started).toBeLessThan(1000)
    // The other link of the same role, and the role's own token, are untouched.
    expect(confidentialWatcher.wsconnected).toBe(true)
    expect(viewerToken.wsconnected).toBe(true)

    expect(await openWith(test, mapId, revoked.token)).toEqual({ status: 403, role: 'forbidden' })
    expect(await socketWith(test, mapId, revoked.token)).toBe(CloseCode.forbidden)
    expect(await socketWith(test, mapId, kept.token)).toBe('open')
    const listed = (await (
      await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/guest-links`)
    ).json()) as GuestLinkSummary[]
    expect(listed.find((link) => link.id === revoked.id)?.revokedAt).toEqual(expect.any(String))
    expect(listed.find((link) => link.id === kept.id)?.revokedAt).toBeNull()
  })

  it('reissuing a role token closes that token’s sockets, not the role’s guest links', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const link = await madeLink(test, mapId, 'owner', { role: 'editor' })
    const guest = fixture.connectClient(test, mapId, undefined, { token: link.token })
    const editor = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(guest), waitForSync(editor)])
    const closed = nextClose(editor)
    const reissued = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/tokens/editor`, {
      method: 'POST',
    })
    expect(reissued.status).toBe(200)
    expect(await closed).toBe(CloseCode.forbidden)
    expect(guest.wsconnected).toBe(true)
  })
})

describe('who may manage guest links', () => {
  it("an editor's or viewer's token can neither list, make nor revoke links", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const link = await madeLink(test, mapId, 'owner', { role: 'viewer' })
    for (const role of ['editor', 'viewer'] as const) {
      const list = await apiFetch(test, mapId, role, `/api/maps/${mapId}/guest-links`)
      expect({ role, status: list.status }).toEqual({ role, status: 403 })
      expect(((await list.json()) as { error: { code: string } }).error.code).toBe(
        'role-not-allowed',
      )
      const made = await makeLink(test, mapId, role, { role: 'viewer' })
      expect({ role, status: made.status }).toEqual({ role, status: 403 })
      const revoked = await revokeLink(test, mapId, role, link.id)
      expect({ role, status: revoked.status }).toEqual({ role, status: 403 })
    }
    // Nor can a guest link's own token, of any role below facilitator.
    const viewerGuest = await fetch(`${test.httpUrl}/api/maps/${mapId}/guest-links`, {
      headers: { authorization: `Bearer ${link.token}` },
    })
    expect(viewerGuest.status).toBe(403)
    expect(await socketWith(test, mapId, link.token)).toBe('open')
  })

  it('a facilitator cannot make or revoke a facilitator link; an owner can', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const byFacilitator = await makeLink(test, mapId, 'facilitator', { role: 'facilitator' })
    expect(byFacilitator.status).toBe(403)
    expect(((await byFacilitator.json()) as { error: { code: string } }).error.code).toBe(
      'role-not-allowed',
    )
    const facilitatorLink = await madeLink(test, mapId, 'owner', { role: 'facilitator' })
    expect((await revokeLink(test, mapId, 'facilitator', facilitatorLink.id)).status).toBe(403)
    // A facilitator guest may make editor and viewer links, but not facilitator ones.
    const asGuest = (body: unknown) =>
      fetch(`${test.httpUrl}/api/maps/${mapId}/guest-links`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${facilitatorLink.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })
    expect((await asGuest({ role: 'viewer' })).status).toBe(201)
    expect((await asGuest({ role: 'facilitator' })).status).toBe(403)
    expect((await revokeLink(test, mapId, 'owner', facilitatorLink.id)).status).toBe(200)
  })

  it('refuses an owner link, unknown roles and expiries out of range with coded 400s', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const cases: [unknown, string][] = [
      [{ role: 'owner' }, 'invalid-role'],
      [{ role: 'admin' }, 'invalid-role'],
      [{}, 'invalid-role'],
      [{ role: 'viewer', expiresInDays: 0 }, 'invalid-expiry'],
      [{ role: 'viewer', expiresInDays: 91 }, 'invalid-expiry'],
      [{ role: 'viewer', expiresInDays: 1.5 }, 'invalid-expiry'],
      [{ role: 'viewer', expiresAt: '2001-01-01' }, 'invalid-expiry'],
      [
        { role: 'viewer', expiresAt: new Date(Date.now() + 91 * DAY_MS).toISOString() },
        'invalid-expiry',
      ],
      [{ role: 'viewer', expiresAt: 'next tuesday' }, 'invalid-expiry'],
      [{ role: 'viewer', expiresInDays: 2, expiresAt: '2030-01-01' }, 'invalid-expiry'],
    ]
    for (const [body, code] of cases) {
      const response = await makeLink(test, mapId, 'owner', body)
      const answer = (await response.json()) as { error: { code: string } }
      expect({ body, status: response.status, code: answer.error.code }).toEqual({
        body,
        status: 400,
        code,
      })
    }
    const inAMonth = new Date(Date.now() + 30 * DAY_MS).toISOString()
    const dated = await madeLink(test, mapId, 'owner', { role: 'viewer', expiresAt: inAMonth })
    expect(dated.expiresAt).toBe(inAMonth)
    const ninety = await madeLink(test, mapId, 'owner', { role: 'viewer', expiresInDays: 90 })
    expect(Date.parse(ninety.expiresAt)).toBeGreaterThan(Date.now() + 89 * DAY_MS)
    expect((await revokeLink(test, mapId, 'owner', 'no-such-link')).status).toBe(404)
  })
})
