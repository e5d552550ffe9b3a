import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axeCheck'
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

const LOCALES = [
  { lang: 'en', locale: 'en-GB' },
  { lang: 'nl', locale: 'nl-NL' },
] as const

describe.each(LOCALES)('axe finds nothing serious or critical ($lang)', ({ lang, locale }) => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cocoa due diligence', 'ser-phase-1')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('on the home page', async () => {
    const { page } = await openTrackedPage(browser, server.url, { locale })
    await page.goto(server.url)
    await page.locator('main h1').waitFor()
    await page.screenshot({ path: `/tmp/hd-shots/home-${lang}.png` })
    expect(await axeViolations(page)).toEqual([])
  })

  it('on a map, with each panel open in turn', async () => {
    const { page } = await openTrackedPage(browser, server.url, { locale })
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(page)
    // A stakeholder to edit: added through the panel, then selected on the board.
    await page.locator('#tab-add').click()
    await page.locator('#quick-add-list').fill('Farmers cooperative\nRegional authority')
    await page.locator('.add-panel form').nth(1).locator('button[type=submit]').click()
    const found: Record<string, string[]> = {}
    found.add = await axeViolations(page)
    await page.locator('#tab-register').click()
    await page.locator('.register-table, table').first().waitFor()
    found.register = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/register-${lang}.png` })
    await page.locator('table tbody tr button').first().click()
    await page.locator('.stakeholder-form').waitFor()
    found.editor = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/editor-${lang}.png` })
    // Dialogues: a plan with an invited stakeholder and a barrier, and a commitment, open.
    await page.locator('#tab-dialogues').click()
    await page.locator('.dialogues-panel').waitFor()
    const plans = page.locator('section[aria-labelledby="dialogue-plans-heading"]')
    await plans.locator('button:not(.button--quiet)').first().click()
    const plan = plans.locator('details.entry').first()
    await plan.locator('.invited select').last().selectOption({ index: 1 })
    await plan.locator('.barriers > button').click()
    await page.locator('section[aria-labelledby="commitments-heading"] > button').click()
    await page.locator('section[aria-labelledby="commitments-heading"] details.entry').waitFor()
    // A self-assessment, open with its plan of approach, and its board on the canvas.
    const assessments = page.locator('section[aria-labelledby="self-assessments-heading"]')
    await assessments.locator(':scope > button').click()
    await assessments.locator('.self-assessment__plan > summary').click()
    await assessments.locator('select').first().selectOption({ index: 2 })
    await assessments.locator('.dialogue-plan__actions button').click()
    await page.getByTestId('self-assessment-board').waitFor()
    found.dialogues = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/dialogues-${lang}.png` })
    await page.locator('#tab-workshop').click()
    await page.locator('#tabpanel-workshop').waitFor()
    found.workshop = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/workshop-${lang}.png` })
    await page.locator('#tab-map').click()
    await page.locator('#tabpanel-map').waitFor()
    found.share = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/share-${lang}.png` })
    // Version history: a named version, compared with now, then opened in its viewer.
    await page.locator('#version-name').fill('Before the workshop')
    await page.locator('.version-panel__form button[type=submit]').click()
    const item = page.locator('.version-panel__item').first()
    await item.locator('button').nth(1).click()
    await item.locator('.version-panel__diff, .panel__muted').last().waitFor()
    found.versions = await axeViolations(page)
    await item.locator('button').first().click()
    await page.getByRole('dialog').waitFor()
    found.versionViewer = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/version-${lang}.png` })
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.locator('#tab-data').click()
    await page.locator('#tabpanel-data').waitFor()
    found.data = await axeViolations(page)
    await page.screenshot({ path: `/tmp/hd-shots/data-${lang}.png` })
    expect(found).toEqual({
      add: [],
      register: [],
      editor: [],
      dialogues: [],
      workshop: [],
      share: [],
      versions: [],
      versionViewer: [],
      data: [],
    })
  })
})
