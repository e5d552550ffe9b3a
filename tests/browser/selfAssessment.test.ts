/**
 * The self-assessment in real Chromium, as a trainer uses it before and at the workshop: a
 * Dutch owner fills one in in the Dialogues tab (whose, the nine ratings, a note) and shows
 * it on the canvas, where the board gives each element its colour with a symbol and a word
 * and marks the steps of the plan of approach that became priorities; an English editor sees
 * the same board in English and changes a rating on the board itself with the keyboard; a
 * viewer sees it all with nothing to change. Every way out of its fields keeps what was
 * typed, offline with the tab closed too. Each step is checked on the server; screenshots on a 1920 × 1080 screen are left in
 * /work/notes/shots for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import {
  shapeCentreOnScreen,
  shareLinkFor,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'
import { type MapWithRolePages, openMapWithRolePages } from './mapWithRolePages'
import {
  closeTabAndReopenOnline,
  cutOffLocalCopyCommits,
  goOffline,
  waysOutOfAField,
} from './waysOutOfAField'

const SHOTS = '/work/notes/shots'
const PROJECTOR = { width: 1920, height: 1080 }

async function serverAssessments(setup: MapWithRolePages<'owner' | 'editor' | 'viewer'>) {
  const response = await fetch(`${setup.server.url}/api/maps/${setup.map.id}/export.json`, {
    headers: { authorization: `Bearer ${setup.map.tokens.owner}` },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as MapJson).selfAssessments
}

/** The Dialogues tab with the first self-assessment's block open. */
async function openAssessment(page: Page, tab: 'Dialogen' | 'Dialogues'): Promise<Locator> {
  await page.getByRole('tab', { name: tab, exact: true }).click()
  const entry = page.locator('.self-assessments details.entry').first()
  await entry.waitFor()
  if (!(await entry.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await entry.locator(':scope > summary').click()
  }
  return entry
}

function board(page: Page) {
  return page.getByTestId('self-assessment-board')
}

/** Zooms the camera to the board and selects it with a click, as a person would. */
async function zoomToBoard(page: Page) {
  const id = await page.evaluate(() => {
    const editor = (
      window as unknown as {
        editor: {
          getCurrentPageShapes(): { id: string; type: string }[]
          select(id: string): void
          zoomToSelection(): void
        }
      }
    ).editor
    const shape = editor.getCurrentPageShapes().find((s) => s.type === 'self-assessment-board')
    if (!shape) throw new Error('no board')
    editor.select(shape.id)
    editor.zoomToSelection()
    return shape.id
  })
  await waitForCameraToSettle(page)
  // The click also puts the keyboard on the canvas.
  const centre = await shapeCentreOnScreen(page, id)
  await page.mouse.click(centre.x, centre.y)
}

describe('the self-assessment', () => {
  let setup: MapWithRolePages<'owner' | 'editor' | 'viewer'>

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    setup = await openMapWithRolePages({
      title: 'Cacaoketen',
      roles: ['owner', 'editor', 'viewer'],
      locale: 'nl-NL',
    })
    const editor = setup.pages.editor.page
    await editor.evaluate(() => {
      const key = 'stakeholder-canvas:user'
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      localStorage.setItem(key, JSON.stringify({ ...stored, locale: 'en' }))
    })
    await editor.reload()
    await waitForMapReady(editor)
  })

  afterAll(async () => {
    await setup?.close()
  })

  it('a Dutch owner fills it in and sees the board with its colours and priority steps', async () => {
    const { page } = setup.pages.owner
    await page.setViewportSize(PROJECTOR)
    await page.getByRole('tab', { name: 'Dialogen', exact: true }).click()
    await page.getByRole('button', { name: 'Nieuwe zelfevaluatie' }).click()
    const form = await openAssessment(page, 'Dialogen')
    await form.getByLabel('Van wie', { exact: true }).fill('Cacao Handel BV')
    await form.getByLabel('Van wie', { exact: true }).press('Tab')
    await form.getByTestId('rating-motivation').selectOption({ label: 'Groen: op orde' })
    await form.getByTestId('rating-inclusion').selectOption({ label: 'Oranje: aandacht nodig' })
    await form
      .getByTestId('rating-organising-the-conversation')
      .selectOption({ label: 'Rood: ontbreekt' })
    await form
      .getByLabel('Toelichting bij het element: Inclusie', { exact: true })
      .fill('We spreken ngo’s, nog nooit de boeren zelf')
    await form.getByLabel('Toelichting bij het element: Inclusie', { exact: true }).press('Tab')
    // The trainer words step 3 of the plan of approach (the manual gives no step titles).
    await form.locator('.self-assessment__plan > summary').click()
    await form
      .getByLabel('Titel van stap 3', { exact: true })
      .fill('Breng je stakeholders in kaart')
    await form.getByLabel('Tekst van stap 3', { exact: true }).fill('Ook wie geen stem heeft')
    await form.getByLabel('Tekst van stap 3', { exact: true }).press('Tab')
    await expect
      .poll(async () => (await serverAssessments(setup))[0])
      .toMatchObject({
        subject: 'Cacao Handel BV',
        elements: {
          motivation: { rating: 'green', note: '' },
          inclusion: { rating: 'orange', note: 'We spreken ngo’s, nog nooit de boeren zelf' },
          'organising-the-conversation': { rating: 'red', note: '' },
        },
      })
    // Only the phase titles are pre-filled, from the SER manual.
    const stored = (await serverAssessments(setup))[0]!
    expect(stored.phases['run-up'].title).toBe('In aanloop naar stakeholderdialoog')
    expect(stored.steps['4'].title).toBe('')
    await expect
      .poll(async () => (await serverAssessments(setup))[0]?.steps['3'])
      .toEqual({
        title: 'Breng je stakeholders in kaart',
        text: 'Ook wie geen stem heeft',
        phase: 'run-up',
        element: 'inclusion',
      })
    await expect
      .poll(() => form.locator(':scope > summary').textContent())
      .toBe('Cacao Handel BV · 2 prioritaire stappen')

    await form.getByRole('button', { name: 'Op het canvas tonen' }).click()
    await board(page).waitFor()
    await waitForCameraToSettle(page)
    const shown = board(page)
    expect(await shown.locator('.sa-board__title').textContent()).toBe(
      'Zelfevaluatie: Cacao Handel BV',
    )
    const inclusion = shown.locator('[data-element="inclusion"]')
    expect(await inclusion.getAttribute('data-rating')).toBe('orange')
    expect(await inclusion.locator('.sa-chip').textContent()).toBe('!')
    expect(await inclusion.locator('.sa-element__rating').textContent()).toBe(
      'Oranje: aandacht nodig',
    )
    expect(
      await shown.locator('[data-element="collaboration"] .sa-element__rating').textContent(),
    ).toBe('Niet beoordeeld')
    expect(
      await shown
        .locator('.sa-step[data-priority="true"]')
        .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step'))),
    ).toEqual(['3', '6'])
    expect(await shown.locator('.sa-step[data-step="3"]').textContent()).toBe(
      'Stap 3Breng je stakeholders in kaart(Inclusie)★ PrioriteitOok wie geen stem heeft',
    )
    expect(await shown.locator('[data-phase="run-up"] h4').textContent()).toBe(
      'In aanloop naar stakeholderdialoog',
    )
    // Readable from the back of the room: on a 1920 × 1080 screen, zoomed to the board.
    await zoomToBoard(page)
    const nameHeight = await inclusion
      .locator('.sa-element__name')
      .evaluate((element) => element.getBoundingClientRect().height)
    expect(nameHeight).toBeGreaterThanOrEqual(20)
    await page.screenshot({ path: `${SHOTS}/self-assessment-board-nl.png` })
  })

  it('an English editor sees the board in English and changes a rating on the board', async () => {
    const page = setup.pages.editor.page
    await page.setViewportSize(PROJECTOR)
    await board(page).waitFor()
    await zoomToBoard(page)
    const shown = board(page)
    await expect
      .poll(() => shown.locator('[data-element="inclusion"] .sa-element__rating').textContent())
      .toBe('Orange: needs attention')
    expect(await shown.locator('.sa-step[data-step="6"]').textContent()).toBe(
      'Step 6(Organising the conversation)★ Priority',
    )
    // The phase titles the Dutch owner's assessment was pre-filled with read in English.
    expect(await shown.locator('[data-phase="run-up"] h4').textContent()).toBe(
      'Run-up to a stakeholder dialogue',
    )
    // Enter on the selected board opens its ratings; the first select has focus.
    await page.keyboard.press('Enter')
    const motivation = shown.getByLabel('Rating: Motivation', { exact: true })
    await expect
      .poll(() => motivation.evaluate((element) => element === document.activeElement))
      .toBe(true)
    await motivation.selectOption({ label: 'Red: missing' })
    await page.keyboard.press('Escape')
    await expect
      .poll(async () => (await serverAssessments(setup))[0]?.elements.motivation.rating)
      .toBe('red')
    await expect
      .poll(() =>
        shown
          .locator('.sa-step[data-priority="true"]')
          .evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step'))),
      )
      .toEqual(['1', '3', '6'])
    await page.screenshot({ path: `${SHOTS}/self-assessment-board-en.png` })
    const form = await openAssessment(page, 'Dialogues')
    await expect
      .poll(() => form.locator(':scope > summary').textContent())
      .toBe('Cacao Handel BV · 3 priority steps')
    await page.screenshot({ path: `${SHOTS}/self-assessment-panel-en.png` })
  })

  it('a viewer sees the ratings as text and the board, with nothing to change', async () => {
    const { page } = setup.pages.viewer
    const form = await openAssessment(page, 'Dialogen')
    await expect.poll(() => form.textContent()).toContain('Rood: ontbreekt')
    expect(await form.locator('select, input, textarea').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Nieuwe zelfevaluatie' }).count()).toBe(0)
    await board(page).waitFor()
    await zoomToBoard(page)
    await page.keyboard.press('Enter')
    expect(await board(page).locator('select').count()).toBe(0)
  })

  it('keeps what was typed in a note for every way out of the field', async () => {
    const { page } = setup.pages.owner
    // Away from every board, so the canvas has an empty spot to click on.
    await page.evaluate(() => {
      const editor = (
        window as unknown as { editor: { centerOnPoint(point: { x: number; y: number }): void } }
      ).editor
      editor.centerOnPoint({ x: -20_000, y: -20_000 })
    })
    for (const way of waysOutOfAField('nl')) {
      const form = await openAssessment(page, 'Dialogen')
      const note = form.getByLabel('Toelichting bij het element: Kennis', { exact: true })
      const text = `Kennis: ${way.name}`
      await note.fill(text)
      if (way.oneLineOnly) {
        // Enter in a text area is a new line: the one-line subject field takes this way.
        const subject = form.getByLabel('Van wie', { exact: true })
        await subject.fill(`Cacao Handel BV (${way.name})`)
        await way.leave(page)
        await expect
          .poll(async () => (await serverAssessments(setup))[0]?.subject, { timeout: 10_000 })
          .toBe(`Cacao Handel BV (${way.name})`)
        continue
      }
      await way.leave(page)
      await expect
        .poll(async () => (await serverAssessments(setup))[0]?.elements.knowledge.note, {
          timeout: 10_000,
        })
        .toBe(text)
    }
    const form = await openAssessment(page, 'Dialogen')
    await form.locator(':scope > summary').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/self-assessment-panel-nl.png` })
  })
  it('a note typed offline, then the tab closed, reaches the server when reopened', async () => {
    const owner = setup.pages.owner
    await goOffline(owner)
    const form = await openAssessment(owner.page, 'Dialogen')
    await cutOffLocalCopyCommits(owner.page)
    await form.getByLabel('Toelichting bij het element: Transparantie', { exact: true }).click()
    await owner.page.keyboard.type('Wij delen onze auditrapporten niet')
    await closeTabAndReopenOnline(
      owner,
      shareLinkFor(setup.server.url, setup.map.id, setup.map.tokens.owner),
    )
    await expect
      .poll(async () => (await serverAssessments(setup))[0]?.elements.transparency.note, {
        timeout: 10_000,
      })
      .toBe('Wij delen onze auditrapporten niet')
  })
})
