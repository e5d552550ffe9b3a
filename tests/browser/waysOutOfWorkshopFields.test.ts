/**
 * "Every way out of a field keeps what was typed", for the facilitator's workshop fields:
 * the minutes of a phase-1 assignment on the timer's agenda (map data: everyone sees the new
 * minutes, also when the tab is closed right after typing, or the facilitator typed offline)
 * and the number of tables and of dots per person (the facilitator's own form values until
 * the split or the vote uses them: kept through Tab, Enter, a click on the canvas, another
 * panel tab and a reload; a new tab starts without them, like issue 18's fields).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  type CreatedMap,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'
import { waysOutOfAField } from './waysOutOfAField'

const MINUTES = 'Minutes for Motivation for dialogue'

/** The minutes the agenda shows a participant for the first phase-1 assignment. */
async function minutesShown(page: Page): Promise<string | null> {
  return page
    .locator('.workshop__agenda-parts li', { hasText: 'Motivation for dialogue' })
    .first()
    .textContent()
}

describe('the workshop fields of a facilitator', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let facilitator: TrackedPage
  let participant: TrackedPage

  const showWorkshop = (page: Page) => page.getByRole('tab', { name: 'Workshop' }).click()

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop fields', 'ser-phase-1')
    facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima' })
    participant = await openTrackedPage(browser, server.url, { name: 'Ann' })
    await facilitator.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    await participant.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await Promise.all([waitForMapReady(facilitator.page), waitForMapReady(participant.page)])
    await showWorkshop(participant.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  let n = 10
  for (const way of waysOutOfAField('en')) {
    it(`an assignment's minutes: typed, then ${way.name}, are kept and reach everyone`, async () => {
      const { page } = facilitator
      await showWorkshop(page)
      const typed = String(++n)
      const field = page.getByLabel(MINUTES)
      await field.click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(typed)
      await way.leave(page)
      await showWorkshop(page)
      await expect.poll(() => page.getByLabel(MINUTES).inputValue()).toBe(typed)
      await expect
        .poll(() => minutesShown(participant.page), { timeout: 5000 })
        .toBe(`Motivation for dialogue${typed} min`)
    })
  }

  it('an assignment’s minutes typed right before the tab is closed reach everyone', async () => {
    const leaving = await openTrackedPage(browser, server.url, { name: 'Co-trainer' })
    await leaving.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    await waitForMapReady(leaving.page)
    await showWorkshop(leaving.page)
    await leaving.page.getByLabel(MINUTES).fill('21')
    await leaving.page.close({ runBeforeUnload: true })
    await expect
      .poll(() => minutesShown(participant.page), { timeout: 5000 })
      .toBe('Motivation for dialogue21 min')
    await leaving.context.close()
  })

  it('an assignment’s minutes typed offline reach everyone once back', async () => {
    const { page, context } = facilitator
    await showWorkshop(page)
    await context.setOffline(true)
    await page.getByLabel(MINUTES).fill('22')
    await page.keyboard.press('Tab')
    await context.setOffline(false)
    await expect
      .poll(() => minutesShown(participant.page), { timeout: 15_000 })
      .toBe('Motivation for dialogue22 min')
  })

  for (const [label, fallback] of [
    ['Number of tables', '4'],
    ['Dots per person', '3'],
  ] as const) {
    for (const way of waysOutOfAField('en')) {
      it(`${label}: typed, then ${way.name}, is kept`, async () => {
        const { page } = facilitator
        await showWorkshop(page)
        const field = page.getByRole('spinbutton', { name: label })
        expect(await field.inputValue()).not.toBe('')
        // Never the field's own value (4 tables, 3 dots): a lost text would read as kept.
        const typed = String(5 + (++n % 4))
        await field.click()
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(typed)
        await way.leave(page)
        await showWorkshop(page)
        await expect
          .poll(() => page.getByRole('spinbutton', { name: label }).inputValue())
          .toBe(typed)
      })
    }

    it(`${label}: emptied to retype, stays empty until typed again`, async () => {
      const { page } = facilitator
      const field = page.getByRole('spinbutton', { name: label })
      await field.click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.press('Backspace')
      expect(await field.inputValue()).toBe('')
      await page.keyboard.type('2')
      expect(await field.inputValue()).toBe('2')
      expect(fallback).not.toBe('2')
    })
  }

  it('leaves no errors in either browser', () => {
    expect(facilitator.errors.concat(participant.errors)).toEqual([])
  })
})
