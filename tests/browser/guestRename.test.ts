/**
 * Issue 18 in Chromium: everyone who opens a share link is a guest the server knows, marked
 * as such in the participants list, and a facilitator renames a guest to a role-play role;
 * the guest and the others see the new name at once, in Dutch and in English.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  type CreatedMap,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

describe('a facilitator renaming a guest', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Rollenspel')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('marks guests, and the new name reaches the guest and the others', async () => {
    const trainer = await openTrackedPage(browser, server.url, { name: 'Fatima', locale: 'nl-NL' })
    const ann = await openTrackedPage(browser, server.url, { name: 'Ann', locale: 'en-GB' })
    const bram = await openTrackedPage(browser, server.url, { name: 'Bram', locale: 'en-GB' })
    await trainer.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    for (const { page } of [ann, bram]) {
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    }
    for (const { page } of [trainer, ann, bram]) {
      await waitForMapReady(page)
      await page.getByRole('tab', { name: 'Workshop' }).click()
    }
    const row = (page: typeof ann.page, name: string) =>
      page.getByTestId('participants').locator('li', { hasText: name })
    await expect
      .poll(() => row(trainer.page, 'Ann').textContent(), { timeout: 5000 })
      .toContain('gast')
    expect(await row(bram.page, 'Ann').textContent()).toContain('guest')
    // Only a facilitator is offered the rename.
    expect(await bram.page.getByRole('button', { name: 'Rename Ann' }).count()).toBe(0)

    await trainer.page.getByRole('button', { name: 'Ann hernoemen' }).click()
    await trainer.page.getByLabel('Nieuwe naam voor Ann').fill('Minister van Financiën')
    await trainer.page.getByRole('button', { name: 'Opslaan' }).click()

    for (const page of [trainer.page, bram.page]) {
      await expect
        .poll(() => page.getByTestId('participants').textContent(), { timeout: 5000 })
        .toContain('Minister van Financiën')
    }
    // The guest's own list names them so too, and a cursor move does not undo it.
    await expect
      .poll(() => row(ann.page, 'you').textContent(), { timeout: 5000 })
      .toContain('Minister van Financiën')
    await ann.page.mouse.move(400, 300)
    await ann.page.mouse.move(500, 350)
    await bram.page.waitForTimeout(300)
    expect(await bram.page.getByTestId('participants').textContent()).not.toContain('Ann')
    // Reopening the map keeps the role's name: only a name Ann types replaces it.
    await ann.page.reload()
    await waitForMapReady(ann.page)
    await ann.page.getByRole('tab', { name: 'Workshop' }).click()
    await expect
      .poll(() => row(ann.page, 'you').textContent(), { timeout: 5000 })
      .toContain('Minister van Financiën')
    await ann.page.getByLabel('Your name').fill('Ann B.')
    for (const page of [trainer.page, bram.page, ann.page]) {
      await expect
        .poll(() => page.getByTestId('participants').textContent(), { timeout: 5000 })
        .toContain('Ann B.')
    }
    await trainer.page.screenshot({ path: '/tmp/i18c-rename-nl.png' })
    await bram.page.screenshot({ path: '/tmp/i18c-rename-en.png' })
    for (const { errors } of [trainer, ann, bram]) expect(errors).toEqual([])
  })
})
