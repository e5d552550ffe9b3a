/**
 * The contract of {@link IdentityRecords} (users and sessions of issue 18), run on every
 * engine by its own test file (SQLite, PostgreSQL) through the store's `identities` part.
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IdentityRecords, UserClaims } from '../../../server/storage/IdentityRecords'
import type { StoreHarness } from './describeMapStore'

const ISSUER = 'https://login.example.org'

const claims = (subject: string, name: string, more: Partial<UserClaims> = {}): UserClaims => ({
  issuer: ISSUER,
  subject,
  name,
  email: `${subject}@example.org`,
  groups: [],
  ...more,
})

const sessionHash = () => createHash('sha256').update(randomBytes(32)).digest()

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

export function describeIdentityRecords(name: string, open: () => Promise<StoreHarness>): void {
  describe(`IdentityRecords contract: ${name}`, () => {
    let harness: StoreHarness
    let identities: IdentityRecords

    beforeEach(async () => {
      harness = await open()
      identities = harness.store.identities
    })
    afterEach(async () => {
      await harness.store.close()
      await harness.cleanup()
    })

    it('gives a first sign-in a new u_ id and the same id on every later sign-in', async () => {
      const first = await identities.upsertUser(claims('sub-1', 'Jan de Vries', { groups: ['a'] }))
      expect(first.id).toMatch(/^u_[A-Za-z0-9_-]{22}$/)
      const again = await identities.upsertUser(
        claims('sub-1', 'Jan de Vries-Bakker', { email: 'jan@example.org', groups: ['a', 'b'] }),
      )
      expect(again.id).toBe(first.id)
      expect(again).toMatchObject({ name: 'Jan de Vries-Bakker', email: 'jan@example.org' })
      expect(again.groups).toEqual(['a', 'b'])
      expect(again.createdAt).toBe(first.createdAt)
      expect(await identities.getUser(first.id)).toEqual(again)
      expect(await identities.getUser('u_nobody')).toBeNull()
    })

    it('keeps the same subject of two issuers apart', async () => {
      const here = await identities.upsertUser(claims('same', 'Here'))
      const there = await identities.upsertUser({ ...claims('same', 'There'), issuer: 'https://b' })
      expect(there.id).not.toBe(here.id)
    })

    it('finds users by the start of a name, of a later word of it, or of the e-mail', async () => {
      await identities.upsertUser(claims('s1', 'Anna Jansen', { email: 'a.jansen@example.org' }))
      await identities.upsertUser(claims('s2', 'Jan de Vries', { email: 'jdv@example.org' }))
      await identities.upsertUser(claims('s3', 'Özlem Yılmaz', { email: null }))
      await identities.upsertUser(claims('s4', '100% Mensen', { email: 'x@example.org' }))
      const names = async (prefix: string, limit?: number) =>
        (await identities.findUsers(prefix, limit)).map((user) => user.name)
      expect(await names('jan')).toEqual(['Anna Jansen', 'Jan de Vries'])
      expect(await names('JDV')).toEqual(['Jan de Vries'])
      expect(await names('özl')).toEqual(['Özlem Yılmaz'])
      expect(await names('a.j')).toEqual(['Anna Jansen'])
      // LIKE wildcards are plain characters.
      expect(await names('100%')).toEqual(['100% Mensen'])
      expect(await names('%')).toEqual([])
      expect(await names('_')).toEqual([])
      expect(await names('  ')).toEqual([])
      expect(await names('jan', 1)).toEqual(['Anna Jansen'])
    })

    it('answers a session with its user, by the hash only', async () => {
      const user = await identities.upsertUser(claims('s1', 'Jan'))
      const idHash = sessionHash()
      const createdAt = new Date().toISOString()
      await identities.createSession({
        idHash,
        userId: user.id,
        createdAt,
        idleExpiresAt: inMinutes(60),
        absoluteExpiresAt: inMinutes(600),
      })
      const session = await identities.getSession(idHash)
      expect(session).toMatchObject({ userId: user.id, createdAt, lastSeenAt: createdAt })
      expect(session?.user).toEqual(user)
      expect(await identities.getSession(sessionHash())).toBeNull()
    })

    it('refuses a session of a user it does not know', async () => {
      await expect(
        identities.createSession({
          idHash: sessionHash(),
          userId: 'u_nobody',
          createdAt: new Date().toISOString(),
          idleExpiresAt: inMinutes(60),
          absoluteExpiresAt: inMinutes(600),
        }),
      ).rejects.toThrow()
    })

    it('moves last-seen and the idle expiry of a session and its user on a touch', async () => {
      const user = await identities.upsertUser(claims('s1', 'Jan'))
      const idHash = sessionHash()
      await identities.createSession({
        idHash,
        userId: user.id,
        createdAt: user.createdAt,
        idleExpiresAt: inMinutes(60),
        absoluteExpiresAt: inMinutes(600),
      })
      const [later, idleExpiresAt] = [inMinutes(5), inMinutes(65)]
      await identities.touchSession(idHash, later, idleExpiresAt)
      const session = await identities.getSession(idHash)
      expect(session).toMatchObject({ lastSeenAt: later, idleExpiresAt })
      expect(session?.user.lastSeenAt).toBe(later)
    })

    it('ends one session, every session of a user, and expired ones', async () => {
      const jan = await identities.upsertUser(claims('s1', 'Jan'))
      const piet = await identities.upsertUser(claims('s2', 'Piet'))
      const open = async (userId: string, idle = 60, absolute = 600) => {
        const idHash = sessionHash()
        await identities.createSession({
          idHash,
          userId,
          createdAt: new Date().toISOString(),
          idleExpiresAt: inMinutes(idle),
          absoluteExpiresAt: inMinutes(absolute),
        })
        return idHash
      }
      const [laptop, phone, tablet, pietsOwn] = [
        await open(jan.id),
        await open(jan.id),
        await open(jan.id),
        await open(piet.id),
      ]
      await identities.deleteSession(laptop)
      await identities.deleteSession(laptop)
      expect(await identities.getSession(laptop)).toBeNull()
      expect(await identities.deleteUserSessions(jan.id)).toBe(2)
      expect(await identities.getSession(phone)).toBeNull()
      expect(await identities.getSession(tablet)).toBeNull()
      expect(await identities.getSession(pietsOwn)).not.toBeNull()

      const idle = await open(piet.id, -1)
      const old = await open(piet.id, 60, -1)
      expect(await identities.deleteExpiredSessions(new Date().toISOString())).toBe(2)
      expect(await identities.getSession(idle)).toBeNull()
      expect(await identities.getSession(old)).toBeNull()
      expect(await identities.getSession(pietsOwn)).not.toBeNull()
    })

    it('answers which of several sessions are still on, in one query', async () => {
      const jan = await identities.upsertUser(claims('s1', 'Jan'))
      const open = async (idle: number, absolute: number) => {
        const idHash = sessionHash()
        await identities.createSession({
          idHash,
          userId: jan.id,
          createdAt: new Date().toISOString(),
          idleExpiresAt: inMinutes(idle),
          absoluteExpiresAt: inMinutes(absolute),
        })
        return idHash
      }
      const [on, idle, old, gone] = [
        await open(60, 600),
        await open(-1, 600),
        await open(60, -1),
        await open(60, 600),
      ]
      await identities.deleteSession(gone)
      const live = await identities.liveSessions([on, idle, old, gone], new Date().toISOString())
      expect(live.map((session) => Buffer.from(session.idHash).toString('hex'))).toEqual([
        Buffer.from(on).toString('hex'),
      ])
      expect(await identities.liveSessions([], new Date().toISOString())).toEqual([])
    })

    it('keeps users and sessions when the store is opened again', async () => {
      const user = await identities.upsertUser(claims('s1', 'Jan', { groups: ['x'] }))
      const idHash = sessionHash()
      await identities.createSession({
        idHash,
        userId: user.id,
        createdAt: user.createdAt,
        idleExpiresAt: inMinutes(60),
        absoluteExpiresAt: inMinutes(600),
      })
      await harness.store.close()
      const reopened = await harness.reopen()
      harness = { ...harness, store: reopened }
      expect((await reopened.identities.getSession(idHash))?.user).toEqual(user)
    })
  })
}
