/**
 * The ways a person leaves a text field, for tests that check that each keeps what was
 * typed: Tab, Enter (one-line fields), a click on an empty spot of the canvas, another panel
 * tab, and a reload right after the last keystroke. Closing the tab while offline needs its
 * own steps (a new page), so each test writes that one out.
 */
import type { Page } from 'playwright-core'
import { en } from '../../client/i18n/messages.en'
import { nl } from '../../client/i18n/messages.nl'
import { expect } from 'vitest'
import { type TestEditor, type TrackedPage, waitForMapReady } from './browserFixture'

/** One way out of a field. */
export interface WayOut {
  name: string
  leave(page: Page): Promise<void>
  /** Enter in a text area is a new line, not a way out. */
  oneLineOnly?: boolean
}

/** A point of the canvas with no shape under it, away from tldraw's own menus. */
export function emptyCanvasPoint(page: Page) {
  return page.evaluate(() => {
    const editor = (
      window as unknown as {
        editor: TestEditor & {
          screenToPage(point: { x: number; y: number }): { x: number; y: number }
          getShapeAtPoint(point: { x: number; y: number }, options: object): unknown
        }
      }
    ).editor
    for (let y = 200; y < 650; y += 40) {
      for (let x = 80; x < 700; x += 40) {
        const page = editor.screenToPage({ x, y })
        if (!editor.getShapeAtPoint(page, { hitInside: true, margin: 30 })) return { x, y }
      }
    }
    throw new Error('no empty spot on the canvas')
  })
}

/** The ways out, with the panel tab named in `locale` ('en' or 'nl'). */
export function waysOutOfAField(locale: 'en' | 'nl'): WayOut[] {
  const text = locale === 'nl' ? nl : en
  return [
    { name: 'Tab', leave: (page) => page.keyboard.press('Tab') },
    { name: 'Enter', leave: (page) => page.keyboard.press('Enter'), oneLineOnly: true },
    {
      name: 'a click on an empty spot of the canvas',
      async leave(page) {
        const spot = await emptyCanvasPoint(page)
        await page.mouse.click(spot.x, spot.y)
      },
    },
    {
      name: 'another panel tab',
      leave: (page) => page.getByRole('tab', { name: text['panel.tab.register'] }).click(),
    },
    {
      name: 'a reload right after the last keystroke',
      async leave(page) {
        await page.reload()
        await waitForMapReady(page)
      },
    },
  ]
}

/**
 * From now on, nothing this page writes to IndexedDB commits: the state of a tab closed
 * before its last transactions finished (which Chromium aborts). What is kept must then
 * come back from somewhere else when the map is opened again.
 */
export function cutOffLocalCopyCommits(page: Page) {
  return page.evaluate(() => {
    const transaction = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      const opened = transaction.apply(this, args)
      if (args[1] === 'readwrite') queueMicrotask(() => opened.abort())
      return opened
    } as typeof transaction
  })
}

/** Takes the person's browser offline, and waits until their map page says so. */
export async function goOffline(tracked: TrackedPage) {
  await tracked.context.setOffline(true)
  await expect
    .poll(() => tracked.page.getByTestId('connection-status').getAttribute('data-status'), {
      timeout: 10_000,
    })
    .toBe('offline')
}

/**
 * Closes the tab (still offline), comes back online and opens `url` in a new tab of the
 * same browser, which becomes `tracked.page`, once its map is ready.
 */
export async function closeTabAndReopenOnline(tracked: TrackedPage, url: string) {
  await tracked.page.close()
  await tracked.context.setOffline(false)
  tracked.page = await tracked.context.newPage()
  tracked.page.setDefaultTimeout(10_000)
  await tracked.page.goto(url)
  await waitForMapReady(tracked.page)
}
