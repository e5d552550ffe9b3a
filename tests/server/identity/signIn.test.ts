/**
 * Sign-in against a real OpenID provider (oidc-provider, in-process): the whole redirect
 * chain driven as a browser would, on SQLite and on PostgreSQL.
 */
import path from 'node:path'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionResponse } from '../../../shared/protocol/sessionApi'
import { loadConfig } from '../../../server/config'
import { createServer, type ServerDependencies } from '../../../server/createServer'
import type { StakeholderCanvasServer } from '../../../server/createServer'
import { storageBackends, storageContains } from '../storageBackends'
import { createFixture } from '../testServer'
import { TestBrowser } from './testBrowser'
import {
  TEST_USERS,
  type TestIdentityProvider,
  type TestUserKey,
  freeLoopbackPort,
  startTestIdentityProvider,
} from './testIdentityProvider'

const fixture = createFixture()
const running: { server: StakeholderCanvasServer; idp: TestIdentityProvider }[] = []

afterEach(async () => {
  for (const { server, idp } of running.splice(0)) {
    await server.close()
    await idp.close()
  }
  await fixture.cleanup()
})

interface Organisation {
  appUrl: string
  idp: TestIdentityProvider
  server: StakeholderCanvasServer
  config: ReturnType<typeof loadConfig>
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[]
}

describe.each(await storageBackends())('sign-in on $name', (backend) => {
  /** An app in organisation mode on a loopback port, pointed at a fresh test provider. */
  async function startOrganisation(
    env: Record<string, string> = {},
    dependencies: ServerDependencies = {},
  ): Promise<Organisation> {
    const port = await freeLoopbackPort()
    const appUrl = `http://127.0.0.1:${port}`
    const idp = await startTestIdentityProvider({ appUrl })
    const dataDir = await fixture.makeDataDir()
    const config = loadConfig({
      STATIC_DIR: path.join(dataDir, 'no-client'),
      ...(await backend.env()),
      ...idp.env(),
      ...env,
      DATA_DIR: dataDir,
    })
    const logs: Record<string, unknown>[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) })
    const server = createServer(config, { logger, ...dependencies })
    running.push({ server, idp })
    await server.listen(port, '127.0.0.1')
    return { appUrl, idp, server, config, logs }
  }

  /** Signs `user` in through the provider's login page; answers the chain and where it ended. */
  async function signIn(
    org: Organisation,
    browser: TestBrowser,
    user: TestUserKey,
    start = '/auth/login',
  ) {
    const toProvider = await browser.follow(`${org.appUrl}${start}`)
    expect(toProvider.response.status).toBe(200)
    const page = await toProvider.response.text()
    const last = toProvider.hops.at(-1)?.url ?? ''
    const link = new RegExp(`href="([^"]+login\\?user=${user})"`).exec(page)?.[1]
    if (link === undefined) throw new Error(`no login link for ${user} on ${last}:\n${page}`)
    return browser.follow(new URL(link, last).href)
  }

  async function session(org: Organisation, browser: TestBrowser): Promise<SessionResponse> {
    const response = await browser.request(`${org.appUrl}/api/session`)
    expect(response.status).toBe(200)
    return (await response.json()) as SessionResponse
  }

  it('signs a user in through the provider and names them in /api/session', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser()
    expect(await session(org, browser)).toEqual({ mode: 'organisation', user: null })

    const { response, hops } = await signIn(
      org,
      browser,
      'jan',
      '/auth/login?returnTo=/maps/abc%3Fx%3D1',
    )
    // app → provider → … → the app's callback → where the user wanted to go.
    expect(hops[0]?.status).toBe(303)
    const authorize = new URL((await browser.follow(`${org.appUrl}/auth/login`)).hops[1]?.url ?? '')
    expect(authorize.origin).toBe(org.idp.issuer)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('state')).toBeTruthy()
    expect(authorize.searchParams.get('nonce')).toBeTruthy()
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${org.appUrl}/auth/callback`)
    const callback = hops.find((hop) => hop.url.startsWith(`${org.appUrl}/auth/callback`))
    expect(callback?.status).toBe(303)
    expect(hops.at(-1)?.url).toBe(`${org.appUrl}/maps/abc?x=1`)
    await response.arrayBuffer()

    const answer = await session(org, browser)
    expect(answer.mode).toBe('organisation')
    expect(answer.user).toEqual({
      id: expect.stringMatching(/^u_/),
      name: TEST_USERS.jan.name,
      email: TEST_USERS.jan.email,
      isAdmin: true,
    })
    const stored = await org.server.store.identities.getUser(answer.user?.id ?? '')
    expect(stored).toMatchObject({ subject: TEST_USERS.jan.subject, groups: TEST_USERS.jan.groups })
    expect(org.logs.some((line) => line['msg'] === 'signed in')).toBe(true)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie whose value the database never holds', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser()
    const toProvider = await browser.follow(`${org.appUrl}/auth/login`)
    const page = await toProvider.response.text()
    const link = /href="([^"]+login\?user=anna)"/.exec(page)?.[1] ?? ''
    const loginUrl = new URL(link, toProvider.hops.at(-1)?.url).href
    // Walk to the callback by hand to read its Set-Cookie.
    let url = loginUrl
    let response = await browser.request(url)
    while (!url.startsWith(`${org.appUrl}/auth/callback`)) {
      url = new URL(response.headers.get('location') ?? '', url).href
      response = await browser.request(url)
    }
    const sessionCookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('sc_session='))
    expect(sessionCookie).toMatch(/; Path=\//)
    expect(sessionCookie).toMatch(/; HttpOnly/)
    expect(sessionCookie).toMatch(/; SameSite=Lax/)
    expect(sessionCookie).not.toMatch(/Secure/)
    const value = browser.cookie(org.appUrl, 'sc_session') ?? ''
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await storageContains(org.config, value)).toBe(false)
    expect((await session(org, browser)).user).toMatchObject({
      name: TEST_USERS.anna.name,
      isAdmin: false,
    })
  })

  it('marks the login cookie Secure when PUBLIC_URL is https (the session cookie shares the flag)', async () => {
    const org = await startOrganisation({ PUBLIC_URL: 'https://canvas.example.org' })
    const response = await new TestBrowser().request(`${org.appUrl}/auth/login`)
    expect(response.status).toBe(303)
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe(
      'https://canvas.example.org/auth/callback',
    )
    const login = response.headers.getSetCookie().find((line) => line.startsWith('sc_login='))
    expect(login).toMatch(/; Path=\/auth\/; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/)
  })

  it('lands on the home page when returnTo points elsewhere', async () => {
    const org = await startOrganisation()
    for (const returnTo of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'x']) {
      const browser = new TestBrowser()
      const { hops } = await signIn(
        org,
        browser,
        'jan',
        `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      )
      expect(hops.at(-1)?.url).toBe(`${org.appUrl}/`)
    }
  })

  it('refuses a forged session cookie', async () => {
    const org = await startOrganisation()
    for (const forged of ['A'.repeat(43), 'not-a-session', "x'; DROP TABLE users; --"]) {
      const browser = new TestBrowser()
      browser.setCookie(org.appUrl, 'sc_session', forged)
      expect((await session(org, browser)).user).toBeNull()
    }
  })

  it('ends a session left unused for SESSION_IDLE_MINUTES', async () => {
    let now = Date.now()
    const org = await startOrganisation({ SESSION_IDLE_MINUTES: '30' }, { clock: () => now })
    const browser = new TestBrowser()
    await signIn(org, browser, 'jan')
    now += 29 * 60_000
    expect((await session(org, browser)).user?.name).toBe(TEST_USERS.jan.name)
    // Used at 29 min, so the idle time counts from there.
    now += 29 * 60_000
    expect((await session(org, browser)).user?.name).toBe(TEST_USERS.jan.name)
    now += 31 * 60_000
    expect((await session(org, browser)).user).toBeNull()
    // Gone for good, even if the clock were to go back.
    now -= 31 * 60_000
    expect((await session(org, browser)).user).toBeNull()
  })

  it('ends a session SESSION_MAX_HOURS after sign-in, however busy', async () => {
    let now = Date.now()
    const org = await startOrganisation(
      { SESSION_IDLE_MINUTES: '60', SESSION_MAX_HOURS: '2' },
      { clock: () => now },
    )
    const browser = new TestBrowser()
    await signIn(org, browser, 'jan')
    for (let minutes = 30; minutes < 120; minutes += 30) {
      now += 30 * 60_000
      expect((await session(org, browser)).user, `at ${minutes} min`).not.toBeNull()
    }
    now += 31 * 60_000
    expect((await session(org, browser)).user).toBeNull()
  })

  it('signs out: the session ends here and the browser goes to the provider to end it there', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser()
    await signIn(org, browser, 'jan')
    const cookie = browser.cookie(org.appUrl, 'sc_session') ?? ''
    const response = await browser.request(`${org.appUrl}/auth/logout`, {
      method: 'POST',
      headers: { origin: org.appUrl },
    })
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toMatch(new RegExp(`^${org.idp.issuer}/`))
    expect(location.searchParams.get('client_id')).toBe(org.idp.clientId)
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${org.appUrl}/`)
    expect(browser.cookie(org.appUrl, 'sc_session')).toBeUndefined()
    expect((await session(org, browser)).user).toBeNull()
    // A copy of the old cookie is worth nothing either.
    const thief = new TestBrowser()
    thief.setCookie(org.appUrl, 'sc_session', cookie)
    expect((await session(org, thief)).user).toBeNull()
  })

  it('signs out everywhere: every session of the user ends, others keep theirs', async () => {
    const org = await startOrganisation()
    const [laptop, phone, colleague] = [new TestBrowser(), new TestBrowser(), new TestBrowser()]
    await signIn(org, laptop, 'jan')
    await signIn(org, phone, 'jan')
    await signIn(org, colleague, 'anna')
    const response = await phone.request(`${org.appUrl}/auth/logout-everywhere`, {
      method: 'POST',
      headers: { origin: org.appUrl },
    })
    expect(response.status).toBe(303)
    expect((await session(org, laptop)).user).toBeNull()
    expect((await session(org, phone)).user).toBeNull()
    expect((await session(org, colleague)).user?.name).toBe(TEST_USERS.anna.name)
  })

  it('refuses a sign-out posted from a foreign page', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser()
    await signIn(org, browser, 'jan')
    for (const route of ['/auth/logout', '/auth/logout-everywhere']) {
      const response = await browser.request(`${org.appUrl}${route}`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      })
      expect(response.status).toBe(403)
    }
    expect((await session(org, browser)).user?.name).toBe(TEST_USERS.jan.name)
    // A sandboxed frame elsewhere also says `Origin: null`, but the browser marks it cross-site.
    const sandboxed = await browser.request(`${org.appUrl}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
    })
    expect(sandboxed.status).toBe(403)
    expect((await session(org, browser)).user?.name).toBe(TEST_USERS.jan.name)
  })

  it('accepts the sign-out form of its own page, which browsers send with Origin: null', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser()
    await signIn(org, browser, 'jan')
    const response = await browser.request(`${org.appUrl}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
    })
    expect(response.status).toBe(303)
    expect((await session(org, browser)).user).toBeNull()
  })

  /** Asserts the error page: status, language, the two links, no stack trace. */
  async function expectErrorPage(
    response: Response,
    status: number,
    language: 'nl' | 'en',
    title: string,
  ) {
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).toContain(`<html lang="${language}">`)
    expect(html).toContain(`<h1>${title}</h1>`)
    expect(html).toContain('href="/auth/login"')
    expect(html).toContain('href="/"')
    expect(html).not.toMatch(/\bat .+:\d+:\d+|Error:|OAUTH_|invalid_client/)
  }

  const failures = (logs: Record<string, unknown>[]) =>
    logs.filter((line) => line['msg'] === 'sign-in failed')

  it('ends on a Dutch error page, and one log line, when the client secret is wrong', async () => {
    const org = await startOrganisation({ OIDC_CLIENT_SECRET: 'not-the-secret' })
    const browser = new TestBrowser({ 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' })
    const { response } = await signIn(org, browser, 'jan')
    await expectErrorPage(response, 502, 'nl', 'Inloggen is niet goed ingesteld')
    expect(failures(org.logs)).toEqual([
      expect.objectContaining({ level: 40, failure: 'client-rejected' }),
    ])
    expect((await session(org, browser)).user).toBeNull()
  })

  it('ends on an error page when the user cancels at the provider', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser({ 'accept-language': 'en-GB' })
    const toProvider = await browser.follow(`${org.appUrl}/auth/login`)
    const page = await toProvider.response.text()
    const cancel = /href="([^"]+\/abort)"/.exec(page)?.[1] ?? ''
    const { response, hops } = await browser.follow(
      new URL(cancel, toProvider.hops.at(-1)?.url).href,
    )
    expect(hops.at(-1)?.url).toMatch(
      new RegExp(`^${org.appUrl}/auth/callback\\?error=access_denied`),
    )
    await expectErrorPage(response, 400, 'en', 'Sign-in cancelled')
    expect(failures(org.logs)).toEqual([expect.objectContaining({ failure: 'cancelled' })])

    const dutch = new TestBrowser({ 'accept-language': 'nl' })
    const again = await dutch.follow(`${org.appUrl}/auth/login`)
    const dutchCancel = /href="([^"]+\/abort)"/.exec(await again.response.text())?.[1] ?? ''
    const ended = await dutch.follow(new URL(dutchCancel, again.hops.at(-1)?.url).href)
    await expectErrorPage(ended.response, 400, 'nl', 'Inloggen geannuleerd')
  })

  it('ends on an error page when the provider is down, and signs in once it is back', async () => {
    const org = await startOrganisation()
    await org.idp.close()
    const browser = new TestBrowser({ 'accept-language': 'nl' })
    const response = await browser.request(`${org.appUrl}/auth/login`)
    await expectErrorPage(response, 502, 'nl', 'De inlogdienst is niet bereikbaar')
    expect(failures(org.logs)).toEqual([
      expect.objectContaining({ failure: 'provider-unreachable' }),
    ])

    const port = Number(new URL(org.idp.issuer).port)
    const back = await startTestIdentityProvider({ appUrl: org.appUrl, port })
    running.push({ server: org.server, idp: back })
    await signIn(org, browser, 'anna')
    expect((await session(org, browser)).user?.name).toBe(TEST_USERS.anna.name)
  })

  it('ends on an error page when the provider went down after someone signed in', async () => {
    const org = await startOrganisation()
    await signIn(org, new TestBrowser(), 'jan')
    await org.idp.close()
    const response = await new TestBrowser({ 'accept-language': 'en' }).request(
      `${org.appUrl}/auth/login`,
    )
    await expectErrorPage(response, 502, 'en', 'The sign-in service cannot be reached')
    expect(failures(org.logs)).toEqual([
      expect.objectContaining({ failure: 'provider-unreachable' }),
    ])
  })

  it('ends on an error page when the ID token does not pass the checks (a skewed clock)', async () => {
    // This server's clock two hours ahead: the provider's ID token looks long expired.
    const org = await startOrganisation({}, { signInClockSkewSeconds: 2 * 3600 })
    const browser = new TestBrowser()
    const { response } = await signIn(org, browser, 'jan')
    await expectErrorPage(response, 502, 'en', 'Your sign-in could not be verified')
    expect(failures(org.logs)).toEqual([expect.objectContaining({ failure: 'invalid-id-token' })])
    expect((await session(org, browser)).user).toBeNull()
  })

  it('ends on an error page when the callback comes without a sign-in started here', async () => {
    const org = await startOrganisation()
    const browser = new TestBrowser()
    const response = await browser.request(`${org.appUrl}/auth/callback?code=abc&state=def`)
    await expectErrorPage(response, 400, 'en', 'This sign-in has expired')
  })
})

describe('open mode', () => {
  it('answers /api/session with open mode and nobody, and has no sign-in routes', async () => {
    const test = await fixture.startServer()
    const response = await fetch(`${test.httpUrl}/api/session`)
    expect(await response.json()).toEqual({ mode: 'open', user: null })
    const login = await fetch(`${test.httpUrl}/auth/login`, { redirect: 'manual' })
    expect(login.status).not.toBe(303)
    const logout = await fetch(`${test.httpUrl}/auth/logout`, { method: 'POST' })
    expect(logout.status).toBe(405)
  })
})
