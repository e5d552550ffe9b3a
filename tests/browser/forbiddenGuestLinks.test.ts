/**
 * The owner's "allow guest links" choice in organisation mode, in Chromium, in Dutch and in
 * English: forbidding shows the notice instead of the form and closes a guest's open map at
 * once; with `GUEST_LINKS_DEFAULT=forbidden` the choice says what the organisation decided,
 * and allowing brings the form back. Organisation mode is switched on by its settings alone
 * (the owner's session is written into the store and set as the browser's cookie, so the
 * provider is never asked); the owner opens the map through that membership, as there are
 * no role links in organisation mode.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'
import { signInDirectly } from '../server/library/signedInUsers'

/**
 * A map made in organisation mode by an owner signed in directly through the store; the
 * owner's browser gets the session cookie and opens the map by its plain address.
 */
async function openOrganisationMap(server: AppServer, context: BrowserContext, title: string) {
  const owner = await signInDirectly(server.store, 'sub-owner', 'Olga Owner')
  const map = await createMapViaApi(server.url, title, 'blank', { cookie: owner.cookie })
  const [name = '', value = ''] = owner.cookie.split('=')
  await context.addCookies([{ name, value, url: server.url }])
  return map
}

const ORGANISATION = {
  OIDC_ISSUER: 'http://127.0.0.1:9/never-asked',
  OIDC_CLIENT_ID: 'canvas',
  OIDC_CLIENT_SECRET: 's3cret',
  PUBLIC_URL: 'http://127.0.0.1:8080',
}

/** Words of an English sentence that no Dutch text here contains. */
const ENGLISH_WORDS = /\b(the|allowed|guest links|does not|organisation)\b/i

describe('allowing guest links in organisation mode', () => {
  let browser: Browser
  let server: AppServer | null = null

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterEach(async () => {
    await server?.close()
    server = null
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('nl: the owner forbids guest links; the form gives way to the notice and a guest is refused', async () => {
    server = await startAppServer(ORGANISATION)
    const owner = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    const { page } = owner
    const map = await openOrganisationMap(server, owner.context, 'Geen gasten')
    await page.goto(`${server.url}/m/${map.id}`)
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Delen' }).click()
    const section = page.locator('section.guest-links')
    const setting = section.getByLabel('Gastlinks toestaan')
    await setting.waitFor()
    const options = await setting.locator('option').allTextContents()
    expect(options).toEqual(['Standaard organisatie: toegestaan', 'Toegestaan', 'Niet toegestaan'])
    await section.getByRole('button', { name: 'Gastlink maken' }).click()
    const link = await section.getByLabel('Nieuwe gastlink').inputValue()

    const guest = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Gast' })
    await guest.page.goto(link)
    await waitForMapReady(guest.page)

    await setting.selectOption({ label: 'Niet toegestaan' })
    const notice = section.locator('.guest-links__forbidden')
    await notice.waitFor()
    const text = (await notice.textContent()) ?? ''
    expect(text).toContain('Gastlinks zijn voor deze kaart niet toegestaan')
    expect(text).not.toMatch(ENGLISH_WORDS)
    expect(await section.getByRole('button', { name: 'Gastlink maken' }).count()).toBe(0)
    await page.screenshot({ path: 'test-results/forbidden-guest-links-nl.png' })
    await expect
      .poll(() => guest.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 3000,
      })
      .toBe('refused')
    // After a reload the owner sees the choice as stored.
    await page.reload()
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Delen' }).click()
    await section.locator('.guest-links__forbidden').waitFor()
    expect(await section.getByLabel('Gastlinks toestaan').inputValue()).toBe('forbidden')
    expect([...owner.foreignRequests, ...guest.foreignRequests]).toEqual([])
  })

  it('en: with GUEST_LINKS_DEFAULT=forbidden the choice names the default, and allowing brings the form back', async () => {
    server = await startAppServer({ ...ORGANISATION, GUEST_LINKS_DEFAULT: 'forbidden' })
    const { page, context } = await openTrackedPage(browser, server.url, { locale: 'en-GB' })
    const map = await openOrganisationMap(server, context, 'No guests by default')
    await page.goto(`${server.url}/m/${map.id}`)
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Share' }).click()
    const section = page.locator('section.guest-links')
    const setting = section.getByLabel('Allow guest links')
    await setting.waitFor()
    expect(await setting.locator('option').first().textContent()).toBe(
      'Organisation default: not allowed',
    )
    await section.getByText('Guest links are not allowed for this map.').waitFor()
    await page.screenshot({ path: 'test-results/forbidden-guest-links-en.png' })
    await setting.selectOption({ label: 'Allowed' })
    await section.getByRole('button', { name: 'Make guest link' }).click()
    expect(await section.getByLabel('New guest link').inputValue()).toMatch(
      new RegExp(`/m/${map.id}#t=`),
    )
  })

  it('open mode shows no such choice', async () => {
    server = await startAppServer({ GUEST_LINKS_DEFAULT: 'forbidden' })
    const map = await createMapViaApi(server.url, 'Open')
    const { page } = await openTrackedPage(browser, server.url, { locale: 'en-GB' })
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Share' }).click()
    const section = page.locator('section.guest-links')
    await section.getByRole('button', { name: 'Make guest link' }).waitFor()
    expect(await section.getByLabel('Allow guest links').count()).toBe(0)
  })
})
