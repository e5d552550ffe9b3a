/**
 * The workshop timer run from the front of the room: a facilitator, two participants (one
 * in Dutch) and the projector on the viewer link, each on their own browser. More time on a running or paused countdown reaches every
 * screen alike; phase 1's assignments are timed one by one and named everywhere; at zero every
 * screen shows that time is up, and the tone sounds where the facilitator turned it on.
 */
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
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
import { axeViolations } from './axeCheck'

const SHOTS = '/tmp/i19-timer-shots'

type Page = TrackedPage['page']

/** Seconds left on the shared timer as each page shows it, read at the same moment. */
function secondsLeftEverywhere(pages: Page[]): Promise<number[]> {
  return Promise.all(
    pages.map(async (page) =>
      Number(await page.getByTestId('timer').getAttribute('data-remaining')),
    ),
  )
}

describe('the workshop timer, run by the facilitator for everyone', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let facilitator: TrackedPage
  let ann: TrackedPage
  let bram: TrackedPage
  let projector: TrackedPage
  let pages: Page[]

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop timer')
    facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima (trainer)' })
    ann = await openTrackedPage(browser, server.url, { name: 'Ann', place: 'room' })
    bram = await openTrackedPage(browser, server.url, {
      name: 'Bram',
      place: 'remote',
      locale: 'nl-NL',
    })
    projector = await openTrackedPage(browser, server.url, { name: 'Beamer', place: 'room' })
    await facilitator.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    for (const { page } of [ann, bram])
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await projector.page.goto(shareLinkFor(server.url, map.id, map.tokens.viewer))
    pages = [facilitator.page, ann.page, bram.page, projector.page]
    await Promise.all(pages.map((page) => waitForMapReady(page)))
    await facilitator.page.getByRole('tab', { name: 'Workshop' }).click()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('gives a running countdown five more minutes on every screen alike', async () => {
    await facilitator.page
      .getByRole('button', { name: 'Start the timer for Phase 1: run-up to dialogue' })
      .click()
    for (const page of pages) await page.getByTestId('timer').waitFor()
    await facilitator.page.getByRole('button', { name: '+5 min for everyone' }).click()
    await expect
      .poll(async () => Math.min(...(await secondsLeftEverywhere(pages))), { timeout: 5000 })
      .toBeGreaterThan(55 * 60)
    const values = await secondsLeftEverywhere(pages)
    for (const value of values) {
      expect(value).toBeLessThanOrEqual(60 * 60)
      expect(value).toBeGreaterThan(60 * 60 - 15)
    }
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1)
  })

  it('adds a minute while paused, and the countdown stays paused everywhere', async () => {
    const { page } = facilitator
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    for (const p of pages) await p.locator('.timer--paused').waitFor()
    const before = await secondsLeftEverywhere(pages)
    // Keyboard: the button is reachable and works with Enter.
    await page.getByRole('button', { name: '+1 min for everyone' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(async () => (await secondsLeftEverywhere(pages)).join(','), { timeout: 5000 })
      .toBe(before.map((value) => value + 60).join(','))
    await page.getByRole('button', { name: 'Resume' }).click()
  })

  it('times phase 1’s first assignment, named on every screen', async () => {
    const { page } = facilitator
    const minutes = page.getByLabel('Minutes for Motivation for dialogue')
    await minutes.fill('1')
    await minutes.press('Enter')
    await page.getByTestId('timer-sound').check()
    await page.getByRole('button', { name: 'Start the timer for Motivation for dialogue' }).click()
    await expect
      .poll(() => facilitator.page.getByTestId('timer-part').textContent(), { timeout: 5000 })
      .toBe('Motivation for dialogue (1 of 3)')
    await expect
      .poll(() => ann.page.getByTestId('timer-part').textContent(), { timeout: 5000 })
      .toBe('Motivation for dialogue (1 of 3)')
    await expect
      .poll(() => bram.page.getByTestId('timer-part').textContent(), { timeout: 5000 })
      .toBe('Motivatie voor dialoog (1 van 3)')
    const values = await secondsLeftEverywhere(pages)
    for (const value of values) expect(value).toBeLessThanOrEqual(60)
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1)
    await facilitator.page.screenshot({ path: `${SHOTS}/assignment-running-facilitator.png` })
    // Ann clicks into her page (browsers sound only after a gesture); Bram does not.
    await ann.page.getByRole('tab', { name: 'Workshop' }).click()
  })

  it('shows on every screen that time is up at zero, with the tone where it may sound', async () => {
    for (const page of pages) {
      await page.getByTestId('time-up').waitFor({ timeout: 75_000 })
    }
    expect(await facilitator.page.getByTestId('time-up').textContent()).toContain('Time is up')
    expect(await ann.page.getByTestId('time-up').textContent()).toContain('Time is up')
    expect(await bram.page.getByTestId('time-up').textContent()).toContain('Tijd is om')
    expect(await bram.page.getByTestId('time-up').textContent()).toContain('Motivatie voor dialoog')
    for (const page of pages) {
      expect(await page.getByTestId('timer').getAttribute('data-up')).toBe('true')
    }
    expect(await facilitator.page.getByTestId('time-up').getAttribute('data-tone')).toBe('played')
    expect(await ann.page.getByTestId('time-up').getAttribute('data-tone')).toBe('played')
    expect(await bram.page.getByTestId('time-up').getAttribute('data-tone')).toBe('silent')
    expect(await projector.page.getByTestId('time-up').getAttribute('data-tone')).toBe('silent')
    // The banner and the timer's controls pass axe, in English and in Dutch.
    expect(await axeViolations(facilitator.page)).toEqual([])
    expect(await axeViolations(bram.page)).toEqual([])
    await facilitator.page.screenshot({ path: `${SHOTS}/time-up-facilitator.png` })
    await bram.page.screenshot({ path: `${SHOTS}/time-up-participant-nl.png` })
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.page.screenshot({ path: `${SHOTS}/time-up-projector.png` })
  }, 90_000)

  it('moves on to the next assignment, and the signal clears everywhere', async () => {
    await facilitator.page
      .getByRole('button', { name: 'Next: Internal preparation checklist' })
      .click()
    await expect
      .poll(() => bram.page.getByTestId('timer-part').textContent(), { timeout: 5000 })
      .toBe('Checklist interne voorbereiding (2 van 3)')
    for (const page of pages) {
      await expect.poll(() => page.getByTestId('time-up').count(), { timeout: 5000 }).toBe(0)
    }
    await ann.page.getByRole('tab', { name: 'Workshop' }).click()
    await ann.page.screenshot({ path: `${SHOTS}/next-assignment-participant.png` })
    for (const tracked of [facilitator, ann, bram, projector]) expect(tracked.errors).toEqual([])
  })
})
