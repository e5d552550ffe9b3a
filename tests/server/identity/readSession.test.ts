/**
 * The session policy of readSession.ts on a real SQLite store, with a clock the test moves:
 * last-seen is written at most once a minute, and the idle expiry never passes the
 * absolute one.
 */
import fs from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type SessionPolicy,
  createSessionReader,
  newSessionTimes,
} from '../../../server/access/readSession'
import { hashSessionId, newSessionId } from '../../../server/access/sessionCookie'
import { SqliteMapStore } from '../../../server/storage/SqliteMapStore'

const POLICY: SessionPolicy = { idleMinutes: 30, maxHours: 1, adminGroup: 'admins' }

const withCookie = (cookie: string) => ({ headers: { cookie } }) as unknown as IncomingMessage

describe('readSession', () => {
  let dir: string
  let store: SqliteMapStore

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-sessions-'))
    store = new SqliteMapStore(dir)
  })
  afterEach(async () => {
    await store.close()
    await fs.rm(dir, { recursive: true, force: true })
  })

  async function signedIn(groups: string[], at: number) {
    const user = await store.identities.upsertUser({
      issuer: 'https://idp.example',
      subject: 'sub',
      name: 'Jan',
      email: null,
      groups,
    })
    const id = newSessionId()
    await store.identities.createSession({
      idHash: hashSessionId(id),
      userId: user.id,
      ...newSessionTimes(POLICY, at),
    })
    return { id, user }
  }

  it('writes last-seen at most once a minute', async () => {
    const start = Date.parse('2026-12-03T10:00:00Z')
    let now = start
    const { id } = await signedIn([], start)
    const read = createSessionReader(store.identities, POLICY, () => now)
    const lastSeen = async () => (await store.identities.getSession(hashSessionId(id)))?.lastSeenAt
    now += 59_000
    expect(await read(withCookie(`sc_session=${id}`))).not.toBeNull()
    expect(await lastSeen()).toBe(new Date(start).toISOString())
    now += 1_000
    expect(await read(withCookie(`other=1; sc_session=${id}`))).not.toBeNull()
    expect(await lastSeen()).toBe(new Date(start + 60_000).toISOString())
  })

  it('never moves the idle expiry past the absolute one', async () => {
    const start = Date.parse('2026-12-03T10:00:00Z')
    let now = start + 25 * 60_000
    const { id } = await signedIn([], start)
    const read = createSessionReader(store.identities, POLICY, () => now)
    expect((await read(withCookie(`sc_session=${id}`)))?.session.expiresAt).toBe(
      new Date(start + 55 * 60_000).toISOString(),
    )
    now = start + 50 * 60_000
    const user = await read(withCookie(`sc_session=${id}`))
    expect(user?.session.expiresAt).toBe(new Date(start + 3_600_000).toISOString())
    now = start + 3_600_000
    expect(await read(withCookie(`sc_session=${id}`))).toBeNull()
  })

  it('names the user with a user identity, and an admin by the admin group', async () => {
    const now = Date.now()
    const { id, user } = await signedIn(['staff', 'admins'], now)
    const signedInUser = await createSessionReader(
      store.identities,
      POLICY,
    )(withCookie(`sc_session=${id}`))
    expect(signedInUser).toMatchObject({
      identity: { kind: 'user', id: user.id, name: 'Jan' },
      groups: ['staff', 'admins'],
      isAdmin: true,
    })
    expect(signedInUser?.session.key).toBe(Buffer.from(hashSessionId(id)).toString('hex'))
    const noAdmins = { ...POLICY, adminGroup: null }
    expect(
      (await createSessionReader(store.identities, noAdmins)(withCookie(`sc_session=${id}`)))
        ?.isAdmin,
    ).toBe(false)
  })
})
