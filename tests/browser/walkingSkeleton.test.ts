import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  type TrackedPage,
  launchChromium,
  openTrackedPage,
  shapeCount,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

/** Screenshots for a person to look at; not compared by the tests. */
const SCREENSHOT_DIR = '.tmp/screenshots'

describe('walking skeleton: two browsers on one map', () => {
  let server: AppServer
  let browser: Browser
  let alice: TrackedPage
  let bob: TrackedPage
  let mapUrl: string

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    alice = await openTrackedPage(browser, server.url)
    bob = await openTrackedPage(browser, server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates a map from the home page and opens it at a shareable URL', async () => {
    const { page } = alice
    await page.goto(server.url)
    await page.getByLabel('Title').fill('Cocoa supply chain')
    await page.getByLabel(/Blank board/).check()
    await page.getByRole('button', { name: 'Create map' }).click()
    await page.waitForURL(/\/m\/[A-Za-z0-9_-]+$/)
    mapUrl = page.url()
    await waitForMapReady(page)
    await page.locator('.map-bar__title', { hasText: 'Cocoa supply chain' }).waitFor()
  })

  it('shows a rectangle drawn in page A in page B within a second', async () => {
    // Page A created the map, so it holds the share tokens; B opens A's editor link.
    const editorLink = await alice.page.evaluate((url) => {
      const mapId = new URL(url).pathname.split('/').pop() ?? ''
      const access = JSON.parse(localStorage.getItem('stakeholder-canvas:access') ?? '{}')
      return `${url}#t=${access[mapId].tokens.editor}`
    }, mapUrl)
    await bob.page.goto(editorLink)
    await waitForMapReady(bob.page)
    expect(await shapeCount(bob.page)).toBe(0)

    const { page } = alice
    await page.locator('.tl-canvas').click({ position: { x: 600, y: 120 } })
    await page.keyboard.press('r')
    await page.mouse.move(400, 300)
    await page.mouse.down()
    await page.mouse.move(500, 380, { steps: 5 })
    await page.mouse.move(600, 420, { steps: 5 })
    await page.mouse.up()
    expect(await shapeCount(page)).toBe(1)

    await bob.page.waitForFunction(
      () =>
        (
          window as unknown as { editor: { getCurrentPageShapes(): unknown[] } }
        ).editor.getCurrentPageShapes().length === 1,
      null,
      { timeout: 1000 },
    )
    await alice.page.screenshot({ path: `${SCREENSHOT_DIR}/skeleton-alice.png` })
    await bob.page.screenshot({ path: `${SCREENSHOT_DIR}/skeleton-bob.png` })
  })

  it('keeps the shape after a reload', async () => {
    await bob.page.reload()
    await waitForMapReady(bob.page)
    expect(await shapeCount(bob.page)).toBe(1)
  })

  it('keeps the shape after a server restart, and page A reconnects by itself', async () => {
    await server.restart()
    await waitForMapReady(alice.page, 20_000)
    await bob.page.reload()
    await waitForMapReady(bob.page)
    expect(await shapeCount(bob.page)).toBe(1)
    expect(await shapeCount(alice.page)).toBe(1)
  })

  it('makes no request outside its own origin', () => {
    expect(alice.foreignRequests).toEqual([])
    expect(bob.foreignRequests).toEqual([])
  })
})
