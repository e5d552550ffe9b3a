/**
 * Organisation mode as a new user meets it, in Chromium through the real test provider, after
 * the walk-through of issue 18: signed out, the home page asks to sign in instead of offering
 * a form the server refuses; the empty library points down to the form; the Add tab's list
 * button says what it does with nothing pasted; an admin is not offered to sign himself out
 * in the Members tab, and the confirmation appears beside the button; a guest is not sent to
 * "All maps", which would be a sign-in page. Screenshots in Dutch and English.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_USERS, type TestUser } from '../server/identity/testIdentityProvider'
import { launchChromium, openTrackedPage, waitForMapReady } from './browserFixture'
import { type OrganisationApp, startOrganisationApp } from './organisationApp'

/** Screenshots for a person to look at; not compared by the tests. */
const SHOTS = process.env['POLISH_SHOTS_DIR'] ?? '.tmp/screenshots'

/** Signs `user` in at the test provider from the home page, in English. */
async function signIn(page: Page, app: OrganisationApp, user: TestUser) {
  await page.goto(app.appUrl)
  await page.getByRole('link', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(`${app.idp.issuer}/interaction/**`)
  await page.getByRole('link', { name: `Sign in as ${user.name}` }).click()
  await page.waitForURL(`${app.appUrl}/`)
}

/** Switches the page's language with its own language list. */
async function switchTo(page: Page, language: 'nl' | 'en') {
  await page.locator('.language-switch select').first().selectOption(language)
}

describe('organisation mode after the walk-through', () => {
  let browser: Browser
  let app: OrganisationApp

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    app = await startOrganisationApp()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('signed out, the home page asks to sign in instead of showing the New map form', async () => {
    const { page, context } = await openTrackedPage(browser, app.appUrl, { locale: 'nl-NL' })
    await page.goto(app.appUrl)
    const card = page.locator('section[aria-labelledby="create-heading"]')
    await card
      .getByText('Voor een nieuwe kaart heb je het account van je organisatie nodig')
      .waitFor()
    expect(await page.getByLabel('Titel', { exact: true }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Kaart maken' }).count()).toBe(0)
    expect(
      await card.getByRole('link', { name: 'Inloggen om een kaart te maken' }).getAttribute('href'),
    ).toBe('/auth/login')
    await page.screenshot({ path: `${SHOTS}/polish18-01-home-signed-out-nl.png` })
    await switchTo(page, 'en')
    await card.getByText('Creating a map needs your organisation’s account').waitFor()
    await page.screenshot({ path: `${SHOTS}/polish18-01-home-signed-out-en.png` })
    // Who submits anyway is refused with a code the page words.
    const answer = await fetch(`${app.appUrl}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.appUrl },
      body: JSON.stringify({ title: 'Sneaky', template: 'blank' }),
    })
    expect(answer.status).toBe(401)
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
      'sign-in-required',
    )
    await context.close()
  })

  it('library, Add tab, Members tab and a guest, in English and Dutch', async () => {
    const anna = await openTrackedPage(browser, app.appUrl, { locale: 'en-GB' })
    await signIn(anna.page, app, TEST_USERS.anna)
    await anna.context.close()

    const { page, context, errors } = await openTrackedPage(browser, app.appUrl, {
      locale: 'en-GB',
    })
    await signIn(page, app, TEST_USERS.jan)
    // The empty library points to the form where it is: below.
    await page.getByText('No maps yet. Create one below').waitFor()
    const form = page.locator('section[aria-labelledby="create-heading"]')
    const library = page.locator('section.library')
    expect((await form.boundingBox())!.y).toBeGreaterThan((await library.boundingBox())!.y)
    // Search and Order line up, and the list is not bold.
    const labels = page.locator('.library__controls label > span')
    const [searchLabel, orderLabel] = [
      await labels.nth(0).boundingBox(),
      await labels.nth(1).boundingBox(),
    ]
    expect(Math.abs(searchLabel!.y - orderLabel!.y)).toBeLessThan(2)
    const weight = await page
      .locator('.library__controls select')
      .evaluate((select) => getComputedStyle(select).fontWeight)
    expect(weight).toBe('400')
    await page.screenshot({ path: `${SHOTS}/polish18-03-library-en.png` })
    await switchTo(page, 'nl')
    await page.getByText('Nog geen kaarten. Maak er hieronder een').waitFor()
    await page.screenshot({ path: `${SHOTS}/polish18-03-library-nl.png` })
    await switchTo(page, 'en')

    await page.getByLabel('Title', { exact: true }).fill('Cocoa chain Ghana')
    await page.getByRole('button', { name: 'Create map' }).click()
    await waitForMapReady(page)
    const mapUrl = page.url()

    // Add tab: the name's hint fits, and the list button says what it does when empty.
    await page.getByRole('tab', { name: 'Add' }).click()
    const name = page.locator('#quick-add-name')
    const fits = () =>
      name.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input)
        const context = document.createElement('canvas').getContext('2d')!
        context.font = `${style.fontSize} ${style.fontFamily}`
        const room =
          input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        return context.measureText(input.placeholder).width <= room
      })
    expect(await fits()).toBe(true)
    await page.getByRole('button', { name: 'Add stakeholders', exact: true }).waitFor()
    await page.getByLabel('Or paste a list, one name per line').fill('Cocoa farmers')
    await page.getByRole('button', { name: 'Add 1 stakeholder', exact: true }).waitFor()
    await page.getByLabel('Or paste a list, one name per line').fill('')
    await page.locator('section.add-panel').screenshot({ path: `${SHOTS}/polish18-06-add-en.png` })
    await switchTo(page, 'nl')
    await page.getByRole('button', { name: 'Stakeholders toevoegen', exact: true }).waitFor()
    expect(await fits()).toBe(true)
    await page.locator('section.add-panel').screenshot({ path: `${SHOTS}/polish18-06-add-nl.png` })
    await switchTo(page, 'en')

    // Members: Jan (admin) is not offered to sign himself out, neither on his row nor found.
    await page.getByRole('tab', { name: 'Members' }).click()
    await page.locator('.members__list li', { hasText: 'Jan de Vries' }).waitFor()
    const findPerson = page.getByRole('searchbox', { name: 'Name or e-mail' })
    await findPerson.fill('Jan')
    const janFound = page.locator('.members__found li', { hasText: 'Jan de Vries' })
    await janFound.waitFor()
    expect(await janFound.getByRole('button', { name: /everywhere/ }).count()).toBe(0)
    expect(
      await page
        .locator('.members__list li', { hasText: 'Jan de Vries' })
        .getByRole('button', { name: /everywhere/ })
        .count(),
    ).toBe(0)
    // Anna's button names her on screen, and the confirmation comes where the button is.
    await findPerson.fill('Anna')
    const annaFound = page.locator('.members__found li', { hasText: 'Anna Jansen' })
    const annaSignOut = annaFound.getByRole('button', { name: 'Sign Anna Jansen out everywhere' })
    expect(await annaSignOut.textContent()).toBe('Sign Anna Jansen out everywhere')
    await annaSignOut.click()
    await annaFound
      .getByRole('status')
      .filter({ hasText: 'Anna Jansen is signed out everywhere' })
      .waitFor()
    await page
      .locator('.side-panel, .members')
      .first()
      .screenshot({
        path: `${SHOTS}/polish18-04-members-en.png`,
      })
    await switchTo(page, 'nl')
    await annaFound
      .getByRole('status')
      .filter({ hasText: 'Anna Jansen is overal uitgelogd' })
      .waitFor()
    await page
      .locator('.side-panel, .members')
      .first()
      .screenshot({
        path: `${SHOTS}/polish18-04-members-nl.png`,
      })
    await switchTo(page, 'en')

    // A guest link: the guest has no library, so no "All maps".
    await page.getByRole('tab', { name: 'Share' }).click()
    const guests = page.locator('section.guest-links')
    await guests.getByRole('button', { name: 'Make guest link' }).click()
    const guestLink = await guests.getByLabel('New guest link').inputValue()
    expect(guestLink).toContain(mapUrl)
    expect(await page.getByRole('link', { name: '← All maps' }).count()).toBe(1)

    for (const [locale, language] of [
      ['en-GB', 'en'],
      ['nl-NL', 'nl'],
    ] as const) {
      const guest = await openTrackedPage(browser, app.appUrl, { locale, name: 'Kofi' })
      await guest.page.goto(guestLink)
      await waitForMapReady(guest.page)
      await guest.page.locator('.map-bar__title').waitFor()
      expect(await guest.page.locator('.map-bar__back').count()).toBe(0)
      // The bar stays reachable with the keyboard: the first Tab lands in it.
      await guest.page.keyboard.press('Tab')
      const inBar = await guest.page.evaluate(
        () => document.activeElement?.closest('.map-bar') !== null,
      )
      expect(inBar).toBe(true)
      await guest.page.screenshot({ path: `${SHOTS}/polish18-07-guest-${language}.png` })
      await guest.context.close()
    }
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await context.close()
  })
})
