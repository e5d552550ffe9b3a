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

describe('share links and roles in the browser', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Access check')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a viewer link opens the map read-only: nothing to edit, on the canvas or in the panels', async () => {
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.viewer))
    await waitForMapReady(page)
    // The token left the address bar: it is stored, not shown or passed on by copy-paste.
    expect(page.url()).toBe(`${server.url}/m/${map.id}`)
    await page.getByText('Read only').first().waitFor()
    expect(
      await page.evaluate(() =>
        (window as unknown as { editor: { getIsReadonly(): boolean } }).editor.getIsReadonly(),
      ),
    ).toBe(true)
    // Nothing is offered that the role cannot use (the editor and register: fields.test.ts).
    expect(await page.getByRole('tab').allTextContents()).not.toContain('Add')
  })

  it('a revoked link is refused with a clear message', async () => {
    const reissued = await fetch(`${server.url}/api/maps/${map.id}/tokens/editor`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.tokens.owner}` },
    })
    expect(reissued.status).toBe(200)
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await page.getByRole('alert').filter({ hasText: 'does not give access' }).waitFor()
  })

  it('an unknown map says so', async () => {
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(`${server.url}/m/NoSuchMap12345678`)
    await page.getByRole('alert').filter({ hasText: 'does not exist' }).waitFor()
  })

  it('the owner sees the four share links in the Share tab', async () => {
    const { page } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Share' }).click()
    const links = await page
      .locator('input[readonly], code, a')
      .evaluateAll((elements) =>
        elements.map((element) => (element as HTMLInputElement).value ?? element.textContent ?? ''),
      )
    expect(links.join(' ')).toContain(`/m/${map.id}#t=${map.tokens.owner}`)
  })
})
