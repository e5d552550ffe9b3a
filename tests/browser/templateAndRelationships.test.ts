import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
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
} from './browserFixture'

function countByType(page: TrackedPage['page']) {
  return page.evaluate(() => {
    const editor = (window as unknown as { editor: TestEditor }).editor
    const counts: Record<string, number> = {}
    for (const shape of editor.getCurrentPageShapes())
      counts[shape.type] = (counts[shape.type] ?? 0) + 1
    return counts
  })
}

describe('the SER phase-1 template and typed relationships', () => {
  let server: AppServer
  let browser: Browser
  let pages: TrackedPage[] = []

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('seeds the template once, even when two people open the new map at the same moment', async () => {
    const map = await createMapViaApi(server.url, 'Workshop 12 May', 'ser-phase-1')
    pages = [
      await openTrackedPage(browser, server.url),
      await openTrackedPage(browser, server.url, { locale: 'nl-NL' }),
    ]
    await Promise.all([
      pages[0]!.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator)),
      pages[1]!.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor)),
    ])
    await Promise.all(pages.map(({ page }) => waitForMapReady(page)))
    for (const { page } of pages) {
      await expect
        .poll(() => countByType(page), { timeout: 5000 })
        .toMatchObject({ frame: 3, 'influence-impact-matrix': 1, 'salience-diagram': 1, note: 8 })
    }
    // Both opened at once; whoever seeded first, everyone has the same shapes.
    const ids = await Promise.all(
      pages.map(({ page }) =>
        page.evaluate(() =>
          (window as unknown as { editor: TestEditor }).editor
            .getCurrentPageShapes()
            .map((shape) => shape.id)
            .sort(),
        ),
      ),
    )
    expect(ids[0]).toEqual(ids[1])
    await pages[0]!.page.screenshot({ path: '.tmp/screenshots/template.png' })
  })

  it('an arrow between two cards gets a type, shown on the arrow, and "represents" is recorded', async () => {
    const { page } = pages[0]!
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Or paste a list, one name per line').fill('Solidaridad\nCocoa farmers')
    await page.getByRole('button', { name: 'Add 2 stakeholders' }).click()
    await waitForCameraToSettle(page)
    // The new cards are selected: bring them close, as a participant would.
    await page.evaluate(() => {
      ;(window as unknown as { editor: TestEditor }).editor.zoomToSelection()
    })
    await waitForCameraToSettle(page)
    const ids = await page.evaluate(() =>
      (window as unknown as { editor: TestEditor }).editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'stakeholder-card')
        .map((shape) => ({ id: shape.id, x: shape.x })),
    )
    const [left, right] = ids.sort((a, b) => a.x - b.x)
    await page.keyboard.press('Escape')
    await page.keyboard.press('a')
    await dragOnScreen(
      page,
      await shapeCentreOnScreen(page, left!.id),
      await shapeCentreOnScreen(page, right!.id),
    )
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    await page.getByTestId('relationship-type').selectOption('represents', { timeout: 5000 })
    const arrowText = await page.evaluate(() => {
      const editor = (window as unknown as { editor: TestEditor }).editor
      const arrow = editor.getCurrentPageShapes().find((shape) => shape.type === 'arrow')
      return JSON.stringify(arrow?.props.richText)
    })
    expect(arrowText).toContain('represents / advocates for')
    await page.screenshot({ path: '.tmp/screenshots/relationship.png' })

    // Solidaridad (left, created first) now represents the cocoa farmers.
    // Click the card near its left edge: its centre is under the arrow's start.
    const centre = await shapeCentreOnScreen(page, left!.id)
    await page.keyboard.press('Escape')
    await page.mouse.click(centre.x - 80, centre.y)
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Cocoa farmers' }).isChecked())
      .toBe(true)
  })
})
