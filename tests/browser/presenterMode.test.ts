/**
 * The board on a projector (issue 19): the viewer link on a 1920 × 1080 screen opens in
 * presenter mode straight from its address, shows no panels or toolbars, follows the
 * facilitator, keeps card names at least 24 px on the screen at the zoom the SER template
 * opens with, and a spotlight fills the screen with the card on a projector and a laptop alike.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  type CreatedMap,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  startAppServer,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'

type Page = TrackedPage['page']

const SCREENSHOT_DIR = '.tmp/screenshots'
const PROJECTOR = { width: 1920, height: 1080 }

/** Names as a workshop writes them: short, long, and a long Dutch compound. */
const NAMES = ['Municipality', 'Cocoa farmers in Ghana', 'Trade union FNV', 'Belangenorganisatie']

/** The part of tldraw's editor these tests read (window.editor). */
interface ViewEditor {
  getViewportPageBounds(): { x: number; y: number; w: number; h: number }
  getViewportScreenBounds(): { x: number; y: number; w: number; h: number }
  getZoomLevel(): number
  getCamera(): { x: number; y: number; z: number }
  getCollaborators(): { cursor: { x: number; y: number } }[]
  centerOnPoint(point: { x: number; y: number }): void
  getInstanceState(): { followingUserId: string | null }
  setCamera(camera: { x: number; y: number; z: number }): void
  getCurrentPageShapes(): { id: string; type: string; parentId: string }[]
  select(...ids: string[]): void
}

function viewport(page: Page) {
  return page.evaluate(() =>
    (window as unknown as { editor: ViewEditor }).editor.getViewportPageBounds(),
  )
}

/** The link that opens `mapId` in presenter mode with `token`'s role. */
function presenterLink(baseUrl: string, mapId: string, token: string) {
  return `${baseUrl}/m/${mapId}?present#t=${token}`
}

/**
 * The size on the screen of the type of every card name showing: its computed size times
 * the scale from CSS pixels to screen pixels (the camera's zoom, measured on the element).
 */
function cardNameSizesOnScreen(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.stakeholder-card__presenter-name, .stakeholder-card__name, .stakeholder-card__large-name',
      ),
    ]
      .filter((element) => element.offsetWidth > 0)
      .map((element) => ({
        name: element.textContent,
        px:
          parseFloat(getComputedStyle(element).fontSize) *
          (element.getBoundingClientRect().width / element.offsetWidth),
      })),
  )
}

/**
 * waitForMapReady for a page in presenter mode, where the connection badge is hidden with
 * the rest of the bar (it may hide before a visible check sees it).
 */
async function waitForPresenterReady(page: Page) {
  await page
    .locator('[data-testid="connection-status"][data-status="connected"]')
    .waitFor({ state: 'attached', timeout: 15_000 })
  await page.waitForFunction(() => 'editor' in window, null, { timeout: 15_000 })
}

/** A shape's box on the screen, as the browser lays it out. */
function boxOnScreen(page: Page, shapeId: string) {
  return page.evaluate((id) => {
    const { x, y, width, height } = document
      .querySelector(`.tl-shape[data-shape-id="${id}"]`)!
      .getBoundingClientRect()
    return { x, y, w: width, h: height }
  }, shapeId)
}

/** The canvas's box on the screen. */
function canvasOnScreen(page: Page) {
  return page.evaluate(() => {
    const { x, y, width, height } = document.querySelector('.tl-canvas')!.getBoundingClientRect()
    return { x, y, w: width, h: height }
  })
}

describe('the board on a projector', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let facilitator: TrackedPage
  let projector: TrackedPage
  let laptop: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop 12 May', 'ser-phase-1')
    facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima (trainer)' })
    const { page } = facilitator
    await page.goto(`${server.url}/m/${map.id}#t=${map.tokens.facilitator}`)
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Or paste a list, one name per line').fill(NAMES.join('\n'))
    await page.getByRole('button', { name: `Add ${NAMES.length} stakeholders` }).click()
    // Scored, so each gets a card on the template's matrix: the smallest cards of the board.
    await page.getByRole('tab', { name: 'Register' }).click()
    for (const [index, name] of NAMES.entries()) {
      await page.getByLabel(`Influence on the company: ${name}`).fill(String(index + 1))
      await page.keyboard.press('Tab')
      await page.getByLabel(`Impact of the company: ${name}`).fill(String(5 - index))
      await page.keyboard.press('Tab')
    }
    await page.waitForFunction(
      (count) =>
        (window as unknown as { editor: ViewEditor }).editor
          .getCurrentPageShapes()
          .filter((shape) => shape.type === 'stakeholder-card' && shape.parentId.includes('matrix'))
          .length === count,
      NAMES.length,
    )
    await page.getByRole('tab', { name: 'Workshop' }).click()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the viewer link opens in presenter mode with no panels or toolbars, following the facilitator', async () => {
    const { page } = facilitator
    await page.getByTestId('follow-me').click()
    await page.evaluate(() => {
      const editor = (window as unknown as { editor: ViewEditor }).editor
      editor.setCamera({ x: -2500, y: -300, z: 0.6 })
    })
    await waitForCameraToSettle(page)

    // A projector laptop that has never opened the app: nobody to name.
    projector = await openTrackedPage(browser, server.url, { place: null, locale: 'nl-NL' })
    await projector.page.setViewportSize(PROJECTOR)
    await projector.page.goto(presenterLink(server.url, map.id, map.tokens.viewer))
    await waitForPresenterReady(projector.page)
    const p = projector.page
    // Presenting: only the board, the timer corner and the way out, in Dutch.
    await p.getByRole('button', { name: 'Presentatiemodus verlaten' }).waitFor()
    expect(await p.getByRole('dialog').count()).toBe(0)
    expect(await p.locator('.side-panel').isVisible()).toBe(false)
    expect(await p.locator('.map-bar__title').isVisible()).toBe(false)
    expect(await p.locator('.tlui-toolbar, .tlui-menu-zone, .tlui-navigation-panel').count()).toBe(
      0,
    )
    expect(await canvasOnScreen(p)).toEqual({ x: 0, y: 0, w: 1920, h: 1080 })

    // The facilitator's list names the nameless projector as what it is, in either language.
    const viewers = page.getByTestId('viewers')
    await viewers.getByText('Projector or onlooker (viewer link)').waitFor({ timeout: 10_000 })
    // Its pointer never moved: no cursor of it on anyone's canvas, even where its pointer is
    // (it read "Anonymous" there).
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { editor: ViewEditor }).editor.getCollaborators().length,
        ),
      )
      .toBe(1)
    const before = await page.evaluate(() => {
      const editor = (window as unknown as { editor: ViewEditor }).editor
      const { x, y, z } = editor.getCamera()
      const { cursor } = editor.getCollaborators()[0]!
      editor.centerOnPoint({ x: cursor.x, y: cursor.y })
      return { x, y, z }
    })
    await page.waitForTimeout(800)
    expect(await page.locator('.tl-nametag', { hasText: /Anonymous|Anoniem/ }).count()).toBe(0)
    expect(await page.locator('.tl-collaborator__cursor').count()).toBe(0)
    await page.evaluate((camera) => {
      ;(window as unknown as { editor: ViewEditor }).editor.setCamera(camera)
    }, before)
    await waitForCameraToSettle(page)
    await page.locator('section[aria-labelledby="participants-heading"]').screenshot({
      path: '/work/notes/shots/presence-projector-listed-en.png',
    })
    await page.locator('.language-switch select').selectOption('nl')
    await viewers.getByText('Projector of meekijker (kijklink)').waitFor()
    await page.locator('section[aria-labelledby="participants-heading"]').screenshot({
      path: '/work/notes/shots/presence-projector-listed-nl.png',
    })
    await page.locator('.language-switch select').selectOption('en')
    await viewers.getByText('Projector or onlooker (viewer link)').waitFor()

    // Following: the facilitator's view in the middle of the projector's, then where they go.
    const leader = await viewport(page)
    const centreOf = (box: { x: number; y: number; w: number; h: number }) => ({
      x: box.x + box.w / 2,
      y: box.y + box.h / 2,
    })
    await expect
      .poll(async () => centreOf(await viewport(p)), { timeout: 5000 })
      .toMatchObject({
        x: expect.closeTo(centreOf(leader).x, -1),
        y: expect.closeTo(centreOf(leader).y, -1),
      })
    const shown = await viewport(p)
    expect(shown.w).toBeGreaterThanOrEqual(leader.w - 1)
    expect(shown.h).toBeGreaterThanOrEqual(leader.h - 1)
    await page.evaluate(() => {
      const editor = (window as unknown as { editor: ViewEditor }).editor
      editor.setCamera({ x: -200, y: -100, z: 0.5 })
    })
    const moved = centreOf(await viewport(page))
    await expect
      .poll(async () => centreOf(await viewport(p)), { timeout: 5000 })
      .toMatchObject({ x: expect.closeTo(moved.x, -1), y: expect.closeTo(moved.y, -1) })
    await p.screenshot({ path: `${SCREENSHOT_DIR}/presenter-following.png` })
    await page.getByTestId('follow-me').click()
  })

  it('card names are at least 24 px on a 1920 × 1080 projector at the zoom the template opens with', async () => {
    const p = projector.page
    // A projector started when nobody leads opens on the whole board.
    await p.reload()
    // Presenting, the connection badge is hidden with the rest of the bar.
    await waitForPresenterReady(p)
    await p.getByRole('button', { name: 'Presentatiemodus verlaten' }).waitFor()
    await waitForCameraToSettle(p)
    const shown = await viewport(p)
    // The whole template shows: the board is 4180 page pixels wide.
    expect(shown.w).toBeGreaterThan(4180)
    await expect
      .poll(() => p.locator('.stakeholder-card__presenter-name').count())
      .toBeGreaterThan(0)
    const sizes = await cardNameSizesOnScreen(p)
    expect(sizes.map((size) => size.name).sort()).toEqual(expect.arrayContaining([...NAMES].sort()))
    for (const size of sizes) expect(size.px, size.name ?? '').toBeGreaterThanOrEqual(24)
    await p.screenshot({ path: `${SCREENSHOT_DIR}/presenter-whole-board.png` })
  })

  it('a spotlight fills a 1920 × 1080 projector and a 1280 × 800 laptop alike with the card', async () => {
    laptop = await openTrackedPage(browser, server.url, { name: 'Ann', place: 'room' })
    await laptop.page.goto(`${server.url}/m/${map.id}#t=${map.tokens.editor}`)
    await waitForMapReady(laptop.page)
    const { page } = facilitator
    const cardId = await page.evaluate(() => {
      const editor = (window as unknown as { editor: ViewEditor }).editor
      const card = editor
        .getCurrentPageShapes()
        .find((shape) => shape.type === 'stakeholder-card' && shape.parentId.includes('matrix'))!
      editor.select(card.id)
      return card.id
    })
    await page.getByRole('tab', { name: 'Workshop' }).click()
    await page.getByRole('button', { name: 'Spotlight the selected card' }).click()
    const shares: number[] = []
    for (const { page: screen, name } of [
      { page: projector.page, name: 'projector' },
      { page: laptop.page, name: 'laptop' },
    ]) {
      await expect
        .poll(async () => (await boxOnScreen(screen, cardId)).w, { timeout: 5000 })
        .toBeGreaterThan(300)
      await waitForCameraToSettle(screen)
      const card = await boxOnScreen(screen, cardId)
      const canvas = await canvasOnScreen(screen)
      // Fits: wholly on the canvas, with room around it.
      expect(card.x).toBeGreaterThan(canvas.x)
      expect(card.y).toBeGreaterThan(canvas.y)
      expect(card.x + card.w).toBeLessThan(canvas.x + canvas.w)
      expect(card.y + card.h).toBeLessThan(canvas.y + canvas.h)
      // Fills most of it: two thirds or more of the width or of the height.
      const share = Math.max(card.w / canvas.w, card.h / canvas.h)
      expect(share, name).toBeGreaterThanOrEqual(0.66)
      shares.push(share)
      await screen.screenshot({ path: `${SCREENSHOT_DIR}/spotlight-${name}.png` })
    }
    // The same on both screens.
    expect(Math.abs(shares[0]! - shares[1]!)).toBeLessThan(0.02)
    // Close up, the projector shows the whole card again, its name still large.
    for (const size of await cardNameSizesOnScreen(projector.page))
      expect(size.px, size.name ?? '').toBeGreaterThanOrEqual(24)
  })

  it('Escape leaves presenter mode, the button and Ctrl + . turn it on again', async () => {
    const p = projector.page
    await p.keyboard.press('Escape')
    await p.getByRole('button', { name: 'Presentatiemodus', exact: true }).waitFor()
    // Out of presenter mode the projector is a page like any other: it is asked to join.
    const join = p.getByRole('dialog', { name: 'Meedoen met de kaart' })
    await join.getByLabel('Je naam, zoals anderen die zien').fill('Beamer')
    await join.getByLabel('in de zaal').check()
    await join.getByRole('button', { name: 'Meedoen' }).click()
    expect(await p.locator('.side-panel').isVisible()).toBe(true)
    expect(await p.locator('.map-bar__title').isVisible()).toBe(true)
    await p.getByRole('button', { name: 'Presentatiemodus', exact: true }).click()
    await p.getByRole('button', { name: 'Presentatiemodus verlaten' }).waitFor()
    expect(await p.locator('.side-panel').isVisible()).toBe(false)
    await p.getByRole('button', { name: 'Presentatiemodus verlaten' }).click()
    await p.getByRole('button', { name: 'Presentatiemodus', exact: true }).waitFor()
    await p.locator('.tl-canvas').click({ position: { x: 400, y: 400 } })
    await p.keyboard.press('Control+Period')
    await p.getByRole('button', { name: 'Presentatiemodus verlaten' }).waitFor()
    // An English laptop names it in English.
    await laptop.page.getByRole('button', { name: 'Presenter mode', exact: true }).waitFor()
  })
})
