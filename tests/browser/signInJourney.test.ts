/**
 * Issue 18 end to end in Chromium, in Dutch: sign in through the real test provider, land
 * in the library, make a map and work on it, and find the provider's name (not one typed in
 * the browser) in the participants list and the audit trail; then sign out, after which the
 * map's socket and API refuse the old session.
 */
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_USERS } from '../server/identity/testIdentityProvider'
import { launchChromium, openTrackedPage, waitForMapReady } from './browserFixture'
import { type OrganisationApp, startOrganisationApp } from './organisationApp'

/** Screenshots for a person to look at; not compared by the tests. */
const SCREENSHOT_DIR = '.tmp/screenshots'

describe('signed in from the provider to the audit trail (organisation mode)', () => {
  let browser: Browser
  let app: OrganisationApp

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    app = await startOrganisationApp({ AUDIT_WINDOW_MS: '0' })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('signs in, makes a map, is named by the provider everywhere, and signs out', async () => {
    const anna = TEST_USERS.anna
    const { appUrl, idp, server } = app
    // The name typed in this browser before signing in must not be what others see.
    const { page, context, errors } = await openTrackedPage(browser, appUrl, {
      locale: 'nl-NL',
      name: 'Iemand Anders',
    })
    const failed: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
    })
    await page.goto(appUrl)
    await page.getByRole('link', { name: 'Inloggen', exact: true }).click()
    await page.waitForURL(`${idp.issuer}/interaction/**`)
    await page.getByRole('link', { name: `Sign in as ${anna.name}` }).click()
    await page.waitForURL(`${appUrl}/`)
    await page.getByText(`Ingelogd als ${anna.name}`).waitFor()
    await page.getByRole('heading', { name: 'Kaarten van je organisatie' }).waitFor()

    await page.getByLabel('Titel', { exact: true }).fill('Cacaoketen 2027')
    await page.getByRole('button', { name: 'Kaart maken' }).click()
    await waitForMapReady(page)
    const mapId = new URL(page.url()).pathname.split('/').pop() ?? ''
    // Opened through the membership: no share token in the address bar or on the socket.
    expect(page.url()).toBe(`${appUrl}/m/${mapId}`)
    // The name is the provider's, shown rather than asked.
    await page.locator('.map-bar').getByText(`Ingelogd als ${anna.name}`).waitFor()

    await page.getByRole('tab', { name: 'Toevoegen' }).click()
    await page.getByLabel('Naam', { exact: true }).fill('Fair Cocoa NGO')
    await page.getByRole('button', { name: 'Stakeholder toevoegen', exact: true }).click()
    await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe('Fair Cocoa NGO')
    await page.getByTestId('field-legitimacy').selectOption('4')

    await page.getByRole('tab', { name: 'Workshop' }).click()
    const participants = page.getByTestId('participants')
    await expect.poll(() => participants.textContent(), { timeout: 10_000 }).toContain(anna.name)
    expect(await participants.textContent()).not.toContain('Iemand Anders')
    expect(await participants.textContent()).not.toContain('gast')

    await page.getByRole('tab', { name: 'Delen' }).click()
    const trail = page.getByTestId('audit-trail')
    await trail.getByRole('heading', { name: 'Audittrail' }).waitFor()
    const who = trail.getByTestId('audit-who')
    await expect
      .poll(() => who.allTextContents(), { timeout: 10_000 })
      .toContain(`${anna.name} (Eigenaar)`)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-nl-audit.png` })
    const rows = server.store.listAudit(mapId)
    expect((await rows).map((row) => [row.participant.name, row.participant.kind])).toContainEqual([
      anna.name,
      'user',
    ])

    const session = (await context.cookies(appUrl)).find((c) => c.name === 'sc_session')
    expect(session).toBeDefined()
    await page.getByRole('link', { name: /Alle kaarten/ }).click()
    // The library says who changed the map last: the provider's name of the signed-in user.
    const row = page.locator('.library__table tbody tr', { hasText: 'Cacaoketen 2027' })
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(`door ${anna.name}`)
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click()
    await page.waitForURL(`${idp.issuer}/**`)
    await page.getByRole('button', { name: 'Yes, sign me out' }).click()
    await page.waitForURL(`${appUrl}/`)
    await page.getByRole('link', { name: 'Inloggen', exact: true }).waitFor()
    // The old cookie no longer opens the map.
    const refused = await fetch(`${appUrl}/api/maps/${mapId}`, {
      headers: { cookie: `sc_session=${session?.value ?? ''}` },
    })
    expect(refused.status).toBe(401)
    // The test provider's pages have no favicon; nothing of ours failed.
    expect(failed.filter((line) => !line.endsWith(`${idp.issuer}/favicon.ico`))).toEqual([])
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await context.close()
  })
  it('asks a signed-in newcomer only where they are, and tells them when their session ends', async () => {
    const { appUrl } = app
    // A browser that never joined a map: no name, no place.
    const { page, context } = await openTrackedPage(browser, appUrl, {
      locale: 'nl-NL',
      place: null,
    })
    await page.goto(appUrl)
    await page.getByRole('link', { name: 'Inloggen', exact: true }).click()
    await page.getByRole('link', { name: `Sign in as ${TEST_USERS.jan.name}` }).click()
    await page.getByRole('heading', { name: 'Kaarten van je organisatie' }).waitFor()
    await page.getByLabel('Titel', { exact: true }).fill('Sessie die eindigt')
    await page.getByRole('button', { name: 'Kaart maken' }).click()
    const dialog = page.getByRole('dialog', { name: 'Meedoen met de kaart' })
    await dialog.getByText(`Ingelogd als ${TEST_USERS.jan.name}`).waitFor()
    // The provider's name is shown, not asked.
    expect(await dialog.locator('#join-name').count()).toBe(0)
    await dialog.getByRole('radio', { name: /[Oo]p afstand/ }).check()
    await dialog.getByRole('button', { name: 'Meedoen' }).click()
    await dialog.waitFor({ state: 'detached' })
    // Signed out everywhere (from another device): the open map says so, with a way back.
    const session = (await context.cookies(appUrl)).find((c) => c.name === 'sc_session')
    const ended = await fetch(`${appUrl}/auth/logout-everywhere`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `sc_session=${session?.value ?? ''}`, origin: appUrl },
    })
    expect(ended.status).toBeLessThan(400)
    const banner = page.getByRole('alert').filter({ hasText: 'Je bent uitgelogd' })
    await banner.waitFor({ timeout: 10_000 })
    const again = banner.getByRole('link', { name: 'Opnieuw inloggen' })
    expect(await again.getAttribute('href')).toMatch(/^\/auth\/login\?returnTo=%2Fm%2F/)
    // The map bar no longer says who is signed in.
    expect(await page.locator('.map-bar').getByText('Ingelogd als').count()).toBe(0)
    await context.close()
  })
})
