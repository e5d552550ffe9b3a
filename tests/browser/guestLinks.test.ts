/**
 * Guest links in a Dutch browser, as a facilitator runs a workshop: make a viewer link in
 * the Share tab, open it in a second browser (it works, read-only), withdraw it, and the
 * second browser is refused at once, in Dutch; opening the link again shows the Dutch
 * refusal screen.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  type CreatedMap,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

/** Words of an English sentence that no Dutch text here contains. */
const ENGLISH_WORDS = /\b(the|link has|expired|withdrawn|does not|expires on|access)\b/i

describe('guest links in a Dutch browser', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Gastlinks')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a facilitator makes a viewer link, a guest opens it, and is refused once it is withdrawn', async () => {
    const facilitator = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    const { page } = facilitator
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Delen' }).click()
    const section = page.locator('section.guest-links')
    await section.getByRole('heading', { name: 'Gastlinks' }).waitFor()
    // A facilitator is not offered facilitator links; seven days is the default.
    const roles = await section.getByLabel('Rol').locator('option').allTextContents()
    expect(roles).toEqual(['Bewerker', 'Kijker'])
    await section.getByLabel('Rol').selectOption({ label: 'Kijker' })
    expect(await section.getByLabel('Geldig').inputValue()).toBe('7')
    await section.getByRole('button', { name: 'Gastlink maken' }).click()
    const link = await section.getByLabel('Nieuwe gastlink').inputValue()
    expect(link).toMatch(new RegExp(`/m/${map.id}#t=[A-Za-z0-9_-]{32}$`))
    const row = section.locator('.guest-links__link', { hasText: 'Kijker' })
    const expiry = (await row.textContent()) ?? ''
    const inAWeek = new Date(Date.now() + 7 * 86_400_000)
    const dutchDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(inAWeek)
    expect(expiry).toContain(`verloopt op ${dutchDate}`)
    expect(expiry).not.toMatch(ENGLISH_WORDS)

    const guest = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Gast' })
    await guest.page.goto(link)
    await waitForMapReady(guest.page)
    await guest.page.getByText('Alleen lezen').first().waitFor()

    await row.getByRole('button', { name: 'Intrekken' }).click()
    await section.getByText('Er zijn geen gastlinks in gebruik.').waitFor()
    const refusal = guest.page.getByRole('alert').filter({ hasText: 'geeft (niet langer) toegang' })
    await refusal.waitFor({ timeout: 3000 })
    const text = (await refusal.textContent()) ?? ''
    expect(text).toContain('verlopen of ingetrokken')
    expect(text).not.toMatch(ENGLISH_WORDS)
    expect(await guest.page.getByTestId('connection-status').getAttribute('data-status')).toBe(
      'refused',
    )

    // Opening the withdrawn link again: the refusal screen, in Dutch.
    const later = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await later.page.goto(link)
    const screen = later.page.getByRole('alert').filter({ hasText: 'verlopen of ingetrokken' })
    await screen.waitFor()
    expect((await screen.textContent()) ?? '').not.toMatch(ENGLISH_WORDS)
    expect([...facilitator.foreignRequests, ...guest.foreignRequests]).toEqual([])
  })
})
