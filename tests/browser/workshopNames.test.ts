import type { Browser } from 'playwright-core'
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

describe('someone who has not given a name yet', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop 12 mei')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('is listed as anonymous in each trainer’s language, then by the name they give', async () => {
    const dutch = await openTrackedPage(browser, server.url, { name: 'Fatima', locale: 'nl-NL' })
    const english = await openTrackedPage(browser, server.url, { name: 'Sam', locale: 'en-GB' })
    for (const { page } of [dutch, english]) {
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
      await waitForMapReady(page)
      await page.getByRole('tab', { name: 'Workshop' }).click()
    }
    // The join dialog is still open: the newcomer is on the map, without a name.
    const newcomer = await openTrackedPage(browser, server.url, { name: '', place: 'remote' })
    await newcomer.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(newcomer.page)
    await newcomer.page.getByRole('dialog').waitFor()

    const listed = (page: typeof dutch.page, role: string) =>
      page.getByTestId('participants').locator('li', { hasText: role }).textContent()
    await expect.poll(() => listed(dutch.page, 'deelnemer'), { timeout: 5000 }).toMatch(/^Anoniem/)
    await expect.poll(() => listed(english.page, 'participant')).toMatch(/^Anonymous/)

    await newcomer.page.getByLabel('Your name, as others will see it').fill('Chen')
    await newcomer.page.getByRole('button', { name: 'Join' }).click()
    await expect.poll(() => listed(dutch.page, 'deelnemer'), { timeout: 5000 }).toMatch(/^Chen/)
  })
})
