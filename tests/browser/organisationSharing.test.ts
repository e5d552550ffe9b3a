/**
 * The Share panel in organisation mode, in Chromium, in Dutch and English, signed in through
 * the real test provider: it shows no role links (the server refuses them there), says that
 * colleagues come in as members, and offers guest links. An owner link kept from before the
 * switch to organisation mode opens nothing by itself; a signed-in member who follows it
 * lands on the map through their membership.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccessToken, hashAccessToken } from '../../server/access/accessTokens'
import { createMapId } from '../../server/http/createMapId'
import { ROLES, type Role } from '../../shared/protocol/roles'
import { TEST_USERS, type TestUser } from '../server/identity/testIdentityProvider'
import { launchChromium, openTrackedPage, shareLinkFor, waitForMapReady } from './browserFixture'
import { type OrganisationApp, startOrganisationApp } from './organisationApp'

/** Screenshots for a person to look at; not compared by the tests. */
const SCREENSHOT_DIR = '.tmp/screenshots'

/** Signs `user` in at the test provider from the home page; `signIn` is the link's text. */
async function signIn(page: Page, app: OrganisationApp, user: TestUser, signIn: string) {
  await page.goto(app.appUrl)
  await page.getByRole('link', { name: signIn, exact: true }).click()
  await page.waitForURL(`${app.idp.issuer}/interaction/**`)
  await page.getByRole('link', { name: `Sign in as ${user.name}` }).click()
  await page.waitForURL(`${app.appUrl}/`)
}

describe('the Share panel in organisation mode', () => {
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

  it('nl: a new map has no share links, only members and guest links', async () => {
    const { page, context, errors } = await openTrackedPage(browser, app.appUrl, {
      locale: 'nl-NL',
    })
    await signIn(page, app, TEST_USERS.anna, 'Inloggen')
    await page.getByLabel('Titel', { exact: true }).fill('Haven Oost')
    await page.getByRole('button', { name: 'Kaart maken' }).click()
    await waitForMapReady(page)
    const mapId = new URL(page.url()).pathname.split('/').pop() ?? ''
    expect(await app.server.store.listTokens(mapId)).toEqual([])

    await page.getByRole('tab', { name: 'Delen' }).click()
    const panel = page.locator('section.share-panel')
    await panel.getByText('Collega’s komen binnen als lid').waitFor()
    expect(await panel.textContent()).toContain('op het tabblad Leden')
    expect(await panel.locator('.share-panel__links').count()).toBe(0)
    expect(await panel.getByRole('button', { name: 'Nieuwe link' }).count()).toBe(0)
    const guests = panel.locator('section.guest-links')
    await guests.getByRole('button', { name: 'Gastlink maken' }).click()
    expect(await guests.getByLabel('Nieuwe gastlink').inputValue()).toMatch(
      new RegExp(`/m/${mapId}#t=`),
    )
    await page.getByRole('tab', { name: 'Leden' }).waitFor()
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/organisation-share-nl.png` })
    // The test provider's pages have no favicon (404); nothing else may fail.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await context.close()
  })

  it('en: an owner link from before the switch opens nothing alone; a member who follows it gets in by membership', async () => {
    // A map as open mode made it: four role links, of which the owner's was copied.
    const tokens = Object.fromEntries(ROLES.map((role) => [role, createAccessToken()])) as Record<
      Role,
      string
    >
    const hashes = Object.fromEntries(
      ROLES.map((role) => [role, hashAccessToken(tokens[role])]),
    ) as Record<Role, Uint8Array>
    const mapId = createMapId()
    await app.server.store.createMap({ id: mapId, title: 'Old Harbour', template: 'blank' }, hashes)
    const ownerLink = shareLinkFor(app.appUrl, mapId, tokens.owner)

    const stranger = await openTrackedPage(browser, app.appUrl, { locale: 'en-GB' })
    await stranger.page.goto(ownerLink)
    await stranger.page.getByText('This link does not give access to the map').waitFor()
    await stranger.context.close()

    const { page, context } = await openTrackedPage(browser, app.appUrl, { locale: 'en-GB' })
    await signIn(page, app, TEST_USERS.anna, 'Sign in')
    const anna = await app.server.store.identities.findUsers(TEST_USERS.anna.email)
    await app.server.store.library.claimMap(mapId, anna[0]?.id ?? '')
    await page.goto(ownerLink)
    await waitForMapReady(page)
    expect(page.url()).toBe(`${app.appUrl}/m/${mapId}`)
    await page.getByRole('tab', { name: 'Share' }).click()
    const panel = page.locator('section.share-panel')
    await panel.getByText('Colleagues get in as members').waitFor()
    expect(await panel.textContent()).toContain('in the Members tab')
    expect(await panel.locator('.share-panel__links').count()).toBe(0)
    await panel
      .locator('section.guest-links')
      .getByRole('button', { name: 'Make guest link' })
      .waitFor()
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/organisation-share-en.png` })
    // The page no longer keeps the refused link.
    const kept = await page.evaluate(() => localStorage.getItem('stakeholder-canvas:access') ?? '')
    expect(kept).not.toContain(tokens.owner)
    await context.close()
  })
})
