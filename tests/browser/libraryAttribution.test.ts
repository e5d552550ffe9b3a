/**
 * "Last change … by" in the organisation's library names the person who changed the map, in
 * Chromium through the real test provider: Jan makes a map from the SER template, Anna (a
 * member) only opens it and leaves, and the library still says the last change was Jan's.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_USERS, type TestUser } from '../server/identity/testIdentityProvider'
import { launchChromium, openTrackedPage, waitForMapReady } from './browserFixture'
import { type OrganisationApp, startOrganisationApp } from './organisationApp'

/** Signs `user` in at the test provider from the home page, in English. */
async function signIn(page: Page, app: OrganisationApp, user: TestUser) {
  await page.goto(app.appUrl)
  await page.getByRole('link', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${app.idp.issuer}/interaction/**`)
  await page.getByRole('link', { name: `Sign in as ${user.name}` }).click()
  await page.waitForURL(`${app.appUrl}/`)
}

describe('who made the last change, in the library', () => {
  let browser: Browser
  let app: OrganisationApp

  beforeAll(async () => {
    app = await startOrganisationApp()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('a member who only opens a map and leaves is not named as its last changer', async () => {
    const jan = await openTrackedPage(browser, app.appUrl, { locale: 'en-GB' })
    const anna = await openTrackedPage(browser, app.appUrl, { locale: 'en-GB' })
    await signIn(anna.page, app, TEST_USERS.anna)
    await signIn(jan.page, app, TEST_USERS.jan)
    await jan.page.getByLabel('Title', { exact: true }).fill('Cocoa chain Ghana')
    await jan.page.getByRole('button', { name: 'Create map' }).click()
    await waitForMapReady(jan.page)
    const mapUrl = jan.page.url()
    await jan.page.getByRole('tab', { name: 'Members' }).click()
    await jan.page.getByRole('searchbox', { name: 'Name or e-mail' }).fill('anna')
    await jan.page.getByRole('button', { name: /Add Anna Jansen .* as editor/ }).click()
    await jan.page.locator('.members__list li', { hasText: 'Anna Jansen' }).waitFor()
    await jan.page.goto(app.appUrl)
    const row = jan.page.locator('.library__table tbody tr', { hasText: 'Cocoa chain Ghana' })
    await expect.poll(() => row.textContent()).toContain('by Jan de Vries')

    // Anna opens the map, looks at it (its template, its lock state) and leaves.
    await anna.page.goto(mapUrl)
    await waitForMapReady(anna.page)
    await anna.page.waitForTimeout(2_000)
    await anna.page.goto(app.appUrl)
    const annasRow = anna.page.locator('.library__table tbody tr', { hasText: 'Cocoa chain Ghana' })
    await annasRow.waitFor()
    expect(await annasRow.textContent()).toContain('by Jan de Vries')
    await jan.page.reload()
    await row.waitFor()
    expect(await row.textContent()).toContain('by Jan de Vries')
    expect(await row.textContent()).not.toContain('Anna')
    await jan.context.close()
    await anna.context.close()
  })
})
