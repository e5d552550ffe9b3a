import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

/** What the page fetched, from the browser's own Resource Timing entries. */
function fetched(page: Page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming
      return {
        path: new URL(timing.name).pathname,
        transferSize: timing.transferSize,
        decodedBodySize: timing.decodedBodySize,
      }
    }),
  )
}

describe('first screen of a map: compressed, and only the fonts and icons it draws', () => {
  let server: AppServer
  let browser: Browser

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('fetches compressed scripts, no embed icons and only the fonts drawn text uses', async () => {
    const map = await createMapViaApi(server.url, 'Transfer', 'ser-phase-1')
    const { page, context, errors } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(page)
    // Settled: no new request for a second.
    let resources = await fetched(page)
    for (;;) {
      await page.waitForTimeout(1000)
      const now = await fetched(page)
      if (now.length === resources.length) break
      resources = now
    }
    // Small ones are left as they are (and the headers would dominate them anyway).
    const scripts = resources.filter((r) => r.path.endsWith('.js') && r.decodedBodySize > 10_000)
    expect(scripts.length).toBeGreaterThan(0)
    // Each script crossed the wire as a fraction of its size: brotli from the build.
    for (const script of scripts) {
      expect(script.transferSize, script.path).toBeLessThan(script.decodedBodySize * 0.6)
    }
    expect(resources.filter((r) => r.path.endsWith('.png'))).toEqual([])
    const fonts = resources.filter((r) => r.path.endsWith('.woff2'))
    expect(fonts.length).toBeLessThanOrEqual(4)

    // A text in tldraw's monospace font appears: that font is loaded, and only then.
    const monoFontsBefore = fonts.filter((r) => r.path.includes('IBMPlexMono')).length
    await page.evaluate(() => {
      const editor = (
        window as unknown as {
          editor: {
            createShape(shape: unknown): void
            fonts: { getShapeFontFaces(id: string): unknown[] }
          }
        }
      ).editor
      editor.createShape({
        id: 'shape:font-check',
        type: 'text',
        x: 100,
        y: 100,
        props: {
          font: 'mono',
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gemeente' }] }],
          },
        },
      })
    })
    await page.waitForFunction(() =>
      [...document.fonts].some(
        (face) => face.family.includes('tldraw_mono') && face.status === 'loaded',
      ),
    )
    const after = (await fetched(page)).filter((r) => r.path.endsWith('.woff2'))
    expect(after.filter((r) => r.path.includes('IBMPlexMono')).length).toBeGreaterThan(
      monoFontsBefore,
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('offers no "Insert embed" (the CSP lets no other site into a frame)', async () => {
    const map = await createMapViaApi(server.url, 'No embeds')
    const { page, context } = await openTrackedPage(browser, server.url)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(page)
    await page.getByTestId('main-menu.button').click()
    // The menu is open at the group that held it: its neighbour is there, the embed is not.
    await page.getByText('Upload media').waitFor()
    expect(await page.getByText('Insert embed').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
    await page.keyboard.press('Control+i')
    await page.waitForTimeout(500)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await context.close()
  })
})
