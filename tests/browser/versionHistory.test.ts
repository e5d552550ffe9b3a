/**
 * The version-history panel in real Chromium: an owner names a version, changes the map,
 * compares the version with now in stakeholder terms, opens it read-only over the live map,
 * and restores it, which an editor's browser follows. The editor may list, open and compare
 * versions but is offered neither naming nor restoring.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zoomToFit } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
} from './mapWithRolePages'

const FARMERS = 'Alpha cocoa farmers'
const UNION = 'Bravo trade union'
const VERSION = 'Before the workshop'

/** The list item of the version called exactly `name`. */
function versionItem(page: Page, name: string) {
  return page
    .locator('.version-panel__item')
    .filter({ has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }) })
}

/** The names of the stakeholder cards on the live map's current page. */
function liveCardNames(page: Page) {
  return page.locator('.tl-container').first().locator('.stakeholder-card').allTextContents()
}

describe('the version-history panel', () => {
  let setup: MapWithRolePages<'owner' | 'editor'>

  beforeAll(async () => {
    setup = await openMapWithRolePages({ title: 'Cocoa versions', roles: ['owner', 'editor'] })
    await addStakeholders(setup.pages.owner.page, [FARMERS, UNION])
    await zoomToFit(setup.pages.editor.page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  it('the owner names a version, and it is listed with its stakeholders for both', async () => {
    const { page } = setup.pages.owner
    await page.getByRole('tab', { name: 'Share' }).click()
    await page.getByLabel('Name this version').fill(VERSION)
    await page.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => versionItem(page, VERSION).textContent()).toContain('2 stakeholders')
    expect(await page.getByLabel('Name this version').inputValue()).toBe('')

    const editor = setup.pages.editor.page
    await editor.getByRole('tab', { name: 'Share' }).click()
    await expect.poll(() => versionItem(editor, VERSION).count()).toBe(1)
    expect(await editor.getByLabel('Name this version').count()).toBe(0)
    expect(
      await versionItem(editor, VERSION).getByRole('button', { name: 'Restore' }).count(),
    ).toBe(0)
  })

  it('after changes, "compare with now" names the removed stakeholder and the changed score', async () => {
    const { page } = setup.pages.owner
    await openEditorOn(page, FARMERS)
    await page.getByTestId('field-legitimacy').selectOption('5')
    await openEditorOn(page, UNION)
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Remove stakeholder…' }).click()
    await expect.poll(async () => setup.serverRecord(UNION)).toBeUndefined()
    await expect.poll(async () => (await setup.serverRecord(FARMERS))?.legitimacy).toBe(5)

    await page.getByRole('tab', { name: 'Share' }).click()
    const item = versionItem(page, VERSION)
    await item.getByRole('button', { name: 'Compare with now' }).click()
    const diff = item.locator('.version-panel__diff')
    await expect.poll(() => diff.textContent()).toContain(`Removed: ${UNION}`)
    expect(await diff.textContent()).toContain(FARMERS)
    expect(await diff.locator('li li').allTextContents()).toContain('Legitimacy: — → 5')
  })

  it('opens the version read-only over the live map, which stays as it is', async () => {
    const { page } = setup.pages.owner
    await versionItem(page, VERSION).getByRole('button', { name: 'Open' }).click()
    const viewer = page.getByRole('dialog', { name: new RegExp(`^Version “${VERSION}” of `) })
    await viewer.waitFor()
    expect(await viewer.textContent()).toContain('Read only')
    await expect
      .poll(() => viewer.locator('.stakeholder-card').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(UNION)]))
    await viewer.getByRole('button', { name: 'Back to the live map' }).click()
    await expect.poll(() => viewer.count()).toBe(0)
    const live = await liveCardNames(page)
    expect(live.some((text) => text.includes(UNION))).toBe(false)
    expect(await setup.serverRecord(UNION)).toBeUndefined()
  })

  it('restoring the version brings back its stakeholders for everyone, keeping now as a version', async () => {
    const { page } = setup.pages.owner
    const item = versionItem(page, VERSION)
    page.once('dialog', (dialog) => void dialog.accept())
    await item.getByRole('button', { name: 'Restore' }).click()
    await expect.poll(async () => (await setup.serverRecord(UNION))?.name).toBe(UNION)
    expect((await setup.serverRecord(FARMERS))?.legitimacy).toBeNull()
    await expect
      .poll(() => page.locator('.version-panel__item strong').allTextContents())
      .toContain(`Before restoring “${VERSION}”`)
    const editor = setup.pages.editor.page
    await expect
      .poll(async () => (await liveCardNames(editor)).some((text) => text.includes(UNION)), {
        timeout: 10_000,
      })
      .toBe(true)
    expect(setup.pages.owner.errors.concat(setup.pages.editor.errors)).toEqual([])
  })
})
