/**
 * A score round and a dot vote end to end, in Dutch, with a facilitator and two participants
 * (issue 19): the screens say the scores are anonymous and show only "N van M" until the
 * facilitator reveals; every way out of a score field keeps what was typed; the result and
 * the tally reach everyone.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nl } from '../../client/i18n/messages.nl'
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
import { addStakeholders } from './mapWithRolePages'
import { waysOutOfAField } from './waysOutOfAField'

const FARMERS = 'Cacaoboeren'
const UNION = 'Vakbond FNV'

async function openWorkshopTab(page: Page) {
  await page.getByRole('tab', { name: nl['panel.tab.workshop'] }).click()
}

/** Selects the card showing `name`, as a click on it would. */
async function selectCard(page: Page, name: string) {
  const id = await page
    .locator('.tl-shape', { has: page.locator('.stakeholder-card', { hasText: name }) })
    .first()
    .getAttribute('data-shape-id')
  await page.evaluate((shapeId) => {
    ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId!)
  }, id)
}

describe('a score round and a vote, in Dutch: a facilitator and two participants', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let facilitator: TrackedPage
  let ann: TrackedPage
  let bram: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop cacaoketen')
    facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima', locale: 'nl-NL' })
    ann = await openTrackedPage(browser, server.url, { name: 'Ann', locale: 'nl-NL' })
    bram = await openTrackedPage(browser, server.url, { name: 'Bram', locale: 'nl-NL' })
    await facilitator.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    for (const { page } of [ann, bram])
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await Promise.all([facilitator, ann, bram].map(({ page }) => waitForMapReady(page)))
    await addStakeholders(facilitator.page, [FARMERS, UNION])
    for (const { page } of [facilitator, ann, bram]) await openWorkshopTab(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('scores anonymously, shows only how many scored, keeps what was typed, then reveals', async () => {
    const { page } = facilitator
    // Selecting a card opens its record; the round is started from the Workshop tab.
    await selectCard(page, FARMERS)
    await openWorkshopTab(page)
    await page.getByTestId('start-scoring').click()
    for (const { page: p } of [ann, bram]) {
      await p.getByTestId('submit-scores').waitFor({ timeout: 5000 })
      expect(await p.getByTestId('scoring-anonymous').textContent()).toContain(
        'Scores zijn anoniem',
      )
    }
    await expect
      .poll(() => page.getByTestId('scoring-count').textContent(), { timeout: 5000 })
      .toBe('0 van 3 hebben gescoord.')

    // Every way out of Ann's influence field keeps what she typed, before she submits.
    const influence = () => ann.page.getByTestId('my-influence')
    for (const [index, way] of waysOutOfAField('nl').entries()) {
      const typed = String((index % 4) + 1)
      await influence().fill(typed)
      await way.leave(ann.page)
      await openWorkshopTab(ann.page)
      await expect.poll(() => influence().inputValue(), { timeout: 5000 }).toBe(typed)
    }
    await influence().fill('4')
    await ann.page.getByTestId('my-power').selectOption('2')
    await ann.page.getByTestId('submit-scores').click()
    await ann.page.getByText(nl['workshop.scoring.submitted']).waitFor({ timeout: 5000 })
    await bram.page.getByTestId('my-power').selectOption('3')
    await bram.page.getByTestId('my-influence').fill('2')
    await bram.page.getByTestId('submit-scores').click()

    for (const { page: p } of [facilitator, ann, bram]) {
      await expect
        .poll(() => p.getByTestId('scoring-count').textContent(), { timeout: 5000 })
        .toBe('2 van 3 hebben gescoord.')
      expect(await p.getByTestId('scoring-result').count()).toBe(0)
    }
    await page.getByTestId('reveal-scores').click()
    for (const { page: p } of [facilitator, ann, bram]) {
      const result = p.getByTestId('scoring-result')
      await result.waitFor({ timeout: 5000 })
      // Power 2 and 3: median 2,5 (a Dutch decimal comma), range 2–3; influence 4 and 2:
      // median 3, range 2–4.
      const rows = await result.locator('tbody tr').allTextContents()
      expect(rows.filter((row) => row.includes('2,52–3'))).toHaveLength(1)
      expect(rows.filter((row) => row.includes('32–4'))).toHaveLength(1)
    }

    // The room reads the result under the card on the projector, from the back.
    const projector = await openTrackedPage(browser, server.url, { place: null, locale: 'nl-NL' })
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.page.goto(`${server.url}/m/${map.id}?present#t=${map.tokens.viewer}`)
    const onCard = projector.page.getByTestId('card-ratings')
    await onCard.waitFor({ timeout: 15_000 })
    expect(await onCard.textContent()).toContain('M 2,5 (2–3)')
    const typeOnScreen = await onCard.evaluate((element: HTMLElement) => {
      // The canvas scales a card by the camera's zoom: drawn width over laid-out width.
      const scale = element.getBoundingClientRect().width / element.offsetWidth
      return parseFloat(getComputedStyle(element).fontSize) * scale
    })
    expect(typeOnScreen).toBeGreaterThanOrEqual(18)
    await projector.page.screenshot({ path: '/work/notes/shots/projector-revealed-scores-nl.png' })
    expect(projector.errors).toEqual([])
    await projector.page.close()
    await page.getByTestId('end-scoring').click()
    await expect.poll(() => ann.page.getByTestId('scoring-result').count()).toBe(0)
  })

  it('votes anonymously, shows only how many voted, and tallies at the close', async () => {
    const { page } = facilitator
    await page.getByTestId('open-vote').click()
    const giveDot = (p: Page, name: string) =>
      p.getByRole('button', { name: nl['workshop.vote.add'].replace('{name}', name) }).click()
    await ann.page.getByTestId('votes-left').waitFor({ timeout: 5000 })
    expect(await ann.page.getByText('Stemmen zijn anoniem').count()).toBe(1)
    await giveDot(ann.page, FARMERS)
    await giveDot(ann.page, FARMERS)
    await giveDot(ann.page, UNION)
    await giveDot(ann.page, UNION)
    await ann.page.getByText(nl['workshop.vote.budget-used']).waitFor()
    await bram.page.getByTestId('votes-left').waitFor()
    await giveDot(bram.page, UNION)
    await expect
      .poll(() => page.getByTestId('vote-count').textContent(), { timeout: 5000 })
      .toBe('2 van 3 hebben gestemd.')
    expect(await page.getByTestId('vote-results').count()).toBe(0)

    await page.getByTestId('close-vote').click()
    for (const { page: p } of [facilitator, ann, bram]) {
      const results = p.getByTestId('vote-results')
      await results.waitFor({ timeout: 5000 })
      expect(await results.locator('li').allTextContents()).toEqual([
        `${FARMERS}: 2 stippen`,
        `${UNION}: 2 stippen`,
      ])
    }
  })
})
