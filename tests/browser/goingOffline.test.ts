/**
 * A participant who goes offline is shown as offline to the others within 10 s, is told so
 * on their own screen (in a badge that fits a 1280 px top bar), sees the others' state as
 * unknown rather than "disconnected", and what they change meanwhile reaches the others when
 * they are back (issue 19). Before that, having just joined without moving, on a laptop whose
 * clock is five minutes behind, they are not shown as idle. Chromium's offline mode keeps an open WebSocket alive, as a laptop that lost
 * its Wi-Fi may: the page itself must let go of its sockets when the browser goes offline.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTrackedPage, shareLinkFor, waitForMapReady } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
} from './mapWithRolePages'

const SHOTS = '/work/notes/shots'

/** Five minutes: how far behind the server Bram's laptop clock is. */
const CLOCK_BEHIND_MS = 5 * 60_000

/** What `page`'s participants list says about the person called `name`. */
function listedAs(page: Page, name: string): Promise<string | null> {
  return page.getByTestId('participants').locator('li', { hasText: name }).textContent()
}

/** The connection badge's text is whole and on screen (a 1280 px wide page). */
async function expectBadgeFits(page: Page) {
  const badge = page.getByTestId('connection-status')
  const fit = await badge.evaluate((element) => ({
    right: element.getBoundingClientRect().right,
    overflows: element.scrollWidth > element.clientWidth,
    width: document.documentElement.clientWidth,
  }))
  expect(fit.overflows).toBe(false)
  expect(fit.right).toBeLessThanOrEqual(fit.width)
}

describe('a participant whose browser goes offline during a workshop', () => {
  let session: MapWithRolePages<'editor'>
  let ann: Page
  let bram: Awaited<ReturnType<typeof openTrackedPage>>

  beforeAll(async () => {
    session = await openMapWithRolePages({ title: 'Workshop offline', roles: ['editor'] })
    ann = session.pages.editor.page
    await addStakeholders(ann, ['Cocoa farmers'])
    bram = await openTrackedPage(session.browser, session.server.url, { name: 'Bram' })
    await bram.context.addInitScript((behind) => {
      const realNow = Date.now.bind(Date)
      Date.now = () => realNow() - behind
    }, CLOCK_BEHIND_MS)
    await bram.page.goto(
      shareLinkFor(session.server.url, session.map.id, session.map.tokens.editor),
    )
    await waitForMapReady(bram.page)
    await ann.getByRole('tab', { name: 'Workshop' }).click()
  })

  afterAll(async () => {
    await session?.close()
  })

  it('does not show someone who just joined and has not moved as idle, whatever their clock says', async () => {
    await expect.poll(() => listedAs(ann, 'Bram'), { timeout: 10_000 }).toContain('Bram')
    // The list looks again every 15 s; idle means two minutes without activity.
    const watchUntil = Date.now() + 20_000
    while (Date.now() < watchUntil) {
      expect(await listedAs(ann, 'Bram')).not.toContain('idle')
      await ann.waitForTimeout(1000)
    }
    expect(await listedAs(ann, 'Bram')).not.toContain('disconnected')
  })

  it('shows them as offline to the others within 10 s, and to themselves at once', async () => {
    expect(await listedAs(ann, 'Bram')).not.toContain('disconnected')
    const wentOffline = Date.now()
    await bram.context.setOffline(true)
    await expect
      .poll(() => bram.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 2000,
      })
      .toBe('offline')
    expect(await bram.page.getByTestId('connection-status').textContent()).toContain('Offline')
    await expect.poll(() => listedAs(ann, 'Bram'), { timeout: 10_000 }).toContain('disconnected')
    expect(Date.now() - wentOffline).toBeLessThan(10_000)
    await bram.page.getByRole('tab', { name: 'Workshop' }).click()
    await bram.page.screenshot({ path: `${SHOTS}/lang-en-offline-self.png` })
    await ann.screenshot({ path: `${SHOTS}/lang-en-offline-others.png` })
  })

  it('tells them, while offline, that the others’ state is unknown, in a badge that fits', async () => {
    const list = bram.page.getByTestId('participants')
    await bram.page.getByTestId('participants-offline').waitFor()
    expect(await list.locator('li', { hasText: 'Bram' }).textContent()).toContain('offline')
    const others = list.locator('li', { hasNotText: 'Bram' })
    expect(await others.count()).toBeGreaterThan(0)
    for (const text of await others.allTextContents()) {
      expect(text).toContain('status unknown')
      expect(text).not.toContain('disconnected')
    }
    await expectBadgeFits(bram.page)
    await bram.page.screenshot({ path: `${SHOTS}/presence-offline-self-en.png` })

    await bram.page.locator('.language-switch select').selectOption('nl')
    await bram.page.getByTestId('participants-offline').getByText('Je bent offline').waitFor()
    for (const text of await others.allTextContents()) {
      expect(text).toContain('status onbekend')
      expect(text).not.toContain('niet verbonden')
    }
    await expectBadgeFits(bram.page)
    await bram.page.screenshot({ path: `${SHOTS}/presence-offline-self-nl.png` })
    await bram.page.locator('.language-switch select').selectOption('en')
    await bram.page.getByTestId('participants-offline').getByText('You are offline').waitFor()
  })

  it('keeps the name they change while offline, and the others get it when they are back', async () => {
    await openEditorOn(bram.page, 'Cocoa farmers')
    await bram.page.getByTestId('field-name').fill('Cocoa farmers in Ghana')
    await bram.page.getByTestId('field-name').press('Enter')
    await bram.page.locator('.stakeholder-card', { hasText: 'Cocoa farmers in Ghana' }).waitFor()
    // Not there yet for the others: it was made offline.
    expect(await ann.locator('.stakeholder-card', { hasText: 'in Ghana' }).count()).toBe(0)

    await bram.context.setOffline(false)
    await expect
      .poll(() => bram.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('connected')
    await ann.locator('.stakeholder-card', { hasText: 'Cocoa farmers in Ghana' }).waitFor({
      timeout: 10_000,
    })
    await expect
      .poll(() => listedAs(ann, 'Bram'), { timeout: 10_000 })
      .not.toContain('disconnected')
    expect((await session.serverRecord('Cocoa farmers in Ghana'))?.name).toBe(
      'Cocoa farmers in Ghana',
    )
  })
})
