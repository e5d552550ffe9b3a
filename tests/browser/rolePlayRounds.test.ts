/**
 * Role-play rounds and observer sheets in real Chromium: a Dutch facilitator deals the
 * observer card to Ann (Dutch) and the buyer's to Bram (English), starts round 1 on
 * everyone's timer; Ann writes her observer sheet (kept through Tab, a click on the canvas,
 * another tab and a reload), Bram reads it and cannot change it. In round 2 the facilitator
 * names Bram observer too, and he writes his own sheet. The evaluation of the role play
 * shows both rounds' notes, in each person's language.
 */
import { mkdirSync } from 'node:fs'
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
import { axeViolations } from './axeCheck'
import {
  closeTabAndReopenOnline,
  cutOffLocalCopyCommits,
  goOffline,
  waysOutOfAField,
} from './waysOutOfAField'

const SHOTS = '/work/notes/shots'

describe('role-play rounds and observer sheets', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let trainer: TrackedPage
  let ann: TrackedPage
  let bram: TrackedPage

  const showWorkshop = (page: Page) => page.getByRole('tab', { name: 'Workshop' }).click()

  async function join(person: TrackedPage, link: string) {
    await person.page.goto(link)
    await waitForMapReady(person.page)
    await showWorkshop(person.page)
  }

  const rounds = (page: Page) => page.locator('section[aria-labelledby="rounds-heading"]')

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Rollenspel rondes')
    trainer = await openTrackedPage(browser, server.url, { name: 'Trainer', locale: 'nl-NL' })
    ann = await openTrackedPage(browser, server.url, { name: 'Ann', locale: 'nl-NL' })
    bram = await openTrackedPage(browser, server.url, { name: 'Bram', locale: 'en-GB' })
    await join(trainer, shareLinkFor(server.url, map.id, map.tokens.facilitator))
    for (const person of [ann, bram]) {
      await join(person, shareLinkFor(server.url, map.id, map.tokens.editor))
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('round 1 runs on everyone’s timer with the observer card’s holder as its observer', async () => {
    const { page } = trainer
    const roles = page.locator('section[aria-labelledby="roles-heading"]')
    await roles
      .getByRole('button', { name: 'De zes rollen van de voorbeeldcasus toevoegen' })
      .click()
    const cards = roles.locator('details.entry')
    await expect.poll(() => cards.count()).toBe(6)
    for (const [index, name] of [
      [0, 'Bram'],
      [5, 'Ann'],
    ] as const) {
      const card = cards.nth(index)
      await card.locator('summary').click()
      await expect
        .poll(() => card.getByLabel('Gegeven aan').locator('option').allTextContents())
        .toContain(name)
      await card.getByLabel('Gegeven aan').selectOption({ label: name })
    }
    // The observer's card says so; the buyer's does not.
    expect(await cards.nth(5).getByRole('checkbox').isChecked()).toBe(true)
    expect(await cards.nth(0).getByRole('checkbox').isChecked()).toBe(false)
    await expect
      .poll(() => page.getByTestId('round-observers-next').textContent())
      .toBe('Neemt waar: Ann')
    const minutes = rounds(page).getByRole('spinbutton', { name: 'Minuten per ronde' })
    await minutes.fill('7')
    await rounds(page).getByRole('button', { name: 'Ronde 1 starten' }).click()
    for (const [person, label] of [
      [trainer, 'Ronde 1'],
      [ann, 'Ronde 1'],
      [bram, 'Round 1'],
    ] as const) {
      await expect
        .poll(() => person.page.getByTestId('timer-part').textContent(), { timeout: 5000 })
        .toBe(label)
      const left = Number(await person.page.getByTestId('timer').getAttribute('data-remaining'))
      expect(left).toBeGreaterThan(6 * 60)
      expect(left).toBeLessThanOrEqual(7 * 60)
    }
    await expect
      .poll(() => bram.page.getByTestId('round-playing').textContent())
      .toBe('Round 1 is being played.')
    await expect
      .poll(() => ann.page.locator('#my-observer-sheet-heading').textContent(), { timeout: 5000 })
      .toBe('Jouw waarnemersblad — ronde 1')
    expect(await bram.page.getByTestId('my-observer-sheet').count()).toBe(0)
  })

  const ways = waysOutOfAField('nl').filter((way) => !way.oneLineOnly)
  for (const [index, way] of ways.entries()) {
    it(`the observer’s note, typed then left by ${way.name}, is kept and reaches everyone`, async () => {
      const { page } = ann
      await showWorkshop(page)
      const note = `De inkoper liet de bewoner niet uitpraten (${index + 1}).`
      const field = page.getByTestId('my-observer-sheet-general')
      await field.click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(note)
      await way.leave(page)
      await showWorkshop(page)
      await expect.poll(() => page.getByTestId('my-observer-sheet-general').inputValue()).toBe(note)
      // Bram reads it in round 1's sheet, and has no field to change it.
      const sheet = rounds(bram.page).getByTestId('round-1')
      await expect.poll(() => sheet.textContent(), { timeout: 5000 }).toContain(note)
      expect(await sheet.locator('textarea').count()).toBe(0)
    })
  }

  it('the observer’s note typed offline, then the tab closed, reaches everyone when reopened', async () => {
    await goOffline(ann)
    await cutOffLocalCopyCommits(ann.page)
    const note = 'Offline genoteerd: de ngo kreeg geen antwoord.'
    const field = ann.page.getByTestId('my-observer-sheet-general')
    await field.click()
    await ann.page.keyboard.press('ControlOrMeta+A')
    await ann.page.keyboard.type(note)
    await closeTabAndReopenOnline(ann, shareLinkFor(server.url, map.id, map.tokens.editor))
    await showWorkshop(ann.page)
    await expect
      .poll(() => rounds(bram.page).getByTestId('round-1').textContent(), { timeout: 10_000 })
      .toContain(note)
    await expect
      .poll(() => ann.page.getByTestId('my-observer-sheet-general').inputValue())
      .toBe(note)
  })

  it('the observer notes an element; the facilitator ends round 1 and names Bram in round 2', async () => {
    const { page } = ann
    const sheet = page.getByTestId('my-observer-sheet')
    await sheet.getByText('Per element van het SER-dialoogmodel').click()
    await page.getByTestId('my-observer-sheet-inclusion').fill('Niemand vroeg de bewoner iets.')
    await page.keyboard.press('Tab')
    await trainer.page.setViewportSize({ width: 1920, height: 1080 })
    await expect
      .poll(() => rounds(trainer.page).getByTestId('round-1').textContent(), { timeout: 5000 })
      .toContain('Niemand vroeg de bewoner iets.')
    await trainer.page.screenshot({ path: `${SHOTS}/followup-rounds-trainer-nl.png` })
    // Nothing serious or critical for axe in the rounds, the sheets and their controls.
    expect(await axeViolations(trainer.page)).toEqual([])
    expect(await axeViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: `${SHOTS}/followup-observer-sheet-ann-nl.png` })

    await rounds(trainer.page).getByRole('button', { name: 'Ronde 1 beëindigen' }).click()
    await expect.poll(() => bram.page.getByTestId('timer').count(), { timeout: 5000 }).toBe(0)
    await rounds(trainer.page).getByRole('button', { name: 'Ronde 2 starten' }).click()
    const round2 = rounds(trainer.page).getByTestId('round-2')
    await round2.getByTestId('observer-choice-2').selectOption({ label: 'Bram' })
    await round2.getByRole('button', { name: 'Waarnemer toevoegen' }).click()
    await expect
      .poll(() => bram.page.locator('#my-observer-sheet-heading').textContent(), { timeout: 5000 })
      .toBe('Your observer sheet — round 2')
    await bram.page
      .getByTestId('my-observer-sheet-general')
      .fill('The NGO asked twice for figures.')
    await bram.page.keyboard.press('Tab')
    // Ann's sheet is now round 2's; what she noted in round 1 stays hers to change.
    await expect
      .poll(() => ann.page.locator('#my-observer-sheet-heading').textContent())
      .toBe('Jouw waarnemersblad — ronde 2')
    await bram.page.setViewportSize({ width: 1920, height: 1080 })
    await bram.page.screenshot({ path: `${SHOTS}/followup-observer-sheet-bram-en.png` })
  })

  it('the evaluation of the role play shows what the observers noted, in each language', async () => {
    const { page } = trainer
    await rounds(page).getByRole('button', { name: 'Ronde 2 beëindigen' }).click()
    await page.getByTestId('evaluation-plan').selectOption({ label: 'Rollenspel zonder plan' })
    await page.getByTestId('start-evaluation').click()
    const annNotes = ann.page.getByTestId('evaluation-observer-notes')
    await expect
      .poll(() => annNotes.textContent(), { timeout: 5000 })
      .toContain('Wat de waarnemers noteerden in het rollenspel')
    const inclusion = await annNotes.getByTestId('observer-notes-inclusion').textContent()
    expect(inclusion).toContain('Ronde 1, Ann:')
    expect(inclusion).toContain('Niemand vroeg de bewoner iets.')
    const bramNotes = bram.page.getByTestId('evaluation-observer-notes')
    await expect
      .poll(() => bramNotes.textContent(), { timeout: 5000 })
      .toContain('What the observers noted in the role play')
    const general = await bramNotes.getByTestId('observer-notes-general').textContent()
    expect(general).toContain('Round 1, Ann:')
    expect(general).toContain('Round 2, Bram: The NGO asked twice for figures.')
    await bram.page.getByTestId('evaluation-observer-notes').scrollIntoViewIfNeeded()
    await bram.page.screenshot({ path: `${SHOTS}/followup-evaluation-notes-en.png` })
  })

  it('leaves no errors in any browser', () => {
    for (const person of [trainer, ann, bram]) expect(person.errors).toEqual([])
  })
})
