/**
 * The adverse-impacts editor in real Chromium, in Dutch: an owner adds an impact, scores its
 * scale, scope and irremediability, and sees the severity in the model summary; an editor's
 * browser sees the same impact and severity; the impact's text fields keep what was typed
 * whichever way the owner leaves them (offline and a closed tab included); removing the
 * impact removes it for the other browser and on the server.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shareLinkFor, waitForMapReady, zoomToFit } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
  revealEntryField,
} from './mapWithRolePages'
import { cutOffLocalCopyCommits, waysOutOfAField } from './waysOutOfAField'

const FARMERS = 'Cacaoboeren in Ghana'
const UNION = 'Vakbond FNV'

/** The editor's adverse-impacts section. */
function impacts(page: Page) {
  return page.getByRole('group', { name: 'Negatieve impact', exact: true })
}

/** The model summary's reasons for the stakeholder's place in the engagement order. */
function reasons(page: Page) {
  return page.locator('.model-summary__reasons li').allTextContents()
}

describe('the adverse-impacts editor, in Dutch', () => {
  let setup: MapWithRolePages<'owner' | 'editor'>

  beforeAll(async () => {
    setup = await openMapWithRolePages({
      title: 'Cacaoketen',
      roles: ['owner', 'editor'],
      locale: 'nl-NL',
    })
    await addStakeholders(setup.pages.owner.page, [FARMERS, UNION])
    await zoomToFit(setup.pages.editor.page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  it('an impact scored 4, 3, 2 shows as severe, and the editor sees it with the same severity', async () => {
    const { page } = setup.pages.owner
    await openEditorOn(page, FARMERS)
    await page.getByTestId('field-affected').check()
    await expect.poll(() => reasons(page)).toContain('Geraakt; nog geen impact vastgelegd')
    await page.getByRole('button', { name: 'Impact toevoegen' }).click()
    const impact = impacts(page).locator('details.entry').first()
    await impact.getByLabel('Onderwerp', { exact: true }).fill('Kinderarbeid')
    await impact.getByLabel('Onderwerp', { exact: true }).press('Tab')
    await impact.getByLabel('Schaal (hoe ernstig)').selectOption('4')
    await impact.getByLabel('Reikwijdte (hoeveel)').selectOption('3')
    await impact.getByLabel('Onherstelbaarheid').selectOption('2')
    await expect
      .poll(() => reasons(page))
      .toContain('Geraakt door een ernstige impact (ernst 4 van 5)')
    await expect
      .poll(async () => (await setup.serverRecord(FARMERS))?.impacts)
      .toMatchObject([{ topic: 'Kinderarbeid', scale: 4, scope: 3, irremediability: 2 }])

    const other = setup.pages.editor.page
    await openEditorOn(other, FARMERS)
    const seen = impacts(other).locator('details.entry').first()
    await revealEntryField(other, seen.getByLabel('Onderwerp', { exact: true }))
    expect(await seen.locator('summary').textContent()).toBe('Kinderarbeid')
    expect(await seen.getByLabel('Schaal (hoe ernstig)').inputValue()).toBe('4')
    expect(await seen.getByLabel('Reikwijdte (hoeveel)').inputValue()).toBe('3')
    expect(await seen.getByLabel('Onherstelbaarheid').inputValue()).toBe('2')
    await expect
      .poll(() => reasons(other))
      .toContain('Geraakt door een ernstige impact (ernst 4 van 5)')

    // Lowered to 2: the highest dimension is now the scope, 3, which is not severe.
    await impact.getByLabel('Schaal (hoe ernstig)').selectOption('2')
    await expect.poll(() => reasons(other)).toContain('Geraakt (hoogste ernst 3 van 5)')
    expect(await seen.getByLabel('Schaal (hoe ernstig)').inputValue()).toBe('2')
    expect(setup.pages.owner.errors.concat(setup.pages.editor.errors)).toEqual([])
  })

  let n = 0
  for (const way of waysOutOfAField('nl')) {
    for (const field of [
      { label: 'Onderwerp', key: 'topic', multiline: false },
      { label: 'Omschrijving', key: 'description', multiline: true },
    ] as const) {
      if (way.oneLineOnly && field.multiline) continue
      it(`impact ${field.key}: typed, then ${way.name}, reaches the server and the other browser`, async () => {
        const { page } = setup.pages.owner
        const text = `Kinderarbeid op kleine boerderijen ${++n}`
        await openEditorOn(page, FARMERS)
        const input = impacts(page)
          .locator('details.entry')
          .first()
          .getByLabel(field.label, { exact: true })
        await revealEntryField(page, input)
        await input.click()
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(text)
        await way.leave(page)
        await expect
          .poll(async () => (await setup.serverRecord(FARMERS))?.impacts[0]?.[field.key], {
            timeout: 5000,
          })
          .toBe(text)
        const other = setup.pages.editor.page
        const seen = impacts(other)
          .locator('details.entry')
          .first()
          .getByLabel(field.label, { exact: true })
        await revealEntryField(other, seen)
        await expect.poll(() => seen.inputValue()).toBe(text)
      })
    }
  }

  it('an impact description typed offline, then the tab closed, reaches the server when reopened', async () => {
    const owner = setup.pages.owner
    const { context } = owner
    await context.setOffline(true)
    await expect
      .poll(() => owner.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('offline')
    await openEditorOn(owner.page, FARMERS)
    const description = impacts(owner.page)
      .locator('details.entry')
      .first()
      .getByLabel('Omschrijving')
    await revealEntryField(owner.page, description)
    await description.click()
    await owner.page.keyboard.press('ControlOrMeta+A')
    // The tab closes before IndexedDB committed the text written as the page went away.
    await cutOffLocalCopyCommits(owner.page)
    await owner.page.keyboard.type('Offline getypt, in de bus')
    await owner.page.close()

    await context.setOffline(false)
    owner.page = await context.newPage()
    owner.page.setDefaultTimeout(10_000)
    await owner.page.goto(shareLinkFor(setup.server.url, setup.map.id, setup.map.tokens.owner))
    await waitForMapReady(owner.page)
    await expect
      .poll(async () => (await setup.serverRecord(FARMERS))?.impacts[0]?.description, {
        timeout: 10_000,
      })
      .toBe('Offline getypt, in de bus')
    await zoomToFit(owner.page)
  })

  it('a removed impact is gone for the other browser and on the server', async () => {
    const { page } = setup.pages.owner
    await openEditorOn(page, FARMERS)
    const impact = impacts(page).locator('details.entry').first()
    await revealEntryField(page, impact.getByRole('button', { name: 'Impact verwijderen' }))
    await impact.getByRole('button', { name: 'Impact verwijderen' }).click()
    await expect.poll(async () => (await setup.serverRecord(FARMERS))?.impacts).toEqual([])
    const other = setup.pages.editor.page
    await expect
      .poll(() => other.locator('.side-panel__body').textContent())
      .toContain('Geen negatieve impact vastgelegd.')
    expect(await impacts(other).locator('details.entry').count()).toBe(0)
    await expect.poll(() => reasons(other)).toContain('Geraakt; nog geen impact vastgelegd')
  })
})
