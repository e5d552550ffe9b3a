/**
 * Evaluating a dialogue on the nine SER elements end to end (phase 4): a facilitator in
 * Dutch opens the round for a dialogue plan from the Workshop tab, two participants (one in
 * English) score privately and may change their scores until the reveal, everyone sees only
 * "N of M" until then and the same nine results after it; a note on an element keeps what
 * was typed on every way out of the field. A confidential plan's round: the facilitator sees
 * its results, the participants read that they are withheld, and never the plan's title.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../client/i18n/messages.en'
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
import { waysOutOfAField } from './waysOutOfAField'

const PLAN = 'Dialoog met de coöperatie'
const SECRET_PLAN = 'Gesprek met de klokkenluiders'

async function openWorkshopTab(page: Page, text: typeof nl) {
  await page.getByRole('tab', { name: text['panel.tab.workshop'] }).click()
}

/** Per element row of the result: median and range cells, and whether it is marked. */
function resultRows(page: Page) {
  return page
    .getByTestId('evaluation-result')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent?.split(' ⚠')[0]),
        disagreement: row.classList.contains('workshop__disagree'),
      })),
    )
}

describe('evaluating a dialogue: a Dutch facilitator, a Dutch and an English participant', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let facilitator: TrackedPage
  let ann: TrackedPage
  let ben: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Workshop cacaoketen')
    facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima', locale: 'nl-NL' })
    ann = await openTrackedPage(browser, server.url, { name: 'Ann', locale: 'nl-NL' })
    ben = await openTrackedPage(browser, server.url, { name: 'Ben', locale: 'en-GB' })
    await facilitator.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    for (const { page } of [ann, ben])
      await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await Promise.all([facilitator, ann, ben].map(({ page }) => waitForMapReady(page)))
    // The plan to evaluate, made in the Dialogues tab.
    const { page } = facilitator
    await page.getByRole('tab', { name: 'Dialogen', exact: true }).click()
    await page.getByRole('button', { name: 'Nieuw dialoogplan' }).click()
    const title = page.locator('.dialogues-panel details.entry').first().getByLabel('Titel', {
      exact: true,
    })
    await title.fill(PLAN)
    await title.press('Tab')
    await openWorkshopTab(page, nl)
    await openWorkshopTab(ann.page, nl)
    await openWorkshopTab(ben.page, en)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('scores the nine elements anonymously, shows only how many scored, then reveals the same results to all', async () => {
    const { page } = facilitator
    const choice = page.getByTestId('evaluation-plan')
    await expect.poll(() => choice.locator('option', { hasText: PLAN }).count()).toBe(1)
    await choice.selectOption({ label: PLAN })
    await page.getByTestId('start-evaluation').click()

    for (const [p, anonymous, none] of [
      [ann.page, 'Scores zijn anoniem', '0 van 3 hebben gescoord.'],
      [ben.page, 'Scores are anonymous', '0 of 3 have scored.'],
    ] as const) {
      await p.getByTestId('submit-evaluation').waitFor({ timeout: 5000 })
      expect(await p.getByTestId('evaluation-anonymous').textContent()).toContain(anonymous)
      await expect
        .poll(() => p.getByTestId('evaluation-count').textContent(), { timeout: 5000 })
        .toBe(none)
    }
    // The element names in each person's language.
    await ann.page.getByLabel('Organiseren van het gesprek').waitFor()
    await ben.page.getByLabel('Organising the conversation').waitFor()
    expect(await page.getByTestId('submit-evaluation').count()).toBe(1)

    await ann.page.getByTestId('my-element-motivation').selectOption('2')
    await ann.page.getByTestId('my-element-commitment').selectOption('5')
    await ann.page.getByTestId('submit-evaluation').click()
    await ann.page.getByTestId('evaluation-submitted').waitFor({ timeout: 5000 })
    // Ann changes her mind before the reveal: her later scores count, once.
    await ann.page.getByTestId('my-element-motivation').selectOption('3')
    await ann.page.getByTestId('submit-evaluation').click()
    await ben.page.getByTestId('my-element-motivation').selectOption('4')
    await ben.page.getByTestId('my-element-commitment').selectOption('1')
    await ben.page.getByTestId('my-element-knowledge').selectOption('4')
    await ben.page.getByTestId('submit-evaluation').click()

    for (const [p, expected] of [
      [page, '2 van 3 hebben gescoord.'],
      [ann.page, '2 van 3 hebben gescoord.'],
      [ben.page, '2 of 3 have scored.'],
    ] as const) {
      await expect
        .poll(() => p.getByTestId('evaluation-count').textContent(), { timeout: 5000 })
        .toBe(expected)
      expect(await p.getByTestId('evaluation-result').count()).toBe(0)
    }
    await page.getByTestId('reveal-evaluation').click()

    const seen = []
    for (const p of [page, ann.page, ben.page]) {
      await p.getByTestId('evaluation-result').waitFor({ timeout: 5000 })
      seen.push(await resultRows(p))
    }
    // Motivation 3 and 4; commitment 5 and 1 (disagreement); knowledge only Ben's 4. The
    // same numbers for everyone, each written the way their language writes a decimal.
    expect(seen[0]!.slice(0, 2)).toEqual([
      { cells: ['3,5', '3–4'], disagreement: false },
      { cells: ['3', '1–5'], disagreement: true },
    ])
    expect(seen[0]![8]).toEqual({ cells: ['4', '4–4'], disagreement: false })
    expect(seen[0]![2]).toEqual({ cells: ['–', '–'], disagreement: false })
    expect(seen[1]).toEqual(seen[0])
    expect(seen[2]![0]).toEqual({ cells: ['3.5', '3–4'], disagreement: false })
    expect(seen[2]!.slice(1)).toEqual(seen[0]!.slice(1))
    expect(await ben.page.getByTestId('evaluation-result-commitment').textContent()).toContain(
      `⚠ ${en['workshop.card.disagreement']}`,
    )
  })

  it('keeps a note on an element on every way out of the field, for everyone', async () => {
    const notes = () => ann.page.getByTestId('evaluation-notes-commitment')
    for (const [index, way] of waysOutOfAField('nl').entries()) {
      if (way.oneLineOnly) continue
      const typed = `Ver uiteen, ronde ${index}`
      await notes().fill(typed)
      await way.leave(ann.page)
      await openWorkshopTab(ann.page, nl)
      await expect.poll(() => notes().inputValue(), { timeout: 5000 }).toBe(typed)
    }
    await notes().fill('Ver uiteen: bespreken')
    await notes().press('Tab')
    await expect
      .poll(() => ben.page.getByTestId('evaluation-notes-commitment').inputValue(), {
        timeout: 5000,
      })
      .toBe('Ver uiteen: bespreken')
    // The result stays as the server wrote it.
    expect((await resultRows(ben.page))[1]).toEqual({ cells: ['3', '1–5'], disagreement: true })
  })

  it("a confidential plan's results go to owners and facilitators only: participants read that they are withheld", async () => {
    const { page } = facilitator
    await page.getByTestId('end-evaluation').click()
    await page.getByRole('tab', { name: 'Dialogen', exact: true }).click()
    await page.getByRole('button', { name: 'Nieuw dialoogplan' }).click()
    const secret = page.locator('.dialogues-panel details.entry[open]').first()
    await secret.getByLabel('Titel', { exact: true }).fill(SECRET_PLAN)
    await secret.getByLabel('Titel', { exact: true }).press('Tab')
    await secret.getByLabel('Vertrouwelijkheid', { exact: true }).selectOption({
      label: 'Vertrouwelijk',
    })
    await openWorkshopTab(page, nl)
    const choice = page.getByTestId('evaluation-plan')
    await expect.poll(() => choice.locator('option', { hasText: SECRET_PLAN }).count()).toBe(1)
    await choice.selectOption({ label: SECRET_PLAN })
    await page.getByTestId('start-evaluation').click()
    await ann.page.getByTestId('submit-evaluation').waitFor({ timeout: 5000 })
    expect(await ann.page.getByText(SECRET_PLAN).count()).toBe(0)
    await expect
      .poll(() => ben.page.locator('section[aria-labelledby="evaluation-heading"]').textContent())
      .toContain('Evaluating: a confidential dialogue')
    await ann.page.getByTestId('my-element-inclusion').selectOption('2')
    await ann.page.getByTestId('submit-evaluation').click()
    await ann.page.getByTestId('evaluation-submitted').waitFor({ timeout: 5000 })
    await expect
      .poll(() => page.getByTestId('evaluation-count').textContent(), { timeout: 5000 })
      .toBe('1 van 3 heeft gescoord.')
    await page.getByTestId('reveal-evaluation').click()

    // The facilitator sees the result, read from the record in the confidential document.
    await page.getByTestId('evaluation-result').waitFor({ timeout: 5000 })
    expect((await resultRows(page))[2]).toEqual({ cells: ['2', '2–2'], disagreement: false })
    for (const [p, words] of [
      [ann.page, 'De uitkomsten horen bij een vertrouwelijke dialoog'],
      [ben.page, 'The results belong to a confidential dialogue'],
    ] as const) {
      await expect
        .poll(() => p.getByTestId('evaluation-withheld').textContent(), { timeout: 5000 })
        .toContain(words)
      expect(await p.getByTestId('evaluation-result').count()).toBe(0)
    }
    mkdirSync('.tmp/screenshots', { recursive: true })
    await ben.page.screenshot({ path: '.tmp/screenshots/evaluation-withheld-en.png' })
  })
})
