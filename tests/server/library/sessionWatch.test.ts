/**
 * A member's open socket follows its session even when the session ends where no node
 * hears of it: its row deleted in the database (an operator's SQL) or its idle expiry
 * passed, the socket closes with 4401 within a few seconds; while the socket is active, its
 * session's idle clock moves on, so working on the canvas keeps one signed in.
 */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreateMapWithTokensResponse } from '../../../shared/protocol/accessApi'
import { storageBackends } from '../storageBackends'
import { createFixture, nextClose, waitFor, waitForSync } from '../testServer'
import type { TestServer } from '../testServer'
import { ORGANISATION_ENV, cookieWebSocket, signInDirectly } from './signedInUsers'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const CHECK_MS = 200

/** The stored hash of the session the cookie carries. */
const hashOf = (cookie: string) =>
  createHash('sha256').update(cookie.slice('sc_session='.length)).digest()

async function openMemberSocket(test: TestServer, subject: string) {
  const member = await signInDirectly(test.server.store, subject, 'Ann Smit')
  const created = await fetch(`${test.httpUrl}/api/maps`, {
    method: 'POST',
    headers: { cookie: member.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Werksessie', template: 'blank' }),
  })
  const { id: mapId } = (await created.json()) as CreateMapWithTokensResponse
  const socket = fixture.connectClient(test, mapId, new Y.Doc(), {
    token: null,
    WebSocketPolyfill: cookieWebSocket(member.cookie),
  })
  await waitForSync(socket)
  return { member, socket }
}

describe.each(await storageBackends())('open sockets of sessions on $name', (backend) => {
  it('closes a socket with 4401 once its session row is deleted in the database', async () => {
    const test = await fixture.startServer(
      { ...ORGANISATION_ENV, ...(await backend.env()) },
      { sessionCheckIntervalMs: CHECK_MS },
    )
    const { member, socket } = await openMemberSocket(test, 'ann')
    const closed = nextClose(socket)
    await test.server.store.identities.deleteSession(hashOf(member.cookie))
    expect(await closed).toBe(4401)
  })

  it('closes a socket with 4401 once its session is past its idle expiry', async () => {
    const test = await fixture.startServer(
      { ...ORGANISATION_ENV, ...(await backend.env()) },
      { sessionCheckIntervalMs: CHECK_MS },
    )
    const { member, socket } = await openMemberSocket(test, 'ann')
    const closed = nextClose(socket)
    const past = new Date(Date.now() - 1000).toISOString()
    await test.server.store.identities.touchSession(hashOf(member.cookie), past, past)
    expect(await closed).toBe(4401)
  })

  it('keeps the session of an active socket alive past the idle time it had', async () => {
    let offsetMs = 0
    const test = await fixture.startServer(
      { ...ORGANISATION_ENV, ...(await backend.env()), SESSION_IDLE_MINUTES: '10' },
      { sessionCheckIntervalMs: CHECK_MS, clock: () => Date.now() + offsetMs },
    )
    const { member, socket } = await openMemberSocket(test, 'ann')
    const hash = hashOf(member.cookie)
    const { identities } = test.server.store
    const signedInAt = Date.now()
    // Idle for ten minutes from sign-in (as signInDirectly made it: an hour); then nine pass.
    await identities.touchSession(
      hash,
      new Date(signedInAt).toISOString(),
      new Date(signedInAt + 10 * 60_000).toISOString(),
    )
    offsetMs = 9 * 60_000
    await waitFor(
      async () => {
        const session = await identities.getSession(hash)
        return Date.parse(session?.idleExpiresAt ?? '') >= signedInAt + 19 * 60_000
      },
      5000,
      'the active socket did not move the idle expiry',
    )
    // Past the first idle expiry: still signed in, on the socket and over HTTP.
    offsetMs = 15 * 60_000
    await new Promise((resolve) => setTimeout(resolve, 3 * CHECK_MS))
    expect(socket.wsconnected).toBe(true)
    const session = await fetch(`${test.httpUrl}/api/session`, {
      headers: { cookie: member.cookie },
    })
    expect(((await session.json()) as { user: { name: string } | null }).user?.name).toBe(
      'Ann Smit',
    )
  })
})
