/**
 * The role play in real Chromium: a Dutch facilitator adds the example case's roles and
 * deals two of them, to Ann (Dutch) and Bram (English); each sees their own role and brief,
 * and neither page holds the other's brief; Chen, without a card, sees who plays whom and no
 * brief at all. A brief the facilitator edits reaches its holder.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ROLES } from '../../shared/workshop/rolePlay'
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

const SCREENSHOT_DIR = '.tmp/screenshots'
const [BUYER, SUPPLIER] = DEFAULT_ROLES.nl

describe('the role play', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let trainer: TrackedPage
  let ann: TrackedPage
  let bram: TrackedPage
  let chen: TrackedPage

  async function join(person: TrackedPage, link: string) {
    await person.page.goto(link)
    await waitForMapReady(person.page)
    await person.page.getByRole('tab', { name: 'Workshop' }).click()
  }

  function roleSection(page: Page) {
    return page.locator('section[aria-labelledby="roles-heading"]')
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Rollenspel cacao')
    trainer = await openTrackedPage(browser, server.url, { name: 'Trainer', locale: 'nl-NL' })
    ann = await openTrackedPage(browser, server.url, { name: 'Ann', locale: 'nl-NL' })
    bram = await openTrackedPage(browser, server.url, { name: 'Bram', locale: 'en-GB' })
    chen = await openTrackedPage(browser, server.url, { name: 'Chen', locale: 'en-GB' })
    await join(trainer, shareLinkFor(server.url, map.id, map.tokens.facilitator))
    for (const person of [ann, bram, chen]) {
      await join(person, shareLinkFor(server.url, map.id, map.tokens.editor))
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('each person sees their own brief, and no page holds another’s', async () => {
    const { page } = trainer
    await roleSection(page)
      .getByRole('button', { name: 'De zes rollen van de voorbeeldcasus toevoegen' })
      .click()
    const cards = roleSection(page).locator('details.entry')
    await expect.poll(() => cards.count()).toBe(6)
    for (const [index, name] of [
      [0, 'Ann'],
      [1, 'Bram'],
    ] as const) {
      const card = cards.nth(index)
      await card.locator('summary').click()
      await expect
        .poll(() => card.getByLabel('Gegeven aan').locator('option').allTextContents())
        .toContain(name)
      await card.getByLabel('Gegeven aan').selectOption({ label: name })
    }
    const annRole = ann.page.getByTestId('my-role')
    await expect.poll(() => annRole.textContent(), { timeout: 5000 }).toContain(BUYER!.brief)
    expect(await ann.page.locator('#my-role-heading').textContent()).toBe(
      `Jouw rol: ${BUYER!.title}`,
    )
    const bramRole = bram.page.getByTestId('my-role')
    await expect.poll(() => bramRole.textContent(), { timeout: 5000 }).toContain(SUPPLIER!.brief)
    expect(await bram.page.locator('#my-role-heading').textContent()).toBe(
      `Your role: ${SUPPLIER!.title}`,
    )
    // The cast is public; the briefs are each holder's alone.
    await expect
      .poll(() => chen.page.getByTestId('role-cast').textContent())
      .toContain(`${BUYER!.title} — Ann`)
    expect(await ann.page.content()).not.toContain(SUPPLIER!.brief)
    expect(await bram.page.content()).not.toContain(BUYER!.brief)
    const chenPage = await chen.page.content()
    for (const role of DEFAULT_ROLES.nl) expect(chenPage).not.toContain(role.brief)
    expect(await chen.page.getByTestId('my-role').count()).toBe(0)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/roleplay-trainer-nl.png` })
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/roleplay-ann-nl.png` })
    await bram.page.screenshot({ path: `${SCREENSHOT_DIR}/roleplay-bram-en.png` })
  })

  it('a brief the facilitator changes reaches its holder, and only them', async () => {
    const brief = trainer.page
      .locator('section[aria-labelledby="roles-heading"] details.entry')
      .first()
      .getByLabel('Instructie (alleen wie de kaart heeft, ziet die)')
    await brief.fill('Nieuw: je mag ook een bezoek aan de dorpen toezeggen.')
    await brief.press('Tab')
    await expect
      .poll(() => ann.page.getByTestId('my-role').textContent(), { timeout: 5000 })
      .toContain('Nieuw: je mag ook een bezoek aan de dorpen toezeggen.')
    expect(await bram.page.content()).not.toContain('bezoek aan de dorpen')
  })
})
