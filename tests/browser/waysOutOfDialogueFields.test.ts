/**
 * "Every way out of a field keeps what was typed", for a dialogue plan's fields in the
 * Dialogues tab and a role card's fields in the Workshop tab's role play: a click on an empty
 * spot of the canvas and another panel tab (Tab, Enter, a reload and a closed tab are covered
 * by dialogues.test.ts, rolePlay.test.ts and waysOutOfAField's other users). Each text is
 * then still in its field when the person comes back, and has reached another person's page.
 */
import type { Browser, Locator, Page } from 'playwright-core'
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

const WAYS = waysOutOfAField('en').filter(
  (way) => way.name.includes('canvas') || way.name.includes('panel tab'),
)

/** Opens a `details` block if it is closed. */
async function openBlock(block: Locator) {
  if (!(await block.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await block.locator('summary').first().click()
  }
}

describe('the fields of a dialogue plan and of a role card', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let facilitator: TrackedPage
  let witness: TrackedPage

  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click()
  const planBlock = (page: Page) => page.locator('.dialogues-panel details.entry').first()
  const roleBlock = (page: Page) => page.locator('.role-play details.entry').first()

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Ways out of dialogue fields')
    facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima' })
    witness = await openTrackedPage(browser, server.url, { name: 'Ann' })
    await facilitator.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    await witness.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await Promise.all([waitForMapReady(facilitator.page), waitForMapReady(witness.page)])
    const { page } = facilitator
    await tab(page, 'Dialogues')
    await page.getByRole('button', { name: 'New dialogue plan' }).click()
    await tab(page, 'Workshop')
    await page.getByRole('button', { name: 'Add role' }).click()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  let n = 0
  for (const way of WAYS) {
    for (const label of ['Title', 'Goal']) {
      it(`a plan's ${label.toLowerCase()}: typed, then ${way.name}, is kept and reaches others`, async () => {
        const { page } = facilitator
        await tab(page, 'Dialogues')
        await openBlock(planBlock(page))
        const typed = `${label} ${++n}: listen to the pickers first`
        const field = planBlock(page).getByLabel(label, { exact: true })
        await field.click()
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(typed)
        await way.leave(page)
        await tab(page, 'Dialogues')
        await openBlock(planBlock(page))
        await expect
          .poll(() => planBlock(page).getByLabel(label, { exact: true }).inputValue())
          .toBe(typed)
        await tab(witness.page, 'Dialogues')
        await openBlock(planBlock(witness.page))
        await expect
          .poll(() => planBlock(witness.page).getByLabel(label, { exact: true }).inputValue(), {
            timeout: 5000,
          })
          .toBe(typed)
      })
    }

    for (const [name, label] of [
      ['title', 'Role'],
      ['private brief', 'Private brief (only the holder sees it)'],
    ] as const) {
      it(`a role card's ${name}: typed, then ${way.name}, is kept and reaches an owner`, async () => {
        const { page } = facilitator
        await tab(page, 'Workshop')
        await openBlock(roleBlock(page))
        const typed = `${name} ${++n}: the cooperative's chair`
        const field = roleBlock(page).getByLabel(label, { exact: true })
        await field.click()
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(typed)
        await way.leave(page)
        await tab(page, 'Workshop')
        await openBlock(roleBlock(page))
        await expect
          .poll(() => roleBlock(page).getByLabel(label, { exact: true }).inputValue())
          .toBe(typed)
        await tab(witness.page, 'Workshop')
        await openBlock(roleBlock(witness.page))
        await expect
          .poll(() => roleBlock(witness.page).getByLabel(label, { exact: true }).inputValue(), {
            timeout: 5000,
          })
          .toBe(typed)
      })
    }
  }

  it('leaves no errors in either browser', () => {
    expect(facilitator.errors.concat(witness.errors)).toEqual([])
  })
})
