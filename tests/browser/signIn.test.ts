/**
 * Sign-in in Chromium against the in-process test provider, in Dutch and English: the home
 * page's "Sign in" goes through the provider's login page and comes back signed in; "Sign
 * out" ends it here and at the provider; cancelling ends on the error page. Open mode's
 * home page shows none of it.
 */
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_USERS, type TestIdentityProvider } from '../server/identity/testIdentityProvider'
import { axeViolations } from './axeCheck'
import { type OrganisationApp, startOrganisationApp } from './organisationApp'
import { type AppServer, launchChromium, openTrackedPage, startAppServer } from './browserFixture'

/** Screenshots for a person to look at; not compared by the tests. */
const SCREENSHOT_DIR = '.tmp/screenshots'

describe('sign-in in the browser (organisation mode)', () => {
  let browser: Browser
  let app: OrganisationApp
  let idp: TestIdentityProvider
  let appUrl: string

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    app = await startOrganisationApp()
    ;({ idp, appUrl } = app)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('signs in through the provider and out again, in Dutch', async () => {
    const { page, context } = await openTrackedPage(browser, appUrl, { locale: 'nl-NL' })
    await page.goto(appUrl)
    const signIn = page.getByRole('link', { name: 'Inloggen', exact: true })
    await signIn.waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-nl-home.png` })
    await signIn.click()
    await page.waitForURL(`${idp.issuer}/interaction/**`)
    await page.getByRole('link', { name: `Sign in as ${TEST_USERS.jan.name}` }).click()
    await page.waitForURL(`${appUrl}/`)
    await page.getByText(`Ingelogd als ${TEST_USERS.jan.name}`).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-nl-signed-in.png` })
    const cookie = (await context.cookies(appUrl)).find((c) => c.name === 'sc_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })

    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click()
    await page.waitForURL(`${idp.issuer}/**`)
    await page.getByRole('button', { name: 'Yes, sign me out' }).click()
    await page.waitForURL(`${appUrl}/`)
    await page.getByRole('link', { name: 'Inloggen', exact: true }).waitFor()
    expect((await context.cookies(appUrl)).some((c) => c.name === 'sc_session')).toBe(false)
    await context.close()
  })

  it('ends on a page in English with a way back when the user cancels', async () => {
    const { page, context } = await openTrackedPage(browser, appUrl, { locale: 'en-GB' })
    await page.goto(appUrl)
    await page.getByRole('link', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(`${idp.issuer}/interaction/**`)
    await page.getByRole('link', { name: 'Cancel' }).click()
    await page.waitForURL(`${appUrl}/auth/callback**`)
    await page.getByRole('heading', { name: 'Sign-in cancelled' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-en-cancelled.png` })
    await page.getByRole('link', { name: 'Try again' }).click()
    await page.waitForURL(`${idp.issuer}/interaction/**`)
    await page.getByRole('link', { name: `Sign in as ${TEST_USERS.anna.name}` }).click()
    await page.waitForURL(`${appUrl}/`)
    await page.getByText(`Signed in as ${TEST_USERS.anna.name}`).waitFor()
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-en-signed-in.png` })
    await context.close()
  })
})

describe('the home page in open mode', () => {
  let browser: Browser
  let app: AppServer

  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows no sign-in at all', async () => {
    const { page, context } = await openTrackedPage(browser, app.url, { locale: 'en-GB' })
    const session = page.waitForResponse(`${app.url}/api/session`)
    await page.goto(app.url)
    expect(await (await session).json()).toEqual({ mode: 'open', user: null })
    await page.getByRole('button', { name: 'Create map' }).waitFor()
    expect(await page.locator('.session-bar').count()).toBe(0)
    expect(await page.getByText('Sign in').count()).toBe(0)
    // The header holds what it held before: the name and the language switch.
    expect(await page.locator('.home__header > *').count()).toBe(2)
    await context.close()
  })
})
