/**
 * Texts a workshop writes into the map are in the language of the person who writes them,
 * and what is only shown follows each reader's own language (issue 19): a facilitator in
 * English (then one in Dutch) opens a new SER map (the template seeds in their language),
 * splits the room into tables (the tables' areas and names in their language) and opens a
 * vote (the question in their language); a participant reading the other language sees the
 * stored texts as written and the panel's own texts in theirs.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../client/i18n/messages.en'
import { nl } from '../../client/i18n/messages.nl'
import {
  type AppServer,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'

const SHOTS = '/work/notes/shots'

/** A stored text of shape `id` on `page`: a frame's name or a board's title. */
function shapeText(page: Page, id: string, prop: 'name' | 'title'): Promise<unknown> {
  return page.evaluate(
    ([shapeId, key]) =>
      (
        window as unknown as {
          editor: { getShape(id: string): { props: Record<string, unknown> } | undefined }
        }
      ).editor.getShape(shapeId!)?.props[key!],
    [id, prop] as const,
  )
}

const LANGUAGES = [
  {
    lang: 'en',
    locale: 'en-GB',
    messages: en,
    why: '1. Why do we want to engage in dialogue?',
    other: { lang: 'nl', locale: 'nl-NL', messages: nl },
  },
  {
    lang: 'nl',
    locale: 'nl-NL',
    messages: nl,
    why: '1. Waarom willen we de dialoog aangaan?',
    other: { lang: 'en', locale: 'en-GB', messages: en },
  },
] as const

describe.each(LANGUAGES)(
  'a facilitator working in $lang and a participant reading $other.lang',
  ({ lang, locale, messages, why, other }) => {
    let server: AppServer
    let browser: Browser
    let facilitator: TrackedPage
    let participant: TrackedPage

    beforeAll(async () => {
      server = await startAppServer()
      browser = await launchChromium()
      const map = await createMapViaApi(server.url, `Workshop ${lang}`, 'ser-phase-1')
      facilitator = await openTrackedPage(browser, server.url, { name: 'Fatima', locale })
      participant = await openTrackedPage(browser, server.url, {
        name: 'Ann',
        locale: other.locale,
      })
      // The facilitator opens the new map first: their page seeds the template.
      await facilitator.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
      await waitForMapReady(facilitator.page)
      await participant.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
      await waitForMapReady(participant.page)
      for (const { page } of [facilitator, participant]) {
        await page.getByRole('tab', { name: messagesFor(page).tab }).click()
      }
    })

    /** The Workshop tab's name in the language of `page`'s reader. */
    function messagesFor(page: Page) {
      const m = page === facilitator.page ? messages : other.messages
      return { tab: m['panel.tab.workshop'], m }
    }

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it(`seeds the template in ${lang}, the language of whoever opened the map first`, async () => {
      await expect
        .poll(() => shapeText(facilitator.page, 'shape:ser1-why', 'name'), { timeout: 5000 })
        .toBe(why)
      // The participant reads it as it was written.
      await expect
        .poll(() => shapeText(participant.page, 'shape:ser1-why', 'name'), { timeout: 5000 })
        .toBe(why)
    })

    it(`names the tables' areas in ${lang}; the participant's own panel stays in ${other.lang}`, async () => {
      const { page } = facilitator
      await expect
        .poll(() => page.getByTestId('participants').locator('li').count(), { timeout: 10_000 })
        .toBe(2)
      await page.getByRole('spinbutton', { name: messages['workshop.groups.count'] }).fill('2')
      await page.getByRole('button', { name: messages['workshop.groups.split'] }).click()
      const tableOne = messages['workshop.groups.table'].replace('{number}', '1')
      const tableTwo = messages['workshop.groups.table'].replace('{number}', '2')
      for (const p of [page, participant.page]) {
        await expect
          .poll(() => shapeText(p, 'shape:table-0-frame', 'name'), { timeout: 5000 })
          .toBe(tableOne)
        expect(await shapeText(p, 'shape:table-1-frame', 'name')).toBe(tableTwo)
        expect(await shapeText(p, 'shape:table-0-matrix', 'title')).toBe(tableOne)
        expect(await shapeText(p, 'shape:table-0-salience', 'title')).toBe(tableOne)
        expect(await shapeText(p, 'shape:table-1-why', 'name')).toBe(why)
      }
      // Only shown, so in the participant's own language: where they sit.
      const yours = other.messages['workshop.groups.yours'].replace('{number}', '1')
      await participant.page.getByText(yours).waitFor({ timeout: 5000 })
      await waitForCameraToSettle(participant.page)
      await participant.page.screenshot({ path: `${SHOTS}/lang-${lang}-table-${other.lang}.png` })
      await waitForCameraToSettle(page)
      await page.screenshot({ path: `${SHOTS}/lang-${lang}-tables-facilitator.png` })
    })

    it(`opens the vote with its question in ${lang}; the participant's panel stays in ${other.lang}`, async () => {
      const { page } = facilitator
      await page.getByTestId('open-vote').click()
      const question = messages['workshop.vote.question']
      await page.getByText(question).waitFor({ timeout: 5000 })
      await participant.page.getByText(question).waitFor({ timeout: 5000 })
      await participant.page
        .getByText(other.messages['workshop.vote.anonymous'])
        .waitFor({ timeout: 5000 })
      await participant.page.screenshot({ path: `${SHOTS}/lang-${lang}-vote-${other.lang}.png` })
    })
  },
)
