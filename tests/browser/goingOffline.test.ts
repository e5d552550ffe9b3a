/**
 * A participant who goes offline is shown as offline to the others within 10 s, is told so
 * on their own screen, and what they change meanwhile reaches the others when they are back
 * (issue 19). Chromium's offline mode keeps an open WebSocket alive, as a laptop that lost
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

/** What `page`'s participants list says about the person called `name`. */
function listedAs(page: Page, name: string): Promise<string | null> {
  return page.getByTestId('participants').locator('li', { hasText: name }).textContent()
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
    await bram.page.goto(
      shareLinkFor(session.server.url, session.map.id, session.map.tokens.editor),
    )
    await waitForMapReady(bram.page)
    await ann.getByRole('tab', { name: 'Workshop' }).click()
  })

  afterAll(async () => {
    await session?.close()
  })

  it('shows them as offline to the others within 10 s, and to themselves at once', async () => {
    await expect.poll(() => listedAs(ann, 'Bram'), { timeout: 10_000 }).toContain('Bram')
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
