import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportMapJson, stringifyMapJson } from '../../shared/exchange/exportMapJson'
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

/** Words of an English sentence that no Dutch text here contains. */
const ENGLISH_WORDS = /\b(the|could|not|was|failed|needs|too many|try again|did)\b/i

describe('a Dutch browser refused by the server reads why in Dutch', () => {
  const CREATE_MAP_TOKEN = 'only-the-admin-creates-maps'
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer({ CREATE_MAP_TOKEN })
    browser = await launchChromium()
    const created = await fetch(`${server.url}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CREATE_MAP_TOKEN}` },
      body: JSON.stringify({ title: 'Weigeringen', template: 'blank' }),
    })
    map = (await created.json()) as CreatedMap
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** The alert's text, once it holds `expected`. */
  async function alertText(page: Page, expected: string) {
    const alert = page.getByRole('alert').filter({ hasText: expected })
    await alert.waitFor()
    return (await alert.textContent()) ?? ''
  }

  it("creating a map without the server's create token", async () => {
    const { page } = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await page.goto(server.url)
    await page.getByLabel('Titel').fill('Cacaoketen')
    await page.getByRole('button', { name: 'Kaart maken' }).click()
    const text = await alertText(page, 'De kaart kon niet worden gemaakt')
    expect(text).toBe(
      'De kaart kon niet worden gemaakt: de server vraagt hiervoor een geldige link of token (unauthorized)',
    )
    expect(text).not.toMatch(ENGLISH_WORDS)
  })

  it('importing an untitled map file: refused too, and the title it asked for is Dutch', async () => {
    const { page } = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    const sentTitles: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/maps')) {
        sentTitles.push((JSON.parse(request.postData() ?? '{}') as { title: string }).title)
      }
    })
    const file = stringifyMapJson(
      exportMapJson(new Y.Doc(), { title: '', exportedAt: new Date().toISOString() }),
    )
    await page.goto(server.url)
    await page.getByLabel('Kaartbestand uit Stakeholder Canvas (.json)').setInputFiles({
      name: 'zonder-titel.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    })
    await page.getByRole('button', { name: 'Als nieuwe kaart importeren' }).click()
    const text = await alertText(page, 'De kaart kon niet worden geïmporteerd')
    expect(text).toContain('de server vraagt hiervoor een geldige link of token (unauthorized)')
    expect(text).not.toMatch(ENGLISH_WORDS)
    expect(sentTitles).toEqual(['Geïmporteerde kaart'])
  })

  it('reissuing a link when the server is busy (429) or cannot be reached', async () => {
    const { page } = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Delen' }).click()
    const reissueViewerLink = () =>
      page
        .locator('.share-panel__link', { hasText: 'Kijker' })
        .getByRole('button', { name: 'Nieuwe link' })
        .click()

    await page.route('**/tokens/**', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'rate-limited', message: 'Too many requests.' } }),
      }),
    )
    await reissueViewerLink()
    const busy = await alertText(page, 'Dat lukte niet')
    expect(busy).toBe(
      'Dat lukte niet: te veel verzoeken vanaf deze verbinding; probeer het later opnieuw (rate-limited)',
    )
    expect(busy).not.toMatch(ENGLISH_WORDS)

    await page.unroute('**/tokens/**')
    await page.route('**/tokens/**', (route) => route.abort('internetdisconnected'))
    await reissueViewerLink()
    const offline = await alertText(page, 'niet bereikbaar')
    expect(offline).toBe(
      'Dat lukte niet: de server is niet bereikbaar; controleer de verbinding en probeer het opnieuw',
    )
    expect(offline).not.toMatch(ENGLISH_WORDS)
  })
})
