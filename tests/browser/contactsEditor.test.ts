/**
 * The contacts editor in real Chromium: an owner adds a contact and fills, then changes, every
 * field; an invalid e-mail is refused at its field and the stored address stays; a phone
 * number typed offline survives the tab closing before the local copy stored it; an editor's
 * and a viewer's browsers show no contacts section and none of the contact's data.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shareLinkFor, zoomToFit } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
} from './mapWithRolePages'
import { closeTabAndReopenOnline, cutOffLocalCopyCommits, goOffline } from './waysOutOfAField'

const FARMERS = 'Alpha cocoa farmers'
const UNION = 'Bravo trade union'

/** The editor's contacts section. */
function contacts(page: Page) {
  return page.locator('fieldset.confidential')
}

/** Every field of a contact, by label, and its key in the record. */
const FIELDS = [
  ['Name', 'name'],
  ['Role', 'role'],
  ['Organisation', 'organisation'],
  ['E-mail', 'email'],
  ['Phone', 'phone'],
  ['Notes', 'notes'],
] as const

const FIRST = {
  name: 'Ama Mensah',
  role: 'Chair',
  organisation: 'Kuapa Kokoo',
  email: 'ama.mensah@example.org',
  phone: '+233 20 123 4567',
  notes: 'Prefers calls after 18:00',
}
const SECOND = {
  name: 'Ama Mensah-Owusu',
  role: 'Secretary',
  organisation: 'Kuapa Kokoo Union',
  email: 'ama@kuapa.example.org',
  phone: '+233 24 765 4321',
  notes: 'Now reachable by e-mail',
}

describe('the contacts editor', () => {
  let setup: MapWithRolePages<'owner' | 'editor' | 'viewer'>

  beforeAll(async () => {
    setup = await openMapWithRolePages({
      title: 'Cocoa contacts',
      roles: ['owner', 'editor', 'viewer'],
    })
    await addStakeholders(setup.pages.owner.page, [FARMERS, UNION])
    for (const role of ['editor', 'viewer'] as const) await zoomToFit(setup.pages[role].page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  async function fillEvery(page: Page, values: typeof FIRST) {
    const contact = contacts(page).locator('details.entry').first()
    for (const [label, key] of FIELDS) {
      const input = contact.getByLabel(label, { exact: true })
      await input.fill(values[key])
      await input.press('Tab')
    }
  }

  it('a contact is added, every field filled and then changed, each reaching the server', async () => {
    const { page } = setup.pages.owner
    await openEditorOn(page, FARMERS)
    await contacts(page).getByRole('button', { name: 'Add contact' }).click()
    await fillEvery(page, FIRST)
    await expect
      .poll(async () => (await setup.serverRecord(FARMERS))?.contacts)
      .toMatchObject([FIRST])
    await fillEvery(page, SECOND)
    await expect
      .poll(async () => (await setup.serverRecord(FARMERS))?.contacts)
      .toMatchObject([SECOND])
    expect(await contacts(page).locator('details.entry summary').first().textContent()).toBe(
      SECOND.name,
    )
  })

  it('an invalid e-mail is shown at its field, and the stored address stays', async () => {
    const { page } = setup.pages.owner
    await openEditorOn(page, FARMERS)
    const email = contacts(page).getByLabel('E-mail')
    await email.fill('ama.kuapa.example.org')
    await email.press('Tab')
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    const frame = page.locator('.field', { has: page.getByLabel('E-mail') })
    expect(await frame.locator('.field__error').textContent()).toContain('not an e-mail address')
    expect(await email.inputValue()).toBe('ama.kuapa.example.org')
    expect((await setup.serverRecord(FARMERS))?.contacts[0]?.email).toBe(SECOND.email)
    await email.fill(SECOND.email)
    await email.press('Tab')
    await expect.poll(() => email.getAttribute('aria-invalid')).toBeNull()
  })

  it("a contact's phone typed offline, then the tab closed, reaches the server when reopened", async () => {
    const owner = setup.pages.owner
    await goOffline(owner)
    await openEditorOn(owner.page, FARMERS)
    // The tab closes before IndexedDB committed the text written as the page went away.
    await cutOffLocalCopyCommits(owner.page)
    const phone = contacts(owner.page).getByLabel('Phone', { exact: true })
    await phone.click()
    await owner.page.keyboard.press('ControlOrMeta+A')
    await owner.page.keyboard.type('+233 30 000 1111')

    await closeTabAndReopenOnline(
      owner,
      shareLinkFor(setup.server.url, setup.map.id, setup.map.tokens.owner),
    )
    await expect
      .poll(async () => (await setup.serverRecord(FARMERS))?.contacts[0]?.phone, {
        timeout: 10_000,
      })
      .toBe('+233 30 000 1111')
    await zoomToFit(owner.page)
  })

  for (const [role, person] of [
    ['editor', 'an editor'],
    ['viewer', 'a viewer'],
  ] as const) {
    it(`${person}'s browser shows no contacts and none of the contact's data`, async () => {
      const { page, errors } = setup.pages[role]
      await openEditorOn(page, FARMERS)
      expect(await contacts(page).count()).toBe(0)
      expect(await page.getByText('Contacts — confidential').count()).toBe(0)
      const html = await page.content()
      for (const value of [...Object.values(FIRST), ...Object.values(SECOND)]) {
        expect(html).not.toContain(value)
      }
      expect(errors).toEqual([])
    })
  }
})
