/**
 * The projector link in the Share panel (issue 19), as a trainer finds it: copied from the
 * Share tab — the viewer link in open mode, a viewer guest link in organisation mode — and
 * opened on a 1920 × 1080 projector, it shows the board in presenter mode with no panels or
 * toolbars. Screenshots of the Share panel in Dutch and English are left for a person to see.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_USERS, type TestUser } from '../server/identity/testIdentityProvider'
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
import { type OrganisationApp, startOrganisationApp } from './organisationApp'

const SCREENSHOT_DIR = '.tmp/screenshots'
const PROJECTOR = { width: 1920, height: 1080 }

/** Copies with the button and answers what the clipboard then holds. */
async function copyWith(page: Page, button: ReturnType<Page['getByRole']>) {
  await button.focus()
  await page.keyboard.press('Enter')
  return page.evaluate(() => navigator.clipboard.readText())
}

/** Opens `link` on a projector-sized screen and checks it is in presenter mode. */
async function expectPresenterModeOnProjector(browser: Browser, origin: string, link: string) {
  const projector = await openTrackedPage(browser, origin, { place: null })
  await projector.page.setViewportSize(PROJECTOR)
  await projector.page.goto(link)
  await projector.page
    .locator('[data-testid="connection-status"][data-status="connected"]')
    .waitFor({ state: 'attached', timeout: 15_000 })
  const p = projector.page
  await p.waitForFunction(() => 'editor' in window, null, { timeout: 15_000 })
  expect(
    await p.evaluate(
      () =>
        (
          window as unknown as { editor: { getInstanceState(): { isFocusMode: boolean } } }
        ).editor.getInstanceState().isFocusMode,
    ),
  ).toBe(true)
  expect(await p.locator('.side-panel').isVisible()).toBe(false)
  expect(await p.locator('.tlui-toolbar, .tlui-menu-zone, .tlui-navigation-panel').count()).toBe(0)
  // `?present` stays in the address; the token left it.
  expect(p.url()).toMatch(/\?present$/)
  await projector.context.close()
}

describe('the projector link in the Share panel, open mode', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop 12 May', 'ser-phase-1')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const [locale, share, heading, copy] of [
    ['en-GB', 'Share', 'Projector link', 'Copy projector link'],
    ['nl-NL', 'Delen', 'Projectorlink', 'Projectorlink kopiëren'],
  ] as const) {
    it(`${locale}: the facilitator copies it, and it opens the projector in presenter mode`, async () => {
      const trainer = await openTrackedPage(browser, server.url, { locale })
      await trainer.context.grantPermissions(['clipboard-read', 'clipboard-write'])
      const { page } = trainer
      // The facilitator holds the viewer link as a workshop's creator hands it on.
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.viewer))
      await waitForMapReady(page)
      // Via the home page: only the fragment would change, and the page would not reload.
      await page.goto(server.url)
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
      await waitForMapReady(page)
      await page.getByRole('tab', { name: share }).click()
      const section = page.locator('section.projector-link')
      await section.getByRole('heading', { name: heading }).waitFor()
      expect(await section.textContent()).toContain(
        locale === 'en-GB' ? 'Open this on the projector laptop' : 'Open deze op de laptop',
      )
      const link = await copyWith(page, section.getByRole('button', { name: copy }))
      expect(link).toBe(`${server.url}/m/${map.id}?present#t=${map.tokens.viewer}`)
      await page.locator('section.share-panel').screenshot({
        path: `${SCREENSHOT_DIR}/projector-link-open-${locale}.png`,
      })
      await expectPresenterModeOnProjector(browser, server.url, link)
      await trainer.context.close()
    })
  }
})

/** Signs `user` in at the test provider from the home page; `signIn` is the link's text. */
async function signIn(page: Page, app: OrganisationApp, user: TestUser, signIn: string) {
  await page.goto(app.appUrl)
  await page.getByRole('link', { name: signIn, exact: true }).click()
  await page.waitForURL(`${app.idp.issuer}/interaction/**`)
  await page.getByRole('link', { name: `Sign in as ${user.name}` }).click()
  await page.waitForURL(`${app.appUrl}/`)
}

describe('the projector link in the Share panel, organisation mode', () => {
  let browser: Browser
  let app: OrganisationApp

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    app = await startOrganisationApp()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('nl: the owner makes one from a viewer guest link, and it opens in presenter mode', async () => {
    const owner = await openTrackedPage(browser, app.appUrl, { locale: 'nl-NL' })
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const { page } = owner
    await signIn(page, app, TEST_USERS.anna, 'Inloggen')
    await page.getByLabel('Titel', { exact: true }).fill('Haven Oost')
    await page.getByRole('button', { name: 'Kaart maken' }).click()
    await waitForMapReady(page)
    const mapId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await page.getByRole('tab', { name: 'Delen' }).click()
    const section = page.locator('section.projector-link')
    await section.getByRole('heading', { name: 'Projectorlink' }).waitFor()
    await section.getByRole('button', { name: 'Projectorlink maken' }).click()
    const link = await copyWith(
      page,
      section.getByRole('button', { name: 'Projectorlink kopiëren' }),
    )
    expect(link).toMatch(new RegExp(`^${app.appUrl}/m/${mapId}\\?present#t=[A-Za-z0-9_-]{32}$`))
    // The viewer guest link it came from offers the same, in its row.
    const row = page.locator('.guest-links__link', { hasText: 'Kijker' })
    const fromRow = await copyWith(
      page,
      row.getByRole('button', { name: 'Kopiëren als projectorlink' }),
    )
    expect(fromRow).toBe(link)
    await page.locator('section.share-panel').screenshot({
      path: `${SCREENSHOT_DIR}/projector-link-organisation-nl.png`,
    })
    await expectPresenterModeOnProjector(browser, app.appUrl, link)
    await owner.context.close()
  })
})
