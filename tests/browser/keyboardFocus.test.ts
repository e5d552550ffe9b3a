import type { Browser, Page } from 'playwright-core'
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

/** What has keyboard focus: its id, test id or text, and never just "BODY". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'BODY'
    return (
      element.id ||
      element.getAttribute('data-testid') ||
      `${element.tagName}: ${element.textContent?.trim().slice(0, 60)}`
    )
  })
}

describe('keyboard focus follows what was just created or opened', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Focus check', 'ser-phase-1')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('after Join, focus is in the map (the open panel tab), not lost on the page', async () => {
    const { page } = await openTrackedPage(browser, server.url, { place: null })
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await page.getByRole('dialog').waitFor()
    expect(await focused(page)).toBe('join-name')
    await page.keyboard.type('Noor')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await expect.poll(() => focused(page)).toBe('tab-add')
  })

  it('after "Add N stakeholders" on the result, after "Add" in the new stakeholder’s editor', async () => {
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(page)
    await page.locator('#tab-add').click()
    await page.locator('#quick-add-list').fill('Cocoa farmers\nTraders\nRegional authority')
    // By keyboard: Tab from the list to its button, Enter.
    await page.locator('#quick-add-list').focus()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toContain('3')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('add-status')
    expect(await page.getByTestId('add-status').textContent()).toContain('3')

    await page.locator('#quick-add-name').fill('Women’s association')
    await page.locator('#quick-add-name').focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    // One stakeholder: its card is selected, and the keyboard is in its editor.
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.stakeholder-form')))
      .toBe(true)
    expect(await page.locator('.stakeholder-form input').first().inputValue()).toBe(
      'Women’s association',
    )
  })

  it('after "Show … on the board" in the register, in the editor of that stakeholder', async () => {
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(page)
    await page.locator('#tab-register').click()
    const show = page.getByRole('button', { name: 'Show Traders on the board' })
    await show.focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.stakeholder-form')))
      .toBe(true)
    expect(await page.locator('.stakeholder-form input').first().inputValue()).toBe('Traders')
  })

  it('opening a version: focus in the viewer dialog', async () => {
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(page)
    await page.locator('#tab-map').click()
    await page.locator('#version-name').fill('Baseline')
    await page.locator('#version-name').press('Enter')
    const open = page.locator('.version-panel__item').first().locator('button').first()
    await open.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')))
      .toBe(true)
  })
})
