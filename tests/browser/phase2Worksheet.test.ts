/**
 * Phase 2 of the SER workshop on the canvas (issue 21): a trainer (English), Ann (English)
 * and Chen (Dutch) on the editor link. The trainer splits the room into two tables and makes
 * a worksheet for each in one action; the phase-2 block of the agenda opens the board, which
 * takes each participant to their own table's worksheet. Each table fills in its own plan on
 * the board, and what is typed there is the plan in the Dialogues tab, and the other way
 * round; every way out of a board field keeps what was typed. The trainer writes the case
 * card, which participants read but cannot change, and shows and hides the filled-in example.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type TrackedPage,
  openTrackedPage,
  shareLinkFor,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'
import { closeTabAndReopenOnline, cutOffLocalCopyCommits, goOffline } from './waysOutOfAField'
import { axeViolations } from './axeCheck'
import { type WorkshopRoom, openWorkshopRoom } from './workshopRoom'

const SHOTS = '/work/notes/shots'

interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

interface PageEditor {
  getViewportPageBounds(): Bounds
  getShapePageBounds(id: string): Bounds | undefined
  getShape(id: string): { props: Record<string, unknown> } | undefined
  isShapeHidden(id: string): boolean
  zoomToBounds(bounds: Bounds, options?: object): void
}

const tableFrameId = (table: number) => `shape:board-phase-2-table-${table}`

/** Whether `page` sees all of the shape `id`, and none of the shape `other` (if given). */
function seesOnly(page: Page, id: string, other?: string) {
  return page.evaluate(
    ({ id, other }) => {
      const editor = (window as unknown as { editor: PageEditor }).editor
      const view = editor.getViewportPageBounds()
      const shape = editor.getShapePageBounds(id)
      const rival = other ? editor.getShapePageBounds(other) : undefined
      const inside = (outer: Bounds, inner: Bounds) =>
        outer.x <= inner.x + 1 &&
        outer.y <= inner.y + 1 &&
        outer.x + outer.w >= inner.x + inner.w - 1 &&
        outer.y + outer.h >= inner.y + inner.h - 1
      return !!shape && inside(view, shape) && !(rival && inside(view, rival))
    },
    { id, other },
  )
}

/** Zooms `page` onto the shape `id` at once. */
async function zoomOnto(page: Page, id: string) {
  await page.evaluate((id) => {
    const editor = (window as unknown as { editor: PageEditor }).editor
    editor.zoomToBounds(editor.getShapePageBounds(id)!, { inset: 20 })
  }, id)
  await waitForCameraToSettle(page)
}

/** The table (0-based) the participant's Workshop tab says they are at. */
async function tableOf(page: Page, pattern: RegExp): Promise<number> {
  await page.getByText(pattern).waitFor({ timeout: 10_000 })
  const text = (await page.getByText(pattern).textContent()) ?? ''
  return Number(/(\d+)/.exec(text)![1]) - 1
}

/** The worksheet of `table` on `page`. */
function worksheet(page: Page, table: number) {
  return page.locator(
    `[data-testid="dialogue-worksheet"]:has([data-plan-id="plan-phase2-table-${table + 1}"])`,
  )
}

describe('phase 2 on the canvas: a worksheet per table, the case card and the example', () => {
  let room: WorkshopRoom
  let trainer: TrackedPage
  let ann: TrackedPage
  let chen: TrackedPage
  let annTable: number
  let chenTable: number

  beforeAll(async () => {
    room = await openWorkshopRoom({
      title: 'SER workshop, phase 2',
      template: 'ser-phase-1',
      facilitator: { name: 'Fatima (trainer)' },
      participants: [
        { name: 'Ann', place: 'room' },
        { name: 'Chen', place: 'remote', locale: 'nl-NL' },
      ],
    })
    trainer = room.facilitator
    ;[ann, chen] = room.participants as [TrackedPage, TrackedPage]
  })

  afterAll(async () => {
    await room?.close()
  })

  it('makes a worksheet with its own plan for every table in one action, and the agenda’s phase-2 block takes each table to its own', async () => {
    await trainer.page.getByRole('tab', { name: 'Workshop' }).click()
    await expect
      .poll(() => trainer.page.getByTestId('participants').locator('li').count(), {
        timeout: 10_000,
      })
      .toBe(3)
    await trainer.page.getByRole('spinbutton', { name: 'Number of tables' }).fill('2')
    await trainer.page.getByRole('button', { name: 'Split into tables' }).click()
    await ann.page.getByRole('tab', { name: 'Workshop' }).click()
    await chen.page.getByRole('tab', { name: 'Workshop' }).click()
    annTable = await tableOf(ann.page, /You are at table \d\./)
    chenTable = await tableOf(chen.page, /Je zit aan tafel \d\./)
    expect(annTable).not.toBe(chenTable)
    const { page } = trainer
    // As many worksheets as tables, unless the trainer types another number.
    expect(await page.getByRole('spinbutton', { name: 'Number of worksheets' }).inputValue()).toBe(
      '2',
    )
    await page.getByRole('button', { name: 'Make a worksheet for each table' }).click()
    await page.getByText('2 worksheets on the phase-2 board.').waitFor()
    for (const table of [0, 1]) await worksheet(page, table).waitFor()
    await waitForCameraToSettle(page)
    await page.screenshot({ path: `${SHOTS}/phase2-board-trainer-en.png` })

    // The phase-2 block opens the board: each participant lands on their own worksheet.
    await page.getByTestId('open-board-phase-2').click()
    await expect
      .poll(() => seesOnly(ann.page, tableFrameId(annTable), tableFrameId(chenTable)), {
        timeout: 10_000,
      })
      .toBe(true)
    await expect
      .poll(() => seesOnly(chen.page, tableFrameId(chenTable), tableFrameId(annTable)), {
        timeout: 10_000,
      })
      .toBe(true)
    await waitForCameraToSettle(chen.page)
    await chen.page.screenshot({ path: `${SHOTS}/phase2-worksheet-chen-nl.png` })
    // "Go to my table" now means the table's worksheet too.
    await zoomOnto(ann.page, 'shape:table-0-frame')
    await ann.page.getByRole('button', { name: 'Go to my table' }).click()
    await expect
      .poll(() => seesOnly(ann.page, tableFrameId(annTable)), { timeout: 5000 })
      .toBe(true)
    // Dutch words on Chen's board.
    await expect
      .poll(() => worksheet(chen.page, chenTable).textContent())
      .toContain('1. Doel: waarvoor, en waarom nu?')
  })

  it('lets each table fill in its own worksheet, keeps what was typed through every way out, and is the plan the Dialogues tab edits', async () => {
    const annSheet = worksheet(ann.page, annTable)
    const chenSheet = worksheet(chen.page, chenTable)
    // Ann types her table's goal on the board and leaves with Tab.
    await annSheet.getByLabel('Goal', { exact: true }).click()
    await ann.page.keyboard.type('Hear the pickers before the contracts')
    await ann.page.keyboard.press('Tab')
    expect(
      await annSheet
        .getByLabel('Why now', { exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true)
    // Chen types his table's goal and leaves by clicking the canvas beside the worksheet.
    await chenSheet.getByLabel('Doel', { exact: true }).click()
    await chen.page.keyboard.type('Leefbaar inkomen bespreken')
    const margin = await chen.page.evaluate((id) => {
      const editor = (
        window as unknown as {
          editor: PageEditor & {
            pageToScreen(p: { x: number; y: number }): { x: number; y: number }
          }
        }
      ).editor
      const frame = editor.getShapePageBounds(id)!
      return editor.pageToScreen({ x: frame.x + 12, y: frame.y + frame.h - 12 })
    }, tableFrameId(chenTable))
    await chen.page.mouse.click(margin.x, margin.y)
    // Each table sees its own text in its own worksheet, and the other's in the other's.
    await expect
      .poll(() => worksheet(chen.page, annTable).getByLabel('Doel', { exact: true }).inputValue(), {
        timeout: 5000,
      })
      .toBe('Hear the pickers before the contracts')
    await expect
      .poll(() => worksheet(ann.page, chenTable).getByLabel('Goal', { exact: true }).inputValue(), {
        timeout: 5000,
      })
      .toBe('Leefbaar inkomen bespreken')
    expect(await chenSheet.getByLabel('Doel', { exact: true }).inputValue()).toBe(
      'Leefbaar inkomen bespreken',
    )
    // A reload right after the last keystroke keeps it too.
    await annSheet.getByLabel('Place', { exact: true }).click()
    await ann.page.keyboard.type('The village school')
    await ann.page.reload()
    await waitForMapReady(ann.page)
    // Back at her table's worksheet, not at phase 1's area.
    await expect
      .poll(() => seesOnly(ann.page, tableFrameId(annTable), tableFrameId(chenTable)), {
        timeout: 10_000,
      })
      .toBe(true)
    await waitForCameraToSettle(ann.page)
    await expect
      .poll(() => worksheet(ann.page, annTable).getByLabel('Place', { exact: true }).inputValue(), {
        timeout: 10_000,
      })
      .toBe('The village school')
    // Enter in a one-line field writes it at once.
    await worksheet(ann.page, annTable).getByLabel('Language', { exact: true }).click()
    await ann.page.keyboard.type('Baoulé')
    await ann.page.keyboard.press('Enter')
    await expect
      .poll(
        () =>
          worksheet(trainer.page, annTable).getByLabel('Language', { exact: true }).inputValue(),
        { timeout: 5000 },
      )
      .toBe('Baoulé')

    // The Dialogues tab shows Ann's table's plan with what was typed on the board.
    await ann.page.getByRole('tab', { name: 'Dialogues', exact: true }).click()
    const annPlan = ann.page
      .locator('.dialogues-panel details.entry')
      .filter({ hasText: `Table ${annTable + 1}: dialogue on the case` })
    await annPlan.locator('summary').click()
    expect(await annPlan.getByLabel('Goal', { exact: true }).inputValue()).toBe(
      'Hear the pickers before the contracts',
    )
    expect(await annPlan.getByLabel('Place', { exact: true }).inputValue()).toBe(
      'The village school',
    )
    // And what Chen types in the Dialogues tab shows on his table's board.
    await chen.page.getByRole('tab', { name: 'Dialogen', exact: true }).click()
    const chenPlan = chen.page
      .locator('.dialogues-panel details.entry')
      .filter({ hasText: `Table ${chenTable + 1}: dialogue on the case` })
    await chenPlan.locator('summary').click()
    await chenPlan
      .getByLabel('Waarom nu', { exact: true })
      .fill('De contracten worden in mei getekend')
    await chenPlan.getByLabel('Waarom nu', { exact: true }).press('Tab')
    await expect
      .poll(
        () => worksheet(chen.page, chenTable).getByLabel('Waarom nu', { exact: true }).inputValue(),
        { timeout: 5000 },
      )
      .toBe('De contracten worden in mei getekend')
    await expect
      .poll(
        () => worksheet(ann.page, chenTable).getByLabel('Why now', { exact: true }).inputValue(),
        { timeout: 5000 },
      )
      .toBe('De contracten worden in mei getekend')
    expect(
      await worksheet(ann.page, annTable).getByLabel('Why now', { exact: true }).inputValue(),
    ).toBe('')
    await zoomOnto(chen.page, tableFrameId(chenTable))
    await chen.page.screenshot({ path: `${SHOTS}/phase2-worksheet-filled-nl.png` })
    await ann.page.setViewportSize({ width: 1920, height: 1080 })
    await zoomOnto(ann.page, tableFrameId(annTable))
    await ann.page.screenshot({ path: `${SHOTS}/phase2-worksheet-projector-en.png` })
    await ann.page.setViewportSize({ width: 1280, height: 800 })
  })

  it('lets the trainer write the case card on the board, which participants read but cannot change', async () => {
    const { page } = trainer
    await zoomOnto(page, 'shape:board-phase-2-case')
    const card = page.getByTestId('case-card')
    await card.getByLabel('Sector', { exact: true }).click()
    await page.keyboard.type('Cocoa and chocolate')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Child labour and living income')
    await page.keyboard.press('Tab')
    await card.getByLabel('Country', { exact: true }).click()
    await page.keyboard.type('Côte d’Ivoire')
    await page.keyboard.press('Enter')
    const chenCard = chen.page.getByTestId('case-card')
    await expect
      .poll(() => chenCard.textContent(), { timeout: 5000 })
      .toContain('Cocoa and chocolate')
    expect(await chenCard.textContent()).toContain('Child labour and living income')
    expect(await chenCard.textContent()).toContain('Onderwerp')
    // Nothing to type in for a participant.
    expect(await chenCard.locator('input, textarea').count()).toBe(0)
    expect(await ann.page.getByTestId('case-card').locator('input, textarea').count()).toBe(0)
    await zoomOnto(chen.page, 'shape:board-phase-2-case')
    await chen.page.screenshot({ path: `${SHOTS}/phase2-case-card-nl.png` })
    await page.screenshot({ path: `${SHOTS}/phase2-case-card-trainer-en.png` })
  })

  it('shows the filled-in example to everyone only while the trainer shows it', async () => {
    const { page } = trainer
    const hidden = (p: Page) =>
      p.evaluate(() =>
        (window as unknown as { editor: PageEditor }).editor.isShapeHidden(
          'shape:board-phase-2-example',
        ),
      )
    // Hidden: participants have no such shape on their screen; the trainer sees it marked.
    expect(await hidden(ann.page)).toBe(true)
    expect(await hidden(chen.page)).toBe(true)
    expect(await ann.page.getByTestId('example-worksheet').count()).toBe(0)
    expect(await hidden(page)).toBe(false)
    await zoomOnto(page, 'shape:board-phase-2-example')
    expect(await page.getByTestId('example-worksheet').textContent()).toContain(
      'Hidden: participants do not see this example.',
    )
    await page.getByRole('tab', { name: 'Workshop' }).click()
    await page.getByRole('button', { name: 'Show the example to everyone' }).click()
    await expect.poll(() => hidden(chen.page), { timeout: 5000 }).toBe(false)
    await expect.poll(() => hidden(ann.page), { timeout: 5000 }).toBe(false)
    await zoomOnto(chen.page, 'shape:board-phase-2-example')
    const example = chen.page.getByTestId('example-worksheet')
    expect(await example.textContent()).toContain('Voorbeeld: een ingevuld werkblad')
    expect(await example.textContent()).toContain('niet het ingevulde werkblad van de SER')
    await chen.page.screenshot({ path: `${SHOTS}/phase2-example-shown-nl.png` })
    await page.getByRole('button', { name: 'Hide the example' }).click()
    await expect.poll(() => hidden(chen.page), { timeout: 5000 }).toBe(true)
    await expect.poll(() => chen.page.getByTestId('example-worksheet').count()).toBe(0)
  })

  it('opens the phase-2 board for everyone who follows the trainer when the trainer starts its block', async () => {
    const { page } = trainer
    const centreOnBoard = (p: Page) =>
      p.evaluate(() => {
        const editor = (window as unknown as { editor: PageEditor }).editor
        const view = editor.getViewportPageBounds()
        const board = editor.getShapePageBounds('shape:board-phase-2')!
        const x = view.x + view.w / 2
        const y = view.y + view.h / 2
        return x >= board.x && x <= board.x + board.w && y >= board.y && y <= board.y + board.h
      })
    // The room works as one group again, following the trainer, who looks at phase 1.
    await page.getByRole('tab', { name: 'Workshop' }).click()
    await page.getByRole('button', { name: 'End the table groups' }).click()
    await zoomOnto(page, 'shape:ser1-why')
    await page.getByRole('button', { name: 'Follow me' }).click()
    await expect.poll(() => centreOnBoard(ann.page), { timeout: 10_000 }).toBe(false)
    await expect.poll(() => centreOnBoard(chen.page), { timeout: 10_000 }).toBe(false)
    // Starting phase 2 takes the trainer, and so everyone following, to its board.
    await page.getByRole('button', { name: 'Start the timer for Phase 2: preparation' }).click()
    await expect.poll(() => centreOnBoard(page), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => centreOnBoard(ann.page), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => centreOnBoard(chen.page), { timeout: 10_000 }).toBe(true)
    await waitForCameraToSettle(chen.page)
    await chen.page.screenshot({ path: `${SHOTS}/phase2-agenda-opens-board-nl.png` })
    await page.screenshot({ path: `${SHOTS}/phase2-agenda-opens-board-trainer-en.png` })
    await page.getByRole('button', { name: 'Stop “follow me”' }).click()
  })

  it('is usable from the keyboard: Enter on the selected worksheet goes into its first field, Escape back to the board', async () => {
    const { page } = ann
    const sheet = `${tableFrameId(annTable)}-worksheet`
    await page.evaluate((id) => {
      const editor = (
        window as unknown as { editor: PageEditor & { select(id: string): void; focus(): void } }
      ).editor
      editor.select(id)
      editor.focus()
      // Where a keyboard user is after tabbing into the canvas.
      document.querySelector<HTMLElement>('.tl-container')?.focus()
    }, sheet)
    await page.keyboard.press('Enter')
    const goal = worksheet(page, annTable).getByLabel('Goal', { exact: true })
    await expect.poll(() => goal.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Control+End')
    await page.keyboard.type(', and the women pickers apart')
    await page.keyboard.press('Escape')
    await expect.poll(() => goal.evaluate((el) => el === document.activeElement)).toBe(false)
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { editor: { getSelectedShapeIds(): string[] } }
        ).editor.getSelectedShapeIds(),
      ),
    ).toEqual([sheet])
    await expect
      .poll(
        () => worksheet(trainer.page, annTable).getByLabel('Goal', { exact: true }).inputValue(),
        { timeout: 5000 },
      )
      .toBe('Hear the pickers before the contracts, and the women pickers apart')
    // Every field on the board has its label, and nothing on it fails axe's serious rules.
    expect(await axeViolations(page)).toEqual([])
    await zoomOnto(trainer.page, 'shape:board-phase-2')
    expect(await axeViolations(trainer.page)).toEqual([])
  })

  it('keeps what was typed on the board through another panel tab, and offline through a closed tab', async () => {
    const sheet = () => worksheet(chen.page, chenTable)
    await zoomOnto(chen.page, tableFrameId(chenTable))
    await sheet().getByLabel('Aanwezig namens het bedrijf', { exact: true }).click()
    await chen.page.keyboard.type('De inkoper')
    await chen.page.getByRole('tab', { name: 'Register', exact: true }).click()
    await expect
      .poll(
        () =>
          worksheet(trainer.page, chenTable)
            .getByLabel('Attending for the company', { exact: true })
            .inputValue(),
        { timeout: 5000 },
      )
      .toBe('De inkoper')

    // The register's panel is wide: back to the Workshop tab, and to the worksheet.
    await chen.page.getByRole('tab', { name: 'Workshop', exact: true }).click()
    await zoomOnto(chen.page, tableFrameId(chenTable))
    await goOffline(chen)
    await cutOffLocalCopyCommits(chen.page)
    await sheet().getByLabel('Hun mandaat', { exact: true }).click()
    await chen.page.keyboard.type('Mag een vervolggesprek toezeggen')
    await closeTabAndReopenOnline(
      chen,
      shareLinkFor(room.server.url, room.map.id, room.map.tokens.editor),
    )
    const stored = async () => {
      const response = await fetch(`${room.server.url}/api/maps/${room.map.id}/export.json`, {
        headers: { authorization: `Bearer ${room.map.tokens.owner}` },
      })
      const map = (await response.json()) as {
        dialoguePlans: { id: string; companyMandate: string }[]
      }
      return map.dialoguePlans.find((plan) => plan.id === `plan-phase2-table-${chenTable + 1}`)
        ?.companyMandate
    }
    await expect.poll(stored, { timeout: 10_000 }).toBe('Mag een vervolggesprek toezeggen')
    await expect
      .poll(
        () =>
          worksheet(chen.page, chenTable).getByLabel('Hun mandaat', { exact: true }).inputValue(),
        { timeout: 10_000 },
      )
      .toBe('Mag een vervolggesprek toezeggen')
  })

  it('speaks Dutch to a Dutch trainer: the phase-2 section, the agenda’s board and the case card', async () => {
    const { page } = trainer
    await page.locator('.language-switch select').selectOption('nl')
    await page.getByRole('tab', { name: 'Workshop', exact: true }).click()
    await page.getByRole('heading', { name: 'Fase 2: werkbladen voor de dialoog' }).waitFor()
    await page.getByRole('button', { name: 'Maak een werkblad voor elke tafel' }).waitFor()
    await page.getByRole('button', { name: 'Toon het voorbeeld aan iedereen' }).waitFor()
    await page.getByText('2 werkbladen op het bord van fase 2.').waitFor()
    await page
      .getByRole('button', { name: 'Open het bord van Fase 2: voorbereiding voor iedereen' })
      .waitFor()
    expect(await page.getByTestId('case-card').textContent()).toContain(
      'Alleen de trainers kunnen de casus wijzigen.',
    )
    await page
      .getByRole('heading', { name: 'Fase 2: werkbladen voor de dialoog' })
      .scrollIntoViewIfNeeded()
    await zoomOnto(page, 'shape:board-phase-2')
    await page.screenshot({ path: `${SHOTS}/phase2-trainer-panel-nl.png` })
    await page.locator('.language-switch select').selectOption('en')
  })

  it('shows the projector on the viewer link the worksheets and the case as text, and no hidden example', async () => {
    const projector = await openTrackedPage(room.browser, room.server.url, { name: 'Beamer' })
    try {
      const { page } = projector
      await page.goto(shareLinkFor(room.server.url, room.map.id, room.map.tokens.viewer))
      await waitForMapReady(page)
      await zoomOnto(page, tableFrameId(chenTable))
      const sheet = worksheet(page, chenTable)
      await expect.poll(() => sheet.textContent(), { timeout: 10_000 }).toContain('De inkoper')
      expect(await sheet.locator('input, textarea, select, button').count()).toBe(0)
      expect(await page.getByTestId('case-card').textContent()).toContain('Cocoa and chocolate')
      expect(await page.getByTestId('case-card').locator('input, textarea').count()).toBe(0)
      expect(await page.getByTestId('example-worksheet').count()).toBe(0)
      await page.setViewportSize({ width: 1920, height: 1080 })
      await page.waitForTimeout(300)
      await zoomOnto(page, tableFrameId(chenTable))
      await page.screenshot({ path: `${SHOTS}/phase2-projector-viewer.png` })
    } finally {
      await projector.context.close()
    }
  })

  it('links the phase-4 block to the follow-up board the same way: opening it takes the followers there', async () => {
    const { page } = trainer
    const centreOn = (p: Page, id: string) =>
      p.evaluate((id) => {
        const editor = (window as unknown as { editor: PageEditor }).editor
        const view = editor.getViewportPageBounds()
        const board = editor.getShapePageBounds(id)
        if (!board) return false
        const x = view.x + view.w / 2
        const y = view.y + view.h / 2
        return x >= board.x && x <= board.x + board.w && y >= board.y && y <= board.y + board.h
      }, id)
    await page.getByRole('tab', { name: 'Workshop', exact: true }).click()
    await page.getByTestId('add-follow-up-board').click()
    await zoomOnto(page, 'shape:board-phase-2')
    await page.getByRole('button', { name: 'Follow me' }).click()
    await expect
      .poll(() => centreOn(ann.page, 'shape:board-phase-2'), { timeout: 10_000 })
      .toBe(true)
    expect(await page.getByTestId('board-link-phase-4').inputValue()).toBe('phase-4')
    await page.getByTestId('open-board-phase-4').click()
    await expect
      .poll(() => centreOn(ann.page, 'shape:ser4-followup'), { timeout: 10_000 })
      .toBe(true)
    await page.getByRole('button', { name: 'Stop “follow me”' }).click()
  })
})
