/**
 * The Share panel in organisation mode, in Chromium, in Dutch and English, signed in through
 * the real test provider: it shows no role links (the server refuses them there), says that
 * colleagues come in as members, and offers guest links. An owner link kept from before the
 * switch to organisation mode opens nothing by itself; a signed-in member who follows it
 * lands on the map through their membership.
 */
import { mkdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAccessToken, hashAccessToken } from '../../server/access/accessTokens'
import { createMapId } from '../../server/http/createMapId'
import { ROLES, type Role } from '../../shared/protocol/roles'
import { TEST_USERS } from '../server/identity/testIdentityProvider'
import { openTrackedPage, shareLinkFor, waitForMapReady } from './browserFixture'
import {
  signInAndMakeMap,
  signInAtTestProvider,
  withOrganisationAppInChromium,
} from './organisationApp'

/** Screenshots for a person to look at; not compared by the tests. */
const SCREENSHOT_DIR = '.tmp/screenshots'

describe('the Share panel in organisation mode', () => {
  const running = withOrganisationAppInChromium()

  beforeAll(() => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
  })

  it('nl: a new map has no share links, only members and guest links', async () => {
    const { app, browser } = running
    const { page, context, errors } = await openTrackedPage(browser, app.appUrl, {
      locale: 'nl-NL',
    })
    const mapId = await signInAndMakeMap(page, app, TEST_USERS.anna, 'Haven Oost')
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

  it('nl: the signed-in owner renames a guest who came in on a guest link, for everyone', async () => {
    const { app, browser } = running
    const owner = await openTrackedPage(browser, app.appUrl, { locale: 'nl-NL', place: null })
    await signInAndMakeMap(owner.page, app, TEST_USERS.jan, 'Rollenspel cacao')
    const dialog = owner.page.getByRole('dialog')
    await dialog.getByRole('radio', { name: 'in de zaal' }).check()
    await dialog.getByRole('button', { name: 'Meedoen' }).click()
    await owner.page.getByRole('tab', { name: 'Delen' }).click()
    const guests = owner.page.locator('section.guest-links')
    await guests.locator('label', { hasText: /^Rol/ }).locator('select').selectOption('editor')
    await guests.getByRole('button', { name: 'Gastlink maken' }).click()
    const link = await guests.getByLabel('Nieuwe gastlink').inputValue()

    const guest = await openTrackedPage(browser, app.appUrl, { locale: 'nl-NL', place: null })
    await guest.page.goto(link)
    await guest.page.getByLabel('Je naam, zoals anderen die zien').fill('Piet')
    await guest.page.getByRole('radio', { name: 'in de zaal' }).check()
    await guest.page.getByRole('button', { name: 'Meedoen' }).click()
    await waitForMapReady(guest.page)

    await owner.page.getByRole('tab', { name: 'Workshop' }).click()
    await owner.page.getByRole('button', { name: 'Piet een andere naam geven' }).click()
    await owner.page.getByLabel('Nieuwe naam voor Piet').fill('Inkoper (rollenspel)')
    await owner.page.getByRole('button', { name: 'Opslaan' }).click()
    await guest.page.getByRole('tab', { name: 'Workshop' }).click()
    for (const { page } of [owner, guest])
      await expect
        .poll(() => page.getByTestId('participants').textContent(), { timeout: 5000 })
        .toContain('Inkoper (rollenspel)')
    expect(await owner.page.getByText('De naam kon niet worden gewijzigd.').count()).toBe(0)
    for (const { errors } of [owner, guest])
      expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await owner.context.close()
    await guest.context.close()
  })

  it('en: an owner link from before the switch opens nothing alone; a member who follows it gets in by membership', async () => {
    const { app, browser } = running
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
    await signInAtTestProvider(page, app, TEST_USERS.anna)
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
