/**
 * What the trainers word on the workshop's boards (issue 21), in Chromium: a trainer
 * (English), Ann (English) and Chen (Dutch) on the editor link. The trainer rewords the
 * filled-in example of phase 2 and the follow-up board's steps in place; participants read
 * the reworded text, and what nobody reworded in their own language, and get nothing to type
 * in. Every way out of those fields keeps what was typed. The opening block of the agenda
 * opens the self-assessment's board. The report, printed to PDF, carries the case and each
 * table's filled-in worksheet under its table, in both languages (pages in /work/notes/shots).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLE_WORKSHEET } from '../../shared/dialogue/exampleWorksheet'
import { FOLLOW_UP_STEP_TEXTS } from '../../shared/labels/followUpStepLabels'
import {
  type TrackedPage,
  shareLinkFor,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'
import {
  closeTabAndReopenOnline,
  cutOffLocalCopyCommits,
  emptyCanvasPoint,
  goOffline,
} from './waysOutOfAField'
import { type WorkshopRoom, openWorkshopRoom } from './workshopRoom'

const SHOTS = '/work/notes/shots'
const FIRST_STEP = 'shape:ser4-followup-step-0'

interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

interface PageEditor {
  getViewportPageBounds(): Bounds
  getShapePageBounds(id: string): Bounds | undefined
  getShape(id: string): { id: string; type: string } | undefined
  zoomToBounds(bounds: Bounds, options?: object): void
  zoomToFit(): void
  select(id: string): void
  setEditingShape(id: string | null): void
  focus(): void
  pageToScreen(point: { x: number; y: number }): { x: number; y: number }
}

/** Zooms `page` onto the shape `id` at once. */
async function zoomOnto(page: Page, id: string) {
  await page.evaluate((id) => {
    const editor = (window as unknown as { editor: PageEditor }).editor
    editor.zoomToBounds(editor.getShapePageBounds(id)!, { inset: 20 })
  }, id)
  await waitForCameraToSettle(page)
}

/** Clicks the canvas in the phase-2 board's margin, beside the example. */
async function clickBoardMargin(page: Page) {
  await zoomOnto(page, 'shape:board-phase-2')
  const margin = await page.evaluate(() => {
    const editor = (window as unknown as { editor: PageEditor }).editor
    const frame = editor.getShapePageBounds('shape:board-phase-2')!
    return editor.pageToScreen({ x: frame.x + 12, y: frame.y + frame.h - 12 })
  })
  await page.mouse.click(margin.x, margin.y)
}

function example(page: Page) {
  return page.getByTestId('example-worksheet')
}

function step(page: Page, code: string) {
  return page.locator(`[data-testid="checklist-item"][data-step="${code}"]`)
}

/** Selects the first follow-up step and goes into it from the keyboard, as a trainer would. */
async function intoFirstStep(page: Page) {
  await page.evaluate((id) => {
    const editor = (window as unknown as { editor: PageEditor }).editor
    // Out of whatever was being edited (Tab and a panel tab leave the shape in editing).
    editor.setEditingShape(null)
    editor.zoomToFit()
    editor.select(id)
    editor.focus()
    document.querySelector<HTMLElement>('.tl-container')?.focus()
  }, FIRST_STEP)
  await waitForCameraToSettle(page)
  await page.keyboard.press('Enter')
}

describe('the trainers’ wording on the boards', () => {
  let room: WorkshopRoom
  let trainer: TrackedPage
  let ann: TrackedPage
  let chen: TrackedPage

  beforeAll(async () => {
    room = await openWorkshopRoom({
      title: 'SER workshop, the boards’ words',
      template: 'ser-phase-1',
      facilitator: { name: 'Fatima (trainer)' },
      participants: [
        { name: 'Ann', place: 'room' },
        { name: 'Chen', place: 'remote', locale: 'nl-NL' },
      ],
    })
    trainer = room.facilitator
    ;[ann, chen] = room.participants as [TrackedPage, TrackedPage]
    mkdirSync(SHOTS, { recursive: true })
  })

  afterAll(async () => {
    await room?.close()
  })

  it('lets the trainer reword the example on the board; participants read it, the rest in their language', async () => {
    const { page } = trainer
    await page.getByRole('tab', { name: 'Workshop' }).click()
    await page.getByRole('spinbutton', { name: 'Number of worksheets' }).fill('2')
    await page.getByRole('button', { name: 'Make a worksheet for each table' }).click()
    await page.getByText('2 worksheets on the phase-2 board.').waitFor()
    await page.getByRole('button', { name: 'Show the example to everyone' }).click()
    await zoomOnto(page, 'shape:board-phase-2-example')
    // The built-in example is the default, in the trainer's language.
    const goal = example(page).getByLabel('Goal', { exact: true })
    expect(await goal.inputValue()).toBe(EXAMPLE_WORKSHEET.en.fields.goal)
    await goal.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Hear the pickers of our own supplier first')
    await page.keyboard.press('Tab')
    await example(page).getByLabel('Title of the example', { exact: true }).click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Cocoa near Sinfra')
    await page.keyboard.press('Enter')

    for (const [person, whyNow] of [
      [chen, EXAMPLE_WORKSHEET.nl.fields.whyNow!],
      [ann, EXAMPLE_WORKSHEET.en.fields.whyNow!],
    ] as const) {
      await example(person.page).waitFor()
      await expect
        .poll(() => example(person.page).textContent(), { timeout: 5000 })
        .toContain('Hear the pickers of our own supplier first')
      const text = await example(person.page).textContent()
      expect(text).toContain('Cocoa near Sinfra')
      // What nobody reworded is in the reader's language.
      expect(text).toContain(whyNow)
      // Nothing to type in for a participant.
      expect(await example(person.page).locator('input, textarea').count()).toBe(0)
    }
    expect(await example(chen.page).textContent()).toContain('Voorbeeld: een ingevuld werkblad')
    await zoomOnto(chen.page, 'shape:board-phase-2-example')
    await chen.page.screenshot({ path: `${SHOTS}/wording-example-nl.png` })
    await page.screenshot({ path: `${SHOTS}/wording-example-trainer-en.png` })
  })

  const exampleWays: { name: string; leave(page: Page): Promise<void> }[] = [
    { name: 'Tab', leave: (page) => page.keyboard.press('Tab') },
    { name: 'a click on the canvas', leave: clickBoardMargin },
    {
      name: 'another panel tab',
      leave: (page) => page.getByRole('tab', { name: 'Register', exact: true }).click(),
    },
    {
      name: 'a reload right after the last keystroke',
      async leave(page) {
        await page.reload()
        await waitForMapReady(page)
      },
    },
  ]
  for (const way of exampleWays) {
    it(`keeps an example field typed, then left by ${way.name}`, async () => {
      const { page } = trainer
      await zoomOnto(page, 'shape:board-phase-2-example')
      const text = `The buyer and the manager (${way.name})`
      await example(page).getByLabel('Attending for the company', { exact: true }).click()
      await page.keyboard.press('Control+A')
      await page.keyboard.type(text)
      await way.leave(page)
      await expect.poll(() => example(chen.page).textContent(), { timeout: 10_000 }).toContain(text)
      await zoomOnto(page, 'shape:board-phase-2-example')
      await expect
        .poll(() =>
          example(page).getByLabel('Attending for the company', { exact: true }).inputValue(),
        )
        .toBe(text)
    })
  }

  it('keeps an example field typed offline through a closed tab', async () => {
    await zoomOnto(trainer.page, 'shape:board-phase-2-example')
    await goOffline(trainer)
    await cutOffLocalCopyCommits(trainer.page)
    await example(trainer.page).getByLabel('Place', { exact: true }).click()
    await trainer.page.keyboard.press('Control+A')
    await trainer.page.keyboard.type('The church hall in Sinfra')
    await closeTabAndReopenOnline(
      trainer,
      shareLinkFor(room.server.url, room.map.id, room.map.tokens.facilitator),
    )
    await expect
      .poll(() => example(chen.page).textContent(), { timeout: 10_000 })
      .toContain('The church hall in Sinfra')
  })

  it('lets the trainer reword a follow-up step; everyone reads it, the other steps in their language', async () => {
    const { page } = trainer
    await page.getByRole('tab', { name: 'Workshop', exact: true }).click()
    await page.getByRole('button', { name: 'Add the follow-up board' }).click()
    await step(page, 'feedback').waitFor()
    expect(await step(page, 'feedback').textContent()).toBe(FOLLOW_UP_STEP_TEXTS.en.feedback)
    await intoFirstStep(page)
    // Enter goes to the tick box; Tab on to the step's words.
    await page.keyboard.press('Tab')
    const wording = page.getByTestId('follow-up-step-wording')
    await expect.poll(() => wording.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await wording.inputValue()).toBe(FOLLOW_UP_STEP_TEXTS.en.feedback)
    await zoomOnto(page, 'shape:ser4-followup')
    await page.screenshot({ path: `${SHOTS}/wording-followup-step-trainer-en.png` })
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Call the cooperative’s chair within a week')
    await page.keyboard.press('Escape')
    await expect.poll(() => wording.count()).toBe(0)
    for (const [person, language] of [
      [chen, 'nl'],
      [ann, 'en'],
    ] as const) {
      await expect
        .poll(() => step(person.page, 'feedback').textContent(), { timeout: 5000 })
        .toBe('Call the cooperative’s chair within a week')
      expect(await step(person.page, 'updateMap').textContent()).toBe(
        FOLLOW_UP_STEP_TEXTS[language].updateMap,
      )
    }
    // A participant going into the step gets its tick box, not its words to change.
    await intoFirstStep(ann.page)
    await ann.page.keyboard.press('Tab')
    expect(await ann.page.getByTestId('follow-up-step-wording').count()).toBe(0)
    await ann.page.keyboard.press('Escape')
    await zoomOnto(chen.page, 'shape:ser4-followup')
    await chen.page.screenshot({ path: `${SHOTS}/wording-followup-nl.png` })
  })

  const stepWays: { name: string; leave(page: Page): Promise<void> }[] = [
    { name: 'Tab', leave: (page) => page.keyboard.press('Tab') },
    {
      name: 'a click on an empty spot of the canvas',
      async leave(page) {
        const spot = await emptyCanvasPoint(page)
        await page.mouse.click(spot.x, spot.y)
      },
    },
    {
      name: 'another panel tab',
      leave: (page) => page.getByRole('tab', { name: 'Register', exact: true }).click(),
    },
    {
      name: 'a reload right after the last keystroke',
      async leave(page) {
        await page.reload()
        await waitForMapReady(page)
      },
    },
  ]
  for (const way of stepWays) {
    it(`keeps a step's words typed, then left by ${way.name}`, async () => {
      const { page } = trainer
      const text = `Feedback to the village (${way.name})`
      await intoFirstStep(page)
      await page.keyboard.press('Tab')
      await page.keyboard.press('Control+A')
      await page.keyboard.type(text)
      await way.leave(page)
      await expect
        .poll(() => step(chen.page, 'feedback').textContent(), { timeout: 10_000 })
        .toBe(text)
    })
  }

  it('keeps a step’s words typed offline through a closed tab', async () => {
    await intoFirstStep(trainer.page)
    await trainer.page.keyboard.press('Tab')
    await goOffline(trainer)
    await cutOffLocalCopyCommits(trainer.page)
    await trainer.page.keyboard.press('Control+A')
    await trainer.page.keyboard.type('Feedback, written offline')
    await closeTabAndReopenOnline(
      trainer,
      shareLinkFor(room.server.url, room.map.id, room.map.tokens.facilitator),
    )
    await expect
      .poll(() => step(chen.page, 'feedback').textContent(), { timeout: 10_000 })
      .toBe('Feedback, written offline')
  })

  it('opens the self-assessment’s board from the agenda’s opening block', async () => {
    const { page } = trainer
    await page.getByRole('tab', { name: 'Dialogues', exact: true }).click()
    await page.getByRole('button', { name: 'New self-assessment' }).click()
    const entry = page.locator('.self-assessments details.entry').first()
    await entry.waitFor()
    if (!(await entry.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await entry.locator(':scope > summary').click()
    }
    await entry.getByRole('button', { name: 'Show on the canvas' }).click()
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { editor: PageEditor }).editor.getShape(
              'shape:board-self-assessment',
            )?.type,
        ),
      )
      .toBe('self-assessment-board')
    await page.getByRole('tab', { name: 'Workshop', exact: true }).click()
    const link = page.getByTestId('board-link-introduction')
    expect(await link.inputValue()).toBe('self-assessment')
    expect(await link.locator('option:checked').textContent()).toBe('Self-assessment')
    // Everyone follows the trainer, who looks elsewhere; opening the block takes them there.
    await zoomOnto(page, 'shape:ser1-why')
    await page.getByRole('button', { name: 'Follow me' }).click()
    const centreOnBoard = (p: Page) =>
      p.evaluate(() => {
        const editor = (window as unknown as { editor: PageEditor }).editor
        const view = editor.getViewportPageBounds()
        const board = editor.getShapePageBounds('shape:board-self-assessment')!
        const x = view.x + view.w / 2
        const y = view.y + view.h / 2
        return x >= board.x && x <= board.x + board.w && y >= board.y && y <= board.y + board.h
      })
    await expect.poll(() => centreOnBoard(chen.page), { timeout: 10_000 }).toBe(false)
    await page.getByTestId('open-board-introduction').click()
    await expect.poll(() => centreOnBoard(chen.page), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => centreOnBoard(ann.page), { timeout: 10_000 }).toBe(true)
    await waitForCameraToSettle(chen.page)
    await chen.page.screenshot({ path: `${SHOTS}/wording-agenda-self-assessment-nl.png` })
    await page.getByRole('button', { name: 'Stop “follow me”' }).click()
  })

  it('prints the case and each table’s filled-in worksheet in the report’s PDF, in Dutch and English', async () => {
    const { page } = trainer
    await zoomOnto(page, 'shape:board-phase-2-case')
    const card = page.getByTestId('case-card')
    await card.getByLabel('Sector', { exact: true }).click()
    await page.keyboard.type('Cocoa and chocolate')
    await card.getByLabel('Risks', { exact: true }).click()
    await page.keyboard.type('Child labour in the harvest')
    await page.keyboard.press('Tab')
    const sheet = (p: Page, table: number) =>
      p.locator(
        `[data-testid="dialogue-worksheet"]:has([data-plan-id="plan-phase2-table-${table}"])`,
      )
    await zoomOnto(ann.page, 'shape:board-phase-2-table-0')
    await sheet(ann.page, 1).getByLabel('Goal', { exact: true }).click()
    await ann.page.keyboard.type('Table one hears the pickers')
    await ann.page.keyboard.press('Tab')
    await zoomOnto(chen.page, 'shape:board-phase-2-table-1')
    await sheet(chen.page, 2).getByLabel('Doel', { exact: true }).click()
    await chen.page.keyboard.type('Tafel twee spreekt de coöperatie')
    await chen.page.keyboard.press('Tab')

    for (const [lang, words] of [
      [
        'en',
        ['The case', 'Worksheet of table 1 — Table 1: dialogue on the case', 'Cocoa and chocolate'],
      ],
      ['nl', ['De casus', 'Werkblad van tafel 2 — Table 2: dialogue on the case', 'Sector']],
    ] as const) {
      const html = async () => {
        const response = await fetch(
          `${room.server.url}/api/maps/${room.map.id}/report.html?lang=${lang}&token=${room.map.tokens.owner}`,
        )
        return response.text()
      }
      await expect
        .poll(html, { timeout: 10_000 })
        .toContain(lang === 'en' ? 'Table one hears the pickers' : 'Tafel twee spreekt')
      const report = await trainer.context.newPage()
      await report.setContent(await html())
      await report.emulateMedia({ media: 'print' })
      const workshop = (await report.locator('#workshop').textContent()) ?? ''
      for (const word of words) expect(workshop).toContain(word)
      expect(await report.locator('#worksheet-table-1').textContent()).toContain(
        'Table one hears the pickers',
      )
      expect(await report.locator('#worksheet-table-2').textContent()).toContain(
        'Tafel twee spreekt de coöperatie',
      )
      const pdf = await report.pdf({ preferCSSPageSize: true, printBackground: true })
      const file = `${SHOTS}/report-worksheets-${lang}.pdf`
      writeFileSync(file, pdf)
      // The pages to look at: the workshop's part opens section 5.
      execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SHOTS}/report-worksheets-${lang}`])
      await report.close()
    }
  })

  it('leaves no errors in any browser', () => {
    for (const person of [trainer, ann, chen]) expect(person.errors).toEqual([])
  })
})
