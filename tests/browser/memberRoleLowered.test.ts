/**
 * A member whose role is lowered while the map is open (organisation mode, the real test
 * provider): the server closes their socket as for a removal, and the page opens the map
 * again in the new role instead of saying access was taken away. A member who is removed
 * is told so.
 */
import { describe, expect, it } from 'vitest'
import { TEST_USERS } from '../server/identity/testIdentityProvider'
import { openTrackedPage, waitForMapReady } from './browserFixture'
import {
  signInAndMakeMap,
  signInAtTestProvider,
  withOrganisationAppInChromium,
} from './organisationApp'

describe('a member’s role changes while the map is open', () => {
  const running = withOrganisationAppInChromium()

  it('en: lowered to viewer, Anna stays on the map read-only; removed, she is told so', async () => {
    const { app, browser } = running
    const jan = await openTrackedPage(browser, app.appUrl, { place: null })
    const mapId = await signInAndMakeMap(jan.page, app, TEST_USERS.jan, 'Cocoa chain Ghana')
    await jan.page.getByRole('dialog').getByRole('radio', { name: 'in the room' }).check()
    await jan.page.getByRole('dialog').getByRole('button', { name: 'Join' }).click()
    // Anna has signed in once, so the Members tab finds her.
    const anna = await openTrackedPage(browser, app.appUrl, { place: null })
    await signInAtTestProvider(anna.page, app, TEST_USERS.anna)
    await jan.page.getByRole('tab', { name: 'Members' }).click()
    await jan.page.getByRole('searchbox', { name: 'Name or e-mail' }).fill('anna')
    await jan.page.getByRole('button', { name: /Add Anna Jansen .* as editor/ }).click()

    await anna.page.goto(`${app.appUrl}/m/${mapId}`)
    await anna.page.getByRole('dialog').getByRole('radio', { name: 'remote' }).check()
    await anna.page.getByRole('dialog').getByRole('button', { name: 'Join' }).click()
    await waitForMapReady(anna.page)
    await anna.page.getByRole('tab', { name: 'Add' }).waitFor()

    await jan.page.getByLabel('Role of Anna Jansen').selectOption('viewer')
    // The page opens again as a viewer: connected, read only, no Add tab, no refusal.
    await anna.page.getByText('Read only').waitFor({ timeout: 10_000 })
    await waitForMapReady(anna.page)
    expect(await anna.page.getByRole('tab', { name: 'Add' }).count()).toBe(0)
    expect(await anna.page.getByText('You no longer have access to this map').count()).toBe(0)

    await jan.page.getByRole('button', { name: 'Remove Anna Jansen' }).click()
    await anna.page
      .getByText('You no longer have access to this map: your membership or role was taken away.')
      .waitFor({ timeout: 5000 })
    for (const { errors } of [jan, anna])
      expect(errors.filter((error) => !/404|403/.test(error))).toEqual([])
  })
})
