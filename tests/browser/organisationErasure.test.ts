/**
 * Erasure in organisation mode (issue 18 with the privacy bar): the signed-in owner, who has
 * no link token, can erase a contact's personal data from the stakeholder's record, and it is
 * gone for a returning browser too; a signed-in editor is not offered it.
 */
import { describe, expect, it } from 'vitest'
import { TEST_USERS } from '../server/identity/testIdentityProvider'
import { openTrackedPage, waitForMapReady } from './browserFixture'
import {
  signInAndMakeMap,
  signInAtTestProvider,
  withOrganisationAppInChromium,
} from './organisationApp'

describe('erasing a contact in organisation mode', () => {
  const running = withOrganisationAppInChromium()

  it('nl: the signed-in owner erases a contact; it stays gone after a reload', async () => {
    const { app, browser } = running
    const owner = await openTrackedPage(browser, app.appUrl, { locale: 'nl-NL', place: null })
    const mapId = await signInAndMakeMap(owner.page, app, TEST_USERS.jan, 'Leveranciers Ghana')
    const { page } = owner
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('radio', { name: 'in de zaal' }).check()
    await dialog.getByRole('button', { name: 'Meedoen' }).click()
    await page.getByRole('tab', { name: 'Toevoegen' }).click()
    await page.getByLabel('Naam', { exact: true }).fill('Boerenbond')
    await page.getByRole('button', { name: 'Stakeholder toevoegen', exact: true }).click()
    await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe('Boerenbond')
    const contacts = page.locator('fieldset.confidential')
    await contacts.getByRole('button', { name: 'Contactpersoon toevoegen' }).click()
    await contacts.getByTestId('contact-name').fill('Kofi Mensah')
    await contacts.getByTestId('contact-name').press('Enter')
    await contacts.getByLabel('E-mail').fill('kofi@example.org')
    await contacts.getByLabel('E-mail').press('Enter')
    const entry = contacts.locator('details.entry')
    await expect.poll(() => entry.count()).toBe(1)

    const exported = (id: string) =>
      page.evaluate(
        async (mapId) => (await fetch(`/api/maps/${mapId}/export.json?contacts=1`)).text(),
        id,
      )
    await expect.poll(() => exported(mapId), { timeout: 10_000 }).toContain('kofi@example.org')

    await page.getByTestId('erase-contact').click()
    await page.getByTestId('erase-contact-confirm').click()
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(0)
    expect(await page.getByRole('alert').allTextContents()).toEqual([])

    // A second browser of the same person, opened fresh: no contact comes back.
    const again = await openTrackedPage(browser, app.appUrl, { locale: 'nl-NL', place: null })
    await signInAtTestProvider(again.page, app, TEST_USERS.jan)
    await again.page.goto(`${app.appUrl}/m/${mapId}`)
    await waitForMapReady(again.page)
    const text = await again.page.evaluate(async (id) => {
      const response = await fetch(`/api/maps/${id}/export.json?contacts=1`)
      return response.ok ? await response.text() : `status ${response.status}`
    }, mapId)
    expect(text).toContain('Boerenbond')
    expect(text).not.toContain('kofi@example.org')
    for (const { errors } of [owner, again])
      expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await owner.context.close()
    await again.context.close()
  })
})
