/**
 * An organisation admin signs another person out (`POST /api/people/<id>/sign-out`): every
 * session of theirs ends and their open socket closes with 4401. A non-admin, nobody signed
 * in and a foreign origin are refused, and the person stays signed in then.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CreateMapWithTokensResponse } from '../../../shared/protocol/accessApi'
import { personSignOutPath } from '../../../shared/protocol/peopleApi'
import { storageBackends } from '../storageBackends'
import { createFixture, nextClose, waitForSync } from '../testServer'
import { ORGANISATION_ENV, cookieWebSocket, signInDirectly } from './signedInUsers'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

describe.each(await storageBackends())('signing a person out on $name', (backend) => {
  it('lets only an admin end all sessions of a person, closing their socket', async () => {
    const test = await fixture.startServer({ ...ORGANISATION_ENV, ...(await backend.env()) })
    const { store } = test.server
    const admin = await signInDirectly(store, 'ada', 'Ada Admin', ['canvas-admins'])
    const ann = await signInDirectly(store, 'ann', 'Ann Smit')
    const bob = await signInDirectly(store, 'bob', 'Bob Jansen')
    const bobsPhone = await signInDirectly(store, 'bob', 'Bob Jansen')
    const post = (cookie: string | null, userId: string, origin?: string) =>
      fetch(`${test.httpUrl}${personSignOutPath(userId)}`, {
        method: 'POST',
        headers: {
          ...(cookie === null ? {} : { cookie }),
          ...(origin === undefined ? {} : { origin }),
        },
      })
    const signedIn = async (cookie: string) =>
      (await fetch(`${test.httpUrl}/api/library`, { headers: { cookie } })).status === 200

    const created = await fetch(`${test.httpUrl}/api/maps`, {
      method: 'POST',
      headers: { cookie: bob.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bobs kaart', template: 'blank' }),
    })
    const { id: mapId } = (await created.json()) as CreateMapWithTokensResponse
    const socket = fixture.connectClient(test, mapId, new Y.Doc(), {
      token: null,
      WebSocketPolyfill: cookieWebSocket(bob.cookie),
    })
    await waitForSync(socket)

    expect((await post(ann.cookie, bob.user.id)).status).toBe(403)
    expect((await post(null, bob.user.id)).status).toBe(401)
    expect((await post(admin.cookie, bob.user.id, 'https://evil.example')).status).toBe(403)
    expect(await signedIn(bob.cookie)).toBe(true)
    expect(socket.wsconnected).toBe(true)

    const closed = nextClose(socket)
    const answer = await post(admin.cookie, bob.user.id)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ sessionsEnded: 2 })
    expect(await closed).toBe(4401)
    expect(await signedIn(bob.cookie)).toBe(false)
    expect(await signedIn(bobsPhone.cookie)).toBe(false)
    expect(await signedIn(ann.cookie)).toBe(true)
    expect((await post(admin.cookie, 'u_nobody')).status).toBe(404)
  })
})
