/**
 * What a user sees of stakeholder cards in a large map: zoomed out they are drawn as outline,
 * class stripe and large name, zoomed far out without the name (and named for screen
 * readers), and a card exactly under another
 * one is not drawn at all until the top one moves away (client/shapes/stakeholder-card/
 * cardRendering.ts).
 */
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pointForScores } from '../../client/shapes/influence-impact-matrix/matrixGeometry'
import {
  type AppServer,
  type CreatedMap,
  type TestEditor,
  type TrackedPage,
  createMapViaApi,
  dragOnScreen,
  launchChromium,
  openTrackedPage,
  shapeCentreOnScreen,
  shareLinkFor,
  startAppServer,
  waitForCameraToSettle,
  waitForMapReady,
  zoomToFit,
} from './browserFixture'

type Page = TrackedPage['page']

const SCREENSHOT_DIR = '.tmp/screenshots'

/** The part of tldraw's editor these tests move the camera with. */
interface ZoomingEditor {
  getViewportPageBounds(): { center: { x: number; y: number } }
  getViewportScreenBounds(): { w: number; h: number }
  setCamera(camera: { x: number; y: number; z: number }): void
}

/** Zooms to `zoom` around the centre of the view, at once. */
async function zoomTo(page: Page, zoom: number) {
  await waitForCameraToSettle(page)
  await page.evaluate((z) => {
    const editor = (window as unknown as { editor: ZoomingEditor }).editor
    const centre = editor.getViewportPageBounds().center
    const { w, h } = editor.getViewportScreenBounds()
    editor.setCamera({ x: w / 2 / z - centre.x, y: h / 2 / z - centre.y, z })
  }, zoom)
  await waitForCameraToSettle(page)
}

/** The card of the stakeholder called `name` (its outer element, whatever it shows). */
function card(page: Page, name: string) {
  return page.locator(`.stakeholder-card[data-stakeholder-id="${stakeholderIds.get(name)}"]`)
}

/** Stakeholder ids by name, read from the cards while they still show their names. */
const stakeholderIds = new Map<string, string>()

function nameOf(stakeholderId: string): string {
  return [...stakeholderIds].find(([, id]) => id === stakeholderId)![0]
}

/** Whether the browser paints the card of `name` (CSS visibility). */
function visibility(page: Page, name: string) {
  return card(page, name).evaluate((element) => getComputedStyle(element).visibility)
}

/** The cards on the page (shape and stakeholder id), bottom of the paint order first. */
function cardsInPaintOrder(page: Page): Promise<{ shapeId: string; stakeholderId: string }[]> {
  return page.evaluate(() => {
    const editor = (
      window as unknown as {
        editor: { getCurrentPageShapesSorted(): { id: string; type: string; props: never }[] }
      }
    ).editor
    return editor
      .getCurrentPageShapesSorted()
      .filter((shape) => shape.type === 'stakeholder-card')
      .map((shape) => ({
        shapeId: shape.id,
        stakeholderId: (shape.props as { stakeholderId: string }).stakeholderId,
      }))
  })
}

describe('stakeholder cards in a large map', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let alice: TrackedPage
  let bob: TrackedPage
  const names = ['Cocoa farmers in Ghana', 'Trade union FNV']

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cocoa supply chain')
    alice = await openTrackedPage(browser, server.url)
    bob = await openTrackedPage(browser, server.url)
    await alice.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await bob.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(alice.page)
    await waitForMapReady(bob.page)

    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Or paste a list, one name per line').fill(names.join('\n'))
    await page.getByRole('button', { name: 'Add 2 stakeholders' }).click()
    for (const name of names) {
      const id = await page
        .locator('.stakeholder-card', { hasText: name })
        .getAttribute('data-stakeholder-id')
      stakeholderIds.set(name, id!)
      await card(bob.page, name).waitFor()
    }
    // Scored as definitive, so the screen-reader name has a class to name.
    await page.getByRole('tab', { name: 'Register' }).click()
    for (const attribute of ['Power', 'Legitimacy', 'Urgency'])
      await page.getByLabel(`${attribute}: Trade union FNV`).selectOption('5')
    await bob.page
      .locator(`.stakeholder-card[data-stakeholder-id="${stakeholderIds.get('Trade union FNV')}"]`)
      .and(bob.page.locator('[data-salience="definitive"]'))
      .waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('zoomed out below 30 %, cards show only their names, large, and are named for screen readers', async () => {
    const { page } = alice
    await zoomTo(page, 0.29)
    await expect.poll(() => page.locator('.stakeholder-card--simple').count()).toBe(2)
    // The SER template fitted to a laptop screen opens about here: a card must say whose it is.
    for (const name of names) {
      expect(await card(page, name).textContent()).toBe(name)
      const onScreen = await card(page, name)
        .locator('.stakeholder-card__large-name')
        .evaluate((element) => {
          const { width, height } = element.getBoundingClientRect()
          return { width, height, fontPx: parseFloat(getComputedStyle(element).fontSize) * 0.29 }
        })
      expect(onScreen.width).toBeGreaterThan(0)
      expect(onScreen.height).toBeGreaterThan(0)
      expect(onScreen.fontPx).toBeGreaterThanOrEqual(9)
    }
    await page.getByRole('img', { name: 'Cocoa farmers in Ghana: Salience not assessed' }).waitFor()
    await page.getByRole('img', { name: 'Trade union FNV: Definitive' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cards-zoomed-out.png` })
  })

  it('zoomed out further, below 12 %, cards show no text at all', async () => {
    const { page } = alice
    await zoomTo(page, 0.11)
    await expect.poll(() => page.locator('.stakeholder-card__large-name').count()).toBe(0)
    expect(await page.locator('.stakeholder-card--simple').count()).toBe(2)
    expect(await page.locator('.stakeholder-card').allTextContents()).toEqual(['', ''])
    await page.getByRole('img', { name: 'Trade union FNV: Definitive' }).waitFor()
  })

  it('names them in Dutch when the page is in Dutch', async () => {
    const { page } = bob
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl')
    await zoomTo(page, 0.29)
    await page.getByRole('img', { name: 'Trade union FNV: Definitief' }).waitFor()
    await page
      .getByRole('img', { name: 'Cocoa farmers in Ghana: Saillantie niet beoordeeld' })
      .waitFor()
  })

  it('zooming back in shows the names again', async () => {
    const { page } = alice
    await zoomTo(page, 0.31)
    await expect.poll(() => page.locator('.stakeholder-card--simple').count()).toBe(0)
    for (const name of names) expect(await card(page, name).textContent()).toContain(name)
    expect(await page.getByRole('img', { name: /Trade union FNV/ }).count()).toBe(0)
  })

  it('a card selected with the mouse or the Tab key is announced by name and class', async () => {
    const { page } = alice
    const announcement = page.locator('.tl-container [role="status"][aria-live]')
    await zoomToFit(page)
    const trade = (await cardsInPaintOrder(page)).find(
      ({ stakeholderId }) => nameOf(stakeholderId) === 'Trade union FNV',
    )!
    const centre = await shapeCentreOnScreen(page, trade.shapeId)
    await page.mouse.click(centre.x, centre.y)
    await expect
      .poll(() => announcement.textContent())
      .toContain('Trade union FNV: Definitive, Stakeholder card.')
    await page.keyboard.press('Tab')
    await expect
      .poll(() => announcement.textContent())
      .toContain('Cocoa farmers in Ghana: Salience not assessed, Stakeholder card.')
    await page.keyboard.press('Escape')
  })

  it('a card exactly under another one with the same scores is not painted', async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByRole('button', { name: 'Influence × impact matrix' }).click()
    await zoomToFit(page)
    // Into the matrix, each at its own point, then both given the same scores.
    const matrix = await page.evaluate(() =>
      (window as unknown as { editor: TestEditor }).editor
        .getCurrentPageShapes()
        .find((shape) => shape.type === 'influence-impact-matrix')!,
    )
    const w = matrix.props.w as number
    const h = matrix.props.h as number
    for (const [index, { shapeId }] of (await cardsInPaintOrder(page)).entries()) {
      const point = pointForScores({ influence: 2 + index, impact: 2 + index }, w, h)
      const target = await page.evaluate(
        ({ id, point }) => {
          const editor = (window as unknown as { editor: TestEditor }).editor
          const bounds = editor.getShapePageBounds(id)!
          return editor.pageToScreen({ x: bounds.x + point.x, y: bounds.y + point.y })
        },
        { id: matrix.id, point },
      )
      await dragOnScreen(page, await shapeCentreOnScreen(page, shapeId), target)
      await expect.poll(async () => (await cardsInPaintOrder(page)).length).toBe(2)
    }
    await page.getByRole('tab', { name: 'Register' }).click()
    for (const name of names) {
      const row = page.locator('tr', { hasText: name })
      for (const attribute of ['influence', 'impact']) {
        await row.getByTestId(`register-${attribute}`).fill('4')
        await row.getByTestId(`register-${attribute}`).press('Enter')
      }
    }
    const [bottom, top] = await cardsInPaintOrder(page)
    const [bottomName, topName] = [nameOf(bottom!.stakeholderId), nameOf(top!.stakeholderId)]
    for (const { page: p } of [alice, bob]) {
      await expect.poll(() => visibility(p, bottomName), { timeout: 5000 }).toBe('hidden')
      expect(await visibility(p, topName)).toBe('visible')
    }
    // Both really are on one spot.
    expect(await shapeCentreOnScreen(page, bottom!.shapeId)).toEqual(
      await shapeCentreOnScreen(page, top!.shapeId),
    )
    await zoomToFit(page)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cards-stacked.png` })
  })

  it('shows the covered card again once someone moves the top card away', async () => {
    const [bottom, top] = await cardsInPaintOrder(alice.page)
    const bottomName = nameOf(bottom!.stakeholderId)
    // Bob drags the top card off the stack with his mouse; Alice sees it happen remotely.
    const { page } = bob
    await zoomToFit(page)
    const from = await shapeCentreOnScreen(page, top!.shapeId)
    await dragOnScreen(page, from, { x: from.x - 120, y: from.y + 90 })
    for (const { page: p } of [bob, alice])
      await expect.poll(() => visibility(p, bottomName), { timeout: 5000 }).toBe('visible')
    await zoomToFit(alice.page)
    await alice.page.screenshot({ path: `${SCREENSHOT_DIR}/cards-unstacked.png` })
  })

  it('keeps a covered card with vote dots painted, so its dots show, also zoomed out', async () => {
    const { page } = alice
    const [bottom, top] = await cardsInPaintOrder(page)
    const [bottomName, topName] = [nameOf(bottom!.stakeholderId), nameOf(top!.stakeholderId)]
    // Back onto the stack.
    await page.getByRole('tab', { name: 'Register' }).click()
    const row = page.locator('tr', { hasText: topName })
    for (const attribute of ['influence', 'impact']) {
      await row.getByTestId(`register-${attribute}`).fill('4')
      await row.getByTestId(`register-${attribute}`).press('Enter')
    }
    await expect.poll(() => visibility(page, bottomName), { timeout: 5000 }).toBe('hidden')

    await page.getByRole('tab', { name: 'Workshop' }).click()
    await page.getByTestId('open-vote').click()
    await page.getByRole('button', { name: `Give a dot to ${bottomName}` }).click()
    await page.getByTestId('close-vote').click()
    await expect.poll(() => visibility(page, bottomName), { timeout: 5000 }).toBe('visible')
    await card(page, bottomName).getByTestId('card-votes').waitFor()

    await zoomTo(page, 0.29)
    await page.getByRole('img', { name: new RegExp(`^${bottomName}: `) }).waitFor()
    await card(page, bottomName).getByTestId('card-votes').waitFor()
  })

  it('exports every card in full, whatever the zoom and the stacking on screen', async () => {
    const { page } = alice
    const [bottom] = await cardsInPaintOrder(page)
    const bottomName = nameOf(bottom!.stakeholderId)
    // Without the dots the bottom card is covered (not painted) again; still zoomed out.
    await page.getByRole('button', { name: 'Clear the vote' }).click()
    await expect.poll(() => visibility(page, bottomName), { timeout: 5000 }).toBe('hidden')
    // On screen: the top card zoomed out, the one under it an empty box.
    expect(await page.locator('.stakeholder-card--simple').count()).toBe(1)
    expect(await card(page, bottomName).textContent()).toBe('')

    await page.getByRole('tab', { name: 'Data' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG', exact: true }).click(),
    ])
    const svg = readFileSync((await download.path())!, 'utf8')
    for (const name of names) expect(svg).toContain(name)
  })

  it('made no request outside its own origin', () => {
    expect(alice.foreignRequests).toEqual([])
    expect(bob.foreignRequests).toEqual([])
  })
})
